using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// Holds when a notice of one of <see cref="Notices"/> was issued in the <see cref="WithinMonths"/>
/// months before the first day of leave: on or after the first day less that many months, and
/// before the first day.
/// </summary>
public sealed record RecentNoticesCondition : LeaveCondition
{
    /// <summary>The kinds of notice that count.</summary>
    public required ValueList<NoticeKind> Notices { get; init; }

    /// <summary>How far back from the first day of leave, in calendar months.</summary>
    public required int WithinMonths { get; init; }

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "recent_notices";
}
