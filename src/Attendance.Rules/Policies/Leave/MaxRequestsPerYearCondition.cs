using Attendance.Rules.Leave;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// Holds when this request and the earlier ones of the condition's types whose first day is in the
/// same academic year as this one's number more than <see cref="AtMost"/>. With <see cref="Over"/>,
/// the earlier requests counted are those whose first day is after the same date N months before
/// this one's first day, and not after it.
/// </summary>
public sealed record MaxRequestsPerYearCondition : LeaveCondition
{
    /// <summary>The most requests of these types in one academic year.</summary>
    public required int AtMost { get; init; }

    /// <summary>
    /// The rolling period the limit is judged over instead of the academic year (the policy format's
    /// <c>over: { rolling: { months: N } }</c>, only months); null for the academic year.
    /// </summary>
    public RollingWindow? Over { get; init; }

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "max_requests_per_year";
}
