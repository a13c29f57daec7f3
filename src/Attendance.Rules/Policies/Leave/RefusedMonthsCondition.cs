using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when a school day of the leave falls in one of <see cref="Months"/> ("at any time in September").</summary>
public sealed record RefusedMonthsCondition : LeaveCondition
{
    /// <summary>The months, 1–12.</summary>
    public required ValueList<int> Months { get; init; }

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "refused_months";
}
