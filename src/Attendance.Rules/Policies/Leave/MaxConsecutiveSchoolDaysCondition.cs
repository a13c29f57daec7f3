using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the leave covers more than <see cref="AtMost"/> school days (a weekend or closure between them does not break the run).</summary>
public sealed record MaxConsecutiveSchoolDaysCondition : LeaveCondition
{
    /// <summary>The most school days allowed.</summary>
    public required int AtMost { get; init; }

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "max_consecutive_school_days";
}
