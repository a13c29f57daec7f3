using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when a school day of the leave falls in one of the calendar's assessment periods; without a calendar it cannot be judged and refers.</summary>
public sealed record AssessmentPeriodsCondition : LeaveCondition
{
    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "assessment_periods";
}
