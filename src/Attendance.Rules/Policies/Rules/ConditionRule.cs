using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Policies.Rules;

/// <summary>
/// A rule of the policy language v2: when its condition holds at a judged point, its action falls
/// due. Limited by <see cref="AppliesTo"/> and by <see cref="After"/> (only once that action has
/// fallen due, on an earlier school day of the same academic year); repeated by <see cref="Rule.Repeat"/>.
/// Written with <c>when:</c> and no <c>type:</c>.
/// </summary>
public sealed record ConditionRule : Rule
{
    /// <summary>The condition.</summary>
    public required Condition When { get; init; }

    /// <summary>When the condition is checked.</summary>
    public JudgedPeriod Judged { get; init; } = JudgedPeriod.Day;

    /// <summary>The pupils it applies to; null for every pupil.</summary>
    public AppliesTo? AppliesTo { get; init; }

    /// <summary>The action that must have fallen due first, where there is one.</summary>
    public ActionReference? After { get; init; }

    /// <inheritdoc />
    public override string TypeName => "when";
}
