namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// An earlier action a rule waits for or measures from: a rule by id, or one stage of a staged
/// rule. Written <c>rule-id</c>, <c>{ rule: rule-id, stage: 2 }</c>, or inside a staged rule
/// <c>previous</c> (the stage before), which the loader resolves to the stage.
/// </summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Stage">The stage's number, for a staged rule; null for a rule.</param>
public sealed record ActionReference(string RuleId, int? Stage = null)
{
    /// <summary>Formats as <c>rule-id</c> or <c>rule-id stage 2</c>.</summary>
    /// <returns>The reference.</returns>
    public override string ToString() => Stage is { } s ? $"{RuleId} stage {s}" : RuleId;
}
