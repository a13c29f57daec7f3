using Attendance.Rules.Loading.Language;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Loading;

/// <summary>The parts of the reader for the policy language v2: rules with <c>when</c>, stages with conditions, indicators and defaults.</summary>
internal sealed partial class PolicyReader
{
    private ConditionReader? conditions;

    private ConditionReader Conditions => conditions ??= new ConditionReader(r, codeSets);

    private PolicyDefaults ReadDefaults(YamlNode node)
    {
        if (!r.Mapping(node, "defaults", ["min_possible_sessions"]))
        {
            return PolicyDefaults.None;
        }

        return new PolicyDefaults(r.Int(node, "min_possible_sessions", "defaults", 0, 10_000));
    }

    private ConditionRule? ReadConditionRule(YamlNode node)
    {
        const string what = "a rule with 'when'";
        r.Mapping(node, what, ConditionRuleKeys);
        var id = r.String(node, "id", what, required: true);
        if (id is not null && !IsKebab(id))
        {
            r.Error(node.Get("id")!, $"the rule id '{id}' must be lower-case letters, digits and '-'", "an id such as 'warning-letter'");
        }

        var title = r.String(node, "title", what, required: true);
        var action = r.Enum(node, "action", what, ActionNames, required: true);
        var sources = r.Quotes(node, "source", what, required: true);
        var followUps = ReadFollowUps(node, what);
        var repeat = r.Enum(node, "repeat", what, ConditionRepeatNames, required: false) ?? RepeatMode.OncePerYear;
        var judged = r.Enum(node, "judged", what, JudgedNames, required: false) ?? JudgedPeriod.Day;
        var note = r.String(node, "note", what, required: false);
        var role = r.Enum(node, "role", what, RoleNames, required: false) ?? RuleRole.None;
        CheckOneRole(role, node);
        Conditions.Previous = null;
        var when = Conditions.Read(node.Get("when")!, "'when'");
        var after = node.Get("after") is { } afterNode ? Conditions.ReadReference(afterNode, "'after'") : null;
        var appliesTo = node.Get("applies_to") is { } appliesNode ? ReadAppliesTo(appliesNode) : null;
        if (when is not null && repeat == RepeatMode.FreshSessions && !ConditionShapes.IsSessionCount(when))
        {
            r.Error(node.Get("repeat")!, "'repeat: fresh' counts each session towards one hit only, so the condition must be one count of sessions (count or late) with at_least, more_than, at_or_above or above", "once_per_year, on_lapse or every_time");
            return null;
        }

        if (id is null || title is null || action is null || when is null)
        {
            return null;
        }

        if (role == RuleRole.PenaltyNoticeThreshold && !ConditionShapes.IsSessionCount(when))
        {
            r.Warn(node.Get("role")!, "only a count of sessions reaching a number has threshold hits; this rule will never report a penalty-notice hit", "the role on a rule whose 'when' is one count, such as { measure: { count: unauthorised }, over: { rolling: { school_weeks: 10 } }, at_least: 10 }");
        }

        return new ConditionRule
        {
            Id = id, Title = title, Action = action, Sources = sources, FollowUps = followUps, Repeat = repeat, Note = note, Role = role,
            When = when, Judged = judged, After = after, AppliesTo = appliesTo,
        };
    }

    private AppliesTo? ReadAppliesTo(YamlNode node)
    {
        const string what = "'applies_to'";
        if (!r.Mapping(node, what, ["year_groups", "compulsory_age"]))
        {
            return null;
        }

        var years = node.Get("year_groups") is { } yg ? r.StringList(yg, "year_groups", what, true) : ValueList<string>.Empty;
        var compulsory = r.Bool(node, "compulsory_age", what) ?? false;
        if (years.Count == 0 && !compulsory)
        {
            r.Error(node, "'applies_to' limits nothing", "year_groups: [...] and/or compulsory_age: true");
            return null;
        }

        return new AppliesTo(years, compulsory);
    }

    private ConditionStage? ReadConditionStage(YamlNode stage, YamlNode when, string? ruleId, List<Stage> earlier)
    {
        Conditions.Previous = earlier.Count > 0 && ruleId is not null ? (ruleId, earlier[^1].Number) : null;
        var condition = Conditions.Read(when, "the stage's 'when'");
        Conditions.Previous = null;
        var judged = r.Enum(stage, "judged", "a stage", JudgedNames, required: false) ?? JudgedPeriod.Day;
        return condition is null ? null : new ConditionStage(condition, judged);
    }

    private ValueList<Indicator> ReadIndicators(YamlNode node, ValueList<Rule> rules)
    {
        var result = new List<Indicator>();
        foreach (var item in Items(node, "indicators"))
        {
            const string what = "an indicator";
            if (!r.Mapping(item, what, ["id", "title", "when", "source", "note"]))
            {
                continue;
            }

            var id = r.String(item, "id", what, required: true);
            var title = r.String(item, "title", what, required: true);
            var sources = r.Quotes(item, "source", what, required: true);
            var note = r.String(item, "note", what, required: false);
            Conditions.Previous = null;
            var when = r.Required(item, "when", what) is { } w ? Conditions.Read(w, "'when' of an indicator") : null;
            if (id is not null && !IsKebab(id))
            {
                r.Error(item.Get("id")!, $"the indicator id '{id}' must be lower-case letters, digits and '-'", "an id such as 'below-target'");
            }
            else if (id is not null && (rules.Any(x => x.Id == id) || result.Exists(x => x.Id == id)))
            {
                r.Error(item.Get("id")!, $"the indicator id '{id}' is already used by a rule or an indicator", "ids unique across rules and indicators");
            }

            if (id is not null && title is not null && when is not null)
            {
                result.Add(r.Located(new Indicator(id, title, when, sources, note), item)!);
            }
        }

        return result.ToValueList();
    }

    /// <summary>Every action reference (after, since, a monitoring period, a change) must name a rule with an action, or a stage it has; reported at the comparison (or `after`) that names it.</summary>
    private void CheckReferences(ValueList<Rule> rules, ValueList<Indicator> indicators, YamlNode root)
    {
        foreach (var rule in rules.OfType<ConditionRule>())
        {
            if (rule.After is { } after)
            {
                r.RuleId = rule.Id;
                CheckReference(after, rules, r.Locations.GetValueOrDefault(rule)?.Get("after") ?? root);
            }
        }

        foreach (var site in ConditionSite.Of(rules, indicators))
        {
            r.RuleId = site.RuleId;
            var at = r.Locations.GetValueOrDefault(site.Owner) ?? root;
            foreach (var comparison in site.When.Comparisons())
            {
                foreach (var reference in References(comparison))
                {
                    CheckReference(reference, rules, r.Locations.GetValueOrDefault(comparison) ?? at);
                }
            }
        }

        r.RuleId = null;
    }

    internal static IEnumerable<ActionReference> References(Condition condition) =>
        condition.Comparisons().SelectMany(c => (c.Measure is ChangeMeasure m ? [m.Since] : Array.Empty<ActionReference>()).Concat(c.Over.Anchor is { } a ? [a] : []));

    private void CheckReference(ActionReference reference, ValueList<Rule> rules, YamlNode at)
    {
        var target = rules.FirstOrDefault(x => x.Id == reference.RuleId);
        if (target is null)
        {
            r.Error(at, $"a condition names the action '{reference.RuleId}', which the policy does not have", "the id of a rule of this policy");
        }
        else if (reference.Stage is { } stage && (target is not StagedRule staged || !staged.Stages.Any(s => s.Number == stage)))
        {
            r.Error(at, target is StagedRule st ? $"the rule '{reference.RuleId}' has no stage {stage}" : $"'{reference.RuleId}' is not a staged rule, so it has no stage {stage}",
                target is StagedRule st2 ? "one of its stages: " + string.Join(", ", st2.Stages.Select(s => s.Number)) : $"{{ rule: {reference.RuleId} }} without a stage");
        }
        else if (reference.Stage is null && target is StagedRule)
        {
            r.Error(at, $"'{reference.RuleId}' is a staged rule: name one of its stages", $"{{ rule: {reference.RuleId}, stage: <n> }}");
        }
        else if (target.Action is null && target is not StagedRule)
        {
            r.Error(at, $"the rule '{reference.RuleId}' has no action, so it never falls due", "the id of a rule with an action");
        }
    }
}
