using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Validation;

/// <summary>
/// Two rules, or stages, that would give a pupil the same action at the same point: the same
/// condition, <c>judged</c>, <c>applies_to</c>, <c>after</c> and action kind (ids, titles, sources,
/// notes and follow-ups ignored); for the other rule types, the same type, parameters and action.
/// A stage after the first counts as <c>after</c> the stage before it, so a rule <c>after</c> a
/// stage with the stage's next condition duplicates the next stage. Reported at the later one.
/// </summary>
internal static class DuplicateRuleCheck
{
    private const string Expected = "one of the two, or a difference in condition or action";

    /// <summary>What makes an action of the language v2 fall due.</summary>
    private sealed record Signature(Condition When, JudgedPeriod Judged, AppliesTo? AppliesTo, ActionReference? After, ActionKind Action);

    public static void Run(Policy policy, Locator at, List<PolicyDiagnostic> warnings)
    {
        var seen = new Dictionary<object, (string Name, object Model)>();
        foreach (var rule in policy.Rules)
        {
            if (rule is ConditionRule c)
            {
                if (c.Action is { } action)
                {
                    Report(seen, new Signature(c.When, c.Judged, c.AppliesTo, c.After, action), $"rule '{c.Id}'", c, c.Id, at, warnings);
                }

                continue;
            }

            if (Report(seen, Stripped(rule), $"rule '{rule.Id}'", rule, rule.Id, at, warnings) || rule is not StagedRule staged)
            {
                continue;
            }

            for (var i = 0; i < staged.Stages.Count; i++)
            {
                var stage = staged.Stages[i];
                if (stage.When is ConditionStage cs)
                {
                    var after = i == 0 ? null : Reachability.Of(staged, staged.Stages[i - 1]);
                    Report(seen, new Signature(cs.When, cs.Judged, null, after, stage.Action), $"rule '{staged.Id}' stage {stage.Number}", stage, staged.Id, at, warnings);
                }
            }
        }
    }

    /// <summary>Records a key; where it was seen before, warns and returns true.</summary>
    private static bool Report(Dictionary<object, (string Name, object Model)> seen, object key, string name, object model, string ruleId, Locator at, List<PolicyDiagnostic> warnings)
    {
        if (!seen.TryGetValue(key, out var first))
        {
            seen[key] = (name, model);
            return false;
        }

        var where = at.Find(first.Model) is { } w ? (w.File == at.Find(model)?.File ? $" (line {w.Line})" : $" ({Path.GetFileName(w.File)}:{w.Line})") : string.Empty;
        var what = key is Signature ? "the same condition, judged, applies_to, after and action" : "the same type, parameters and action";
        var self = name.StartsWith($"rule '{ruleId}' ", StringComparison.Ordinal) ? name[$"rule '{ruleId}' ".Length..] + " " : string.Empty;
        warnings.Add(at.Warning(ruleId, $"{self}duplicates {first.Name}{where}: {what}, so a pupil would get both", Expected, null, model));
        return true;
    }

    /// <summary>The rule without what does not change when it falls due: id, title, sources, follow-ups, note, and its stages' titles and sources.</summary>
    private static Rule Stripped(Rule rule)
    {
        var stripped = rule with { Id = string.Empty, Title = string.Empty, Sources = ValueList<string>.Empty, FollowUps = ValueList<FollowUp>.Empty, Note = null };
        return stripped is StagedRule staged
            ? staged with { Stages = staged.Stages.Select(s => s with { Title = string.Empty, Sources = ValueList<string>.Empty, FollowUps = ValueList<FollowUp>.Empty }).ToValueList() }
            : stripped;
    }
}
