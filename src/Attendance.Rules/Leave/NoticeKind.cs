namespace Attendance.Rules.Leave;

/// <summary>A notice already issued to the pupil's parents that a leave condition may look back at.</summary>
public enum NoticeKind
{
    /// <summary>A holiday warning letter (<c>warning_letter</c>).</summary>
    WarningLetter,

    /// <summary>A penalty notice (<c>penalty_notice</c>).</summary>
    PenaltyNotice,
}
