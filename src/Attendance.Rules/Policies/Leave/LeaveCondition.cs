using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// One machine-checkable condition a policy sets on leave requests. One record per kind; the set
/// of kinds is closed (docs/policy-format.md, <c>leave</c>).
/// </summary>
public abstract record LeaveCondition
{
    /// <summary>The condition's id, unique in the leave section; a reason names it.</summary>
    public required string Id { get; init; }

    /// <summary>The leave types it applies to; empty for every type.</summary>
    public ValueList<LeaveType> Types { get; init; } = ValueList<LeaveType>.Empty;

    /// <summary>The document's words for it.</summary>
    public required ValueList<string> Sources { get; init; }

    /// <summary>
    /// The action the condition raises when it decides the outcome (its reason's outcome is the
    /// decision's), dated the decision's day; null for none.
    /// </summary>
    public LeaveRaise? Raises { get; init; }

    /// <summary>A free-text note, where the policy gives one.</summary>
    public string? Note { get; init; }

    /// <summary>The kind's name in the policy format, for example <c>min_notice</c>.</summary>
    public abstract string KindName { get; }

    /// <summary>Whether it applies to a type of leave.</summary>
    /// <param name="type">The type.</param>
    /// <returns>True where <see cref="Types"/> is empty or lists it.</returns>
    public bool AppliesTo(LeaveType type) => Types.Count == 0 || Types.Contains(type);
}
