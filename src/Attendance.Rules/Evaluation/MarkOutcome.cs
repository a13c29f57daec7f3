using Attendance.Rules.Codes;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// One session's mark as the evaluation read it: the code recorded, the code it counts as in the
/// figures and under the policy's rules, how its arrival time was classified, and where it falls in
/// the school's weeks, terms and half terms. Reports read these rather than work them out again.
/// </summary>
public sealed record MarkOutcome
{
    /// <summary>The session.</summary>
    public required Session Session { get; init; }

    /// <summary>The code recorded in the register; null where only an arrival time was recorded.</summary>
    public AttendanceCode? RecordedCode { get; init; }

    /// <summary>The session's code in the attendance figures: the recorded code, or the code the arrival time gave at the registration window where none was recorded.</summary>
    public required AttendanceCode Code { get; init; }

    /// <summary>
    /// The code the policy's rules counted the session as: <see cref="Code"/>, or the code a
    /// <c>reinterpret</c> rule made of it (for example <c>I</c> counted as <c>O</c> after a stage
    /// of an escalation). The attendance figures keep <see cref="Code"/>.
    /// </summary>
    public required AttendanceCode CountedAs { get; init; }

    /// <summary>How the registration window classified the recorded arrival time; null where no arrival time was recorded.</summary>
    public ArrivalOutcome? Arrival { get; init; }

    /// <summary>The arrival time recorded for the session; null where none was recorded.</summary>
    public LocalTime? ArrivalTime { get; init; }

    /// <summary>Whether the day was a school day: one on which the school was open for the pupil (from the marks; with a calendar, the calendar's for a day without marks, and the marks outrank it for a day with them).</summary>
    public required bool IsSchoolDay { get; init; }

    /// <summary>The Monday of the session's week, the school week it belongs to (weeks run Monday to Sunday).</summary>
    public required LocalDate WeekStarting { get; init; }

    /// <summary>
    /// The school week's number, counting from 1 for the register's first school week and only school
    /// weeks: weeks with a school day and, with a calendar, its weeks with a calendar school day;
    /// null where the week is not one (a week the school was closed).
    /// </summary>
    public int? SchoolWeek { get; init; }

    /// <summary>
    /// The term's number, counting from 1 for the register's first term (terms come from the
    /// calendar, or without one from breaks of 10 or more weekdays); null where <see cref="SchoolWeek"/> is.
    /// </summary>
    public int? Term { get; init; }

    /// <summary>
    /// The half term's number, counting from 1 for the register's first half term (a term ends one,
    /// as does a break of 5 or more weekdays); null where <see cref="SchoolWeek"/> is.
    /// </summary>
    public int? HalfTerm { get; init; }
}
