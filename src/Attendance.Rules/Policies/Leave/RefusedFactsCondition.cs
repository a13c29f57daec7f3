using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the request states one of <see cref="Facts"/> (cost, protest, visiting a relative) and none of <see cref="UnlessFacts"/>.</summary>
public sealed record RefusedFactsCondition : LeaveCondition
{
    /// <summary>The facts that hold the condition.</summary>
    public required ValueList<LeaveFact> Facts { get; init; }

    /// <summary>Facts that lift it (a relative who is critically ill).</summary>
    public ValueList<LeaveFact> UnlessFacts { get; init; } = ValueList<LeaveFact>.Empty;

    /// <summary>The school's own facts (declared in the leave section's <c>facts</c>) that hold the condition too.</summary>
    public ValueList<string> SchoolFacts { get; init; } = ValueList<string>.Empty;

    /// <summary>The school's own facts that lift it.</summary>
    public ValueList<string> UnlessSchoolFacts { get; init; } = ValueList<string>.Empty;

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "refused_facts";
}
