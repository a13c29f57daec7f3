using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Validation;

/// <summary>
/// Conditions that can never hold and actions that can never fall due: a rule or indicator whose
/// condition never holds, a rule whose <c>after</c> names such an action, a stage that cannot be
/// reached. One warning per rule, stage or indicator, at the part that explains it.
/// </summary>
internal static class ReachabilityCheck
{
    private const string Expected = "a condition that some register can make hold";

    public static void Run(Policy policy, Locator at, List<PolicyDiagnostic> warnings)
    {
        var reach = Reachability.Of(policy);
        foreach (var indicator in policy.Indicators)
        {
            if (reach.Conditions.Find(indicator.When) is { } finding)
            {
                warnings.Add(at.Warning(null, $"the indicator '{indicator.Id}' can never hold: {finding.Reason}", Expected, null, finding.At, indicator));
            }
        }

        foreach (var rule in policy.Rules)
        {
            switch (rule)
            {
                case ConditionRule c when c.Action is not null && !reach.CanFallDue(new(c.Id)):
                    if (c.After is { } after && !reach.CanFallDue(after))
                    {
                        var whom = after.RuleId == c.Id && after.Stage is null ? "the rule itself" : after.ToString();
                        warnings.Add(at.Warning(c.Id, $"the rule can never fall due: its 'after' names {whom}, which can never fall due before it", "'after' naming an action that can fall due", "after", c));
                    }
                    else if (reach.Conditions.Find(c.When) is { } finding)
                    {
                        warnings.Add(at.Warning(c.Id, $"the condition can never hold: {finding.Reason}", Expected, null, finding.At, c.When, c));
                    }

                    break;
                case StagedRule s:
                    Stages(s, reach, at, warnings);
                    break;
            }
        }
    }

    private static void Stages(StagedRule rule, Reachability reach, Locator at, List<PolicyDiagnostic> warnings)
    {
        Stage? dead = null;
        foreach (var stage in rule.Stages)
        {
            if (reach.CanFallDue(Reachability.Of(rule, stage)))
            {
                continue;
            }

            if (dead is not null)
            {
                warnings.Add(at.Warning(rule.Id, $"stage {stage.Number} can never be reached: stage {dead.Number} before it can never fall due", "stages that can each fall due", "stage", stage, rule));
                continue;
            }

            dead = stage;
            if (reach.Never(stage.When) is { } finding)
            {
                warnings.Add(at.Warning(rule.Id, $"stage {stage.Number} can never be reached: its condition can never hold: {finding.Reason}", Expected, null, finding.At, stage, rule));
            }
            else if (Reachability.NeverV1(stage.When))
            {
                warnings.Add(at.Warning(rule.Id, $"stage {stage.Number} can never be reached: attendance is never below 0%", Expected, "when", stage, rule));
            }
        }
    }
}
