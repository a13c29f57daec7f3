using Attendance.Rules.Leave;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// Holds when the school days requested plus the days already marked with <see cref="CountsCodes"/>
/// in the academic year of the first day (before it) come to more than <see cref="AtMostDays"/>
/// (two sessions make a day). Without a register, a request within the limit on its own days
/// cannot be judged and refers. With <see cref="Over"/>, judged on each requested school day over
/// the rolling months to it instead of the academic year (the worst day decides).
/// </summary>
public sealed record MaxDaysPerYearCondition : LeaveCondition
{
    /// <summary>The most days in an academic year.</summary>
    public required int AtMostDays { get; init; }

    /// <summary>The codes of the register whose sessions already count (<c>R</c> for religious observance).</summary>
    public required ValueList<string> CountsCodes { get; init; }

    /// <summary>
    /// The rolling period the limit is judged over instead of the academic year (the policy format's
    /// <c>over: { rolling: { months: N } }</c>, only months); null for the academic year.
    /// </summary>
    public RollingWindow? Over { get; init; }

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "max_days_per_year";
}
