using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// Where a policy has a condition of the language v2, and when it is judged: a rule with
/// <c>when</c>, a stage, a scheduled step's <c>when</c>, or an indicator. One walk that every check
/// and the reader share, so a new place for conditions is added once.
/// </summary>
/// <param name="When">The condition.</param>
/// <param name="Judged">When it is checked (an indicator's: at the evaluation date, as a day).</param>
/// <param name="RuleId">The rule's id; null for an indicator.</param>
/// <param name="Prefix">Words that name the place in a message ("stage 2: ", "the indicator 'x' "); empty for a rule.</param>
/// <param name="Owner">The model object it belongs to (the rule, stage or indicator), for its location.</param>
internal sealed record ConditionSite(Condition When, JudgedPeriod Judged, string? RuleId, string Prefix, object Owner)
{
    public static IEnumerable<ConditionSite> Of(Policy policy) => Of(policy.Rules, policy.Indicators);

    public static IEnumerable<ConditionSite> Of(IEnumerable<Rule> rules, IEnumerable<Indicator> indicators)
    {
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case ConditionRule c:
                    yield return new(c.When, c.Judged, c.Id, string.Empty, c);
                    break;
                case ScheduledRule { When: { } when } s:
                    yield return new(when, s.Every switch
                    {
                        SchoolPeriod.Week => JudgedPeriod.Week,
                        SchoolPeriod.HalfTerm => JudgedPeriod.HalfTerm,
                        _ => JudgedPeriod.Term,
                    }, s.Id, string.Empty, s);
                    break;
                case StagedRule s:
                    foreach (var stage in s.Stages)
                    {
                        if (stage.When is ConditionStage cs)
                        {
                            yield return new(cs.When, cs.Judged, s.Id, $"stage {stage.Number}: ", stage);
                        }
                    }

                    break;
            }
        }

        foreach (var indicator in indicators)
        {
            yield return new(indicator.When, JudgedPeriod.Day, null, $"the indicator '{indicator.Id}' ", indicator);
        }
    }
}
