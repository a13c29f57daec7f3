using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the request's type is not one of <see cref="Allowed"/> (leave only in the circumstances the regulations list).</summary>
public sealed record AllowedTypesCondition : LeaveCondition
{
    /// <summary>The types the policy considers at all.</summary>
    public required ValueList<LeaveType> Allowed { get; init; }

    /// <summary>What another type gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "allowed_types";
}
