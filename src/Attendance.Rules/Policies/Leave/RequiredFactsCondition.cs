using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the request does not state every one of <see cref="Facts"/> (a request in writing, a day set apart, a sport organised by a club).</summary>
public sealed record RequiredFactsCondition : LeaveCondition
{
    /// <summary>The facts the request must state.</summary>
    public required ValueList<LeaveFact> Facts { get; init; }

    /// <summary>The school's own facts (declared in the leave section's <c>facts</c>) the request must state too.</summary>
    public ValueList<string> SchoolFacts { get; init; } = ValueList<string>.Empty;

    /// <summary>What a request missing one gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "required_facts";
}
