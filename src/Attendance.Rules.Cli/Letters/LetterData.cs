using Attendance.Rules.Cli.Input;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Cli.Letters;

/// <summary>What one letter is made from: the school's policy, the pupil, the action and the pupil's figures and distances on the day it fell due.</summary>
internal sealed record LetterData(
    Policy Policy,
    string PolicyVersion,
    string Pupil,
    string? YearGroup,
    PupilDetails Details,
    PolicyAction Action,
    AttendanceFigures Figures,
    Evaluation.Outlook.PupilOutlook Outlook,
    string File,
    string Template);
