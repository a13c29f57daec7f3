using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the request was made on or after the first day of leave: leave is never granted retrospectively.</summary>
public sealed record InAdvanceCondition : LeaveCondition
{
    /// <summary>What a request not made in advance gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "in_advance";
}
