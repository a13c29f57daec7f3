using Attendance.Rules.Leave;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Leave;

namespace Attendance.Rules.Loading;

/// <summary>Reads a policy's <c>leave</c> section into a <see cref="LeavePolicy"/>, recording a located diagnostic for every problem.</summary>
internal sealed class LeaveReader
{
    private static readonly string[] CommonKeys = ["id", "kind", "types", "source", "note"];

    /// <summary>The key any condition may add: the action it raises (left out of the listed keys, so the long-standing messages stay as they were).</summary>
    private const string RaisesKey = "raises";

    /// <summary>Each condition kind and its own keys.</summary>
    internal static readonly Dictionary<string, string[]> KindKeys = new(StringComparer.Ordinal)
    {
        ["min_notice"] = ["days", "weeks", "outcome"],
        ["in_advance"] = ["outcome"],
        ["required_facts"] = ["facts", "outcome"],
        ["refused_facts"] = ["facts", "unless_facts", "outcome"],
        ["refused_months"] = ["months", "outcome"],
        ["refused_year_groups"] = ["year_groups", "unless_facts", "outcome"],
        ["recent_notices"] = ["notices", "within_months", "outcome"],
        ["assessment_periods"] = ["outcome"],
        ["max_consecutive_school_days"] = ["at_most", "outcome"],
        ["max_requests_per_year"] = ["at_most", "over", "outcome"],
        ["allowed_types"] = ["allowed", "outcome"],
        ["max_days_per_year"] = ["at_most_days", "counts_codes", "over", "outcome"],
        ["licence"] = ["without_dates", "without_licence"],
        ["attendance_floor"] = ["percent", "months", "outcome"],
        ["grant"] = ["in_advance"],
    };

    /// <summary>The outcomes a condition may give (authorise only comes from a licence or a grant).</summary>
    internal static readonly Dictionary<string, LeaveOutcome> ConditionOutcomes = new(StringComparer.Ordinal)
    {
        ["refuse"] = LeaveOutcome.Refuse,
        ["refer"] = LeaveOutcome.Refer,
    };

    private readonly NodeReader r;

    /// <summary>The school's own facts the section declares.</summary>
    private readonly List<string> declared = [];

    public LeaveReader(NodeReader reader) => r = reader;

    public LeavePolicy? Read(YamlNode node)
    {
        const string what = "leave";
        if (!r.Mapping(node, what, ["discretion", "facts", "codes", "conditions"]))
        {
            return null;
        }

        if (node.Get("facts") is { } factsNode && !factsNode.IsNull)
        {
            ReadDeclaredFacts(factsNode);
        }

        var discretion = r.Required(node, "discretion", what) is { } d ? ReadDiscretion(d) : null;
        var codes = r.Required(node, "codes", what) is { } c ? ReadCodes(c) : null;
        var conditions = new List<LeaveCondition>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (discretion is not null && node.Get("discretion")?.Get("id") is { } discretionId)
        {
            ids[discretion.Id] = discretionId;
        }

        if (node.Get("conditions") is { } list && !list.IsNull)
        {
            if (list.Kind != YamlNodeKind.Sequence)
            {
                r.Error(list, $"'conditions' of leave must be a list, got {list.Describe()}", "a list of conditions, each starting with '- id:'");
            }
            else
            {
                foreach (var item in list.Items)
                {
                    if (ReadCondition(item) is not { } condition)
                    {
                        continue;
                    }

                    if (ids.TryGetValue(condition.Id, out var first))
                    {
                        r.Error(item.Get("id") ?? item, $"the leave condition id '{condition.Id}' is used twice (first at {first.File}:{first.Line})", "unique ids in the leave section");
                        continue;
                    }

                    ids[condition.Id] = item.Get("id") ?? item;
                    conditions.Add(condition);
                }
            }
        }

        return discretion is null || codes is null ? null : new LeavePolicy(discretion, codes, conditions.ToValueList()) { Facts = declared.ToValueList() };
    }

    private void ReadDeclaredFacts(YamlNode node)
    {
        if (node.Kind != YamlNodeKind.Sequence || node.Items.Count == 0)
        {
            r.Error(node, $"'facts' of leave must be a list of the school's own facts, got {node.Describe()}", "a list such as [wedding]");
            return;
        }

        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.Value is not { } name)
            {
                r.Error(item, $"each item of 'facts' of leave must be a fact's id, got {item.Describe()}", "an id such as wedding");
            }
            else if (LeaveNames.Facts.ContainsKey(name.Replace('-', '_')))
            {
                r.Error(item, $"the school fact '{name}' clashes with the national fact '{name.Replace('-', '_')}'", "name the national fact in conditions without declaring it, or give the school's fact another id");
            }
            else if (!LeaveNames.IsSchoolFactId(name))
            {
                r.Error(item, $"the school fact '{name}' must be {LeaveNames.SchoolFactIdRule}", "an id such as wedding or family-wedding");
            }
            else if (seen.TryGetValue(name, out var first))
            {
                r.Error(item, $"the school fact '{name}' is declared twice (first at {first.File}:{first.Line})", "each fact once");
            }
            else
            {
                seen[name] = item;
                declared.Add(name);
            }
        }
    }

    private LeaveDiscretion? ReadDiscretion(YamlNode node)
    {
        const string what = "leave discretion";
        if (!r.Mapping(node, what, ["id", "source"]))
        {
            return null;
        }

        var id = Id(node, what);
        var sources = r.Quotes(node, "source", what, required: true);
        return id is null ? null : new LeaveDiscretion(id, sources);
    }

    private ValueList<LeaveCodes>? ReadCodes(YamlNode node)
    {
        if (node.Kind != YamlNodeKind.Sequence)
        {
            r.Error(node, $"'codes' of leave must be a list, got {node.Describe()}", "a list of { type, if_authorised, if_taken }, one per leave type");
            return null;
        }

        const string what = "leave codes";
        var result = new List<LeaveCodes>();
        var ok = true;
        foreach (var item in node.Items)
        {
            if (!r.Mapping(item, what, ["type", "if_authorised", "if_taken", "source"]))
            {
                ok = false;
                continue;
            }

            var type = r.Enum(item, "type", what, LeaveNames.Types, required: true);
            var authorised = Code(item, "if_authorised", what);
            var taken = Code(item, "if_taken", what);
            var sources = r.Quotes(item, "source", what, required: false);
            if (type is null || authorised is null || taken is null)
            {
                ok = false;
                continue;
            }

            if (result.Exists(x => x.Type == type))
            {
                r.Error(item.Get("type")!, $"the leave type '{LeaveNames.Of(type.Value)}' has codes twice", "each leave type once");
                ok = false;
                continue;
            }

            result.Add(new LeaveCodes(type.Value, authorised, taken, sources));
        }

        var missing = LeaveNames.Types.Where(t => !result.Exists(x => x.Type == t.Value)).Select(t => t.Key).ToList();
        if (ok && missing.Count > 0)
        {
            r.Error(node, $"leave codes give no codes for {string.Join(", ", missing)}", "one entry for each leave type: " + string.Join(", ", LeaveNames.Types.Keys));
            return null;
        }

        return ok ? result.OrderBy(x => x.Type).ToValueList() : null;
    }

    private string? Code(YamlNode map, string key, string what)
    {
        var code = r.String(map, key, what, required: true);
        if (code is not null && map.Get(key) is { } node)
        {
            var diagnostics = r.Diagnostics.Count;
            r.CodeList(node, key, what);
            if (r.Diagnostics.Skip(diagnostics).Any(x => x.Severity == DiagnosticSeverity.Error))
            {
                return null;
            }
        }

        return code;
    }

    private string? Id(YamlNode node, string what)
    {
        var id = r.String(node, "id", what, required: true);
        if (id is not null && !PolicyReader.IsKebab(id))
        {
            r.Error(node.Get("id")!, $"the leave id '{id}' must be lower-case letters, digits and '-'", "an id such as 'four-weeks-notice'");
            return null;
        }

        return id;
    }

    private LeaveCondition? ReadCondition(YamlNode node)
    {
        const string what = "a leave condition";
        if (node.Kind != YamlNodeKind.Mapping)
        {
            r.Error(node, $"each leave condition must be a mapping, got {node.Describe()}", "a mapping with id, kind, source");
            return null;
        }

        var kind = r.String(node, "kind", what, required: true);
        if (kind is null)
        {
            return null;
        }

        if (!KindKeys.TryGetValue(kind, out var specific))
        {
            r.Error(node.Get("kind")!, $"unknown leave condition kind '{kind}'", "one of: " + string.Join(", ", KindKeys.Keys));
            return null;
        }

        var kindWhat = $"{NodeReader.Article(kind)} {kind} condition";
        var keys = CommonKeys.Concat(specific).ToArray();
        foreach (var pair in node.Pairs)
        {
            if (pair.Key.Value is not RaisesKey && !keys.Contains(pair.Key.Value, StringComparer.Ordinal))
            {
                r.Error(pair.Key, $"unknown key '{pair.Key.Value}' in {kindWhat}", "one of: " + string.Join(", ", keys));
            }
        }

        var id = Id(node, kindWhat);
        var types = node.Get("types") is { } typesNode && !typesNode.IsNull ? Names(typesNode, "types", kindWhat, LeaveNames.Types) : ValueList<LeaveType>.Empty;
        var sources = r.Quotes(node, "source", kindWhat, required: true);
        var note = r.String(node, "note", kindWhat, required: false);
        var raisesOk = true;
        var raises = node.Get(RaisesKey) is { } raisesNode && !raisesNode.IsNull ? ReadRaise(raisesNode, kindWhat, out raisesOk) : null;
        LeaveCondition? condition = kind switch
        {
            "min_notice" => ReadMinNotice(node, kindWhat),
            "in_advance" => Outcome(node, kindWhat) is { } o ? new InAdvanceCondition { Id = string.Empty, Sources = sources, Outcome = o } : null,
            "required_facts" => Facts(node, "facts", kindWhat, true) is { } f && Outcome(node, kindWhat) is { } o2
                ? new RequiredFactsCondition { Id = string.Empty, Sources = sources, Facts = f.National, SchoolFacts = f.School, Outcome = o2 } : null,
            "refused_facts" => ReadRefusedFacts(node, kindWhat),
            "refused_months" => ReadMonths(node, kindWhat),
            "refused_year_groups" => ReadYearGroups(node, kindWhat),
            "recent_notices" => ReadRecentNotices(node, kindWhat),
            "assessment_periods" => Outcome(node, kindWhat) is { } o3 ? new AssessmentPeriodsCondition { Id = string.Empty, Sources = sources, Outcome = o3 } : null,
            "max_consecutive_school_days" => r.Int(node, "at_most", kindWhat, 1, LeaveRequest.MaxDays, required: true) is { } n && Outcome(node, kindWhat) is { } o4
                ? new MaxConsecutiveSchoolDaysCondition { Id = string.Empty, Sources = sources, AtMost = n, Outcome = o4 } : null,
            "max_requests_per_year" => ReadMaxRequests(node, kindWhat),
            "allowed_types" => r.Required(node, "allowed", kindWhat) is { } allowedNode && Names(allowedNode, "allowed", kindWhat, LeaveNames.Types) is { Count: > 0 } allowed && Outcome(node, kindWhat) is { } o6
                ? new AllowedTypesCondition { Id = string.Empty, Sources = sources, Allowed = allowed, Outcome = o6 } : null,
            "max_days_per_year" => ReadMaxDays(node, kindWhat),
            "licence" => ReadLicence(node, kindWhat),
            "attendance_floor" => ReadFloor(node, kindWhat),
            "grant" => new GrantCondition { Id = string.Empty, Sources = sources, InAdvance = r.Bool(node, "in_advance", kindWhat) ?? false },
            _ => null,
        };
        return condition is null || id is null || !raisesOk ? null : condition with { Id = id, Types = types ?? ValueList<LeaveType>.Empty, Sources = sources, Note = note, Raises = raises };
    }

    private LeaveRaise? ReadRaise(YamlNode node, string what, out bool ok)
    {
        var raiseWhat = $"'raises' of {what}";
        ok = false;
        if (!r.Mapping(node, raiseWhat, ["action", "title", "source"]))
        {
            return null;
        }

        var action = r.Enum(node, "action", raiseWhat, PolicyReader.ActionNames, required: true);
        var title = r.String(node, "title", raiseWhat, required: true);
        var sources = r.Quotes(node, "source", raiseWhat, required: false);
        if (action is null || title is null)
        {
            return null;
        }

        ok = true;
        return new LeaveRaise(action.Value, title, sources);
    }

    /// <summary>
    /// <c>over: { rolling: { months: N } }</c>: the rolling period a limit is judged over instead of
    /// the academic year; null where absent (ok) or wrong (not ok, with a diagnostic).
    /// </summary>
    private RollingWindow? Over(YamlNode map, string what, out bool ok)
    {
        ok = true;
        if (map.Get("over") is not { } node || node.IsNull)
        {
            return null;
        }

        ok = false;
        const string expected = "over: { rolling: { months: 12 } } (omit 'over' for the academic year)";
        var overWhat = $"'over' of {what}";
        if (!r.Mapping(node, overWhat, ["rolling"]))
        {
            return null;
        }

        if (r.Required(node, "rolling", overWhat) is not { } rolling)
        {
            return null;
        }

        if (rolling.Kind != YamlNodeKind.Mapping)
        {
            r.Error(rolling, $"'rolling' of {overWhat} must be a mapping, got {rolling.Describe()}", expected);
            return null;
        }

        var unit = rolling.Pairs.Select(e => e.Key).ToList();
        if (unit.Count != 1 || unit[0].Value != "months")
        {
            r.Error(rolling, $"a leave limit rolls over months only; 'rolling' of {overWhat} gives {(unit.Count == 0 ? "nothing" : string.Join(", ", unit.Select(u => u.Value)))}", expected);
            return null;
        }

        var months = r.Int(rolling, "months", $"'rolling' of {overWhat}", 1, 60, required: true);
        if (months is null)
        {
            return null;
        }

        ok = true;
        return new RollingWindow(RollingUnit.Months, months.Value);
    }

    private LeaveOutcome? Outcome(YamlNode node, string what) => r.Enum(node, "outcome", what, ConditionOutcomes, required: true);

    private MinNoticeCondition? ReadMinNotice(YamlNode node, string what)
    {
        var present = new[] { "days", "weeks" }.Where(k => node.Get(k) is not null).ToList();
        var outcome = Outcome(node, what);
        if (present.Count != 1)
        {
            r.Error(node, present.Count == 0 ? $"{what} gives no notice period" : $"{what} gives both days and weeks", "exactly one of: days, weeks");
            return null;
        }

        var inWeeks = present[0] == "weeks";
        var value = r.Int(node, present[0], what, 1, inWeeks ? 52 : 366, required: true);
        return value is null || outcome is null ? null : new MinNoticeCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, Days = inWeeks ? value.Value * 7 : value.Value, InWeeks = inWeeks, Outcome = outcome.Value,
        };
    }

    private RefusedFactsCondition? ReadRefusedFacts(YamlNode node, string what)
    {
        var facts = Facts(node, "facts", what, required: true);
        var unless = Facts(node, "unless_facts", what, required: false) ?? NoFacts;
        var outcome = Outcome(node, what);
        return facts is null || outcome is null ? null : new RefusedFactsCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, Facts = facts.Value.National, SchoolFacts = facts.Value.School,
            UnlessFacts = unless.National, UnlessSchoolFacts = unless.School, Outcome = outcome.Value,
        };
    }

    private MaxRequestsPerYearCondition? ReadMaxRequests(YamlNode node, string what)
    {
        var most = r.Int(node, "at_most", what, 1, 100, required: true);
        var over = Over(node, what, out var overOk);
        var outcome = Outcome(node, what);
        return most is null || !overOk || outcome is null ? null : new MaxRequestsPerYearCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, AtMost = most.Value, Over = over, Outcome = outcome.Value,
        };
    }

    private RefusedMonthsCondition? ReadMonths(YamlNode node, string what)
    {
        var outcome = Outcome(node, what);
        if (r.Required(node, "months", what) is not { } list)
        {
            return null;
        }

        if (list.Kind != YamlNodeKind.Sequence || list.Items.Count == 0)
        {
            r.Error(list, $"'months' of {what} must be a list of month numbers, got {list.Describe()}", "a list such as [9] for September");
            return null;
        }

        var months = new List<int>();
        foreach (var item in list.Items)
        {
            if (item.Kind == YamlNodeKind.Scalar && !item.IsQuoted && int.TryParse(item.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                if (months.Contains(month))
                {
                    r.Error(item, $"the month {month} is listed twice in 'months' of {what}", "each month once");
                }
                else
                {
                    months.Add(month);
                }
            }
            else
            {
                r.Error(item, $"each item of 'months' of {what} must be a month number from 1 to 12, got {item.Describe()}", "a month number from 1 (January) to 12 (December)");
            }
        }

        return months.Count == 0 || outcome is null ? null : new RefusedMonthsCondition { Id = string.Empty, Sources = ValueList<string>.Empty, Months = months.Order().ToValueList(), Outcome = outcome.Value };
    }

    private RefusedYearGroupsCondition? ReadYearGroups(YamlNode node, string what)
    {
        var groups = r.Required(node, "year_groups", what) is { } g ? r.StringList(g, "year_groups", what, requireItems: true) : null;
        var unless = Facts(node, "unless_facts", what, required: false) ?? NoFacts;
        var outcome = Outcome(node, what);
        return groups is not { Count: > 0 } || outcome is null ? null : new RefusedYearGroupsCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, YearGroups = groups, UnlessFacts = unless.National, UnlessSchoolFacts = unless.School, Outcome = outcome.Value,
        };
    }

    private RecentNoticesCondition? ReadRecentNotices(YamlNode node, string what)
    {
        var notices = r.Required(node, "notices", what) is { } n ? Names(n, "notices", what, LeaveNames.Notices) : null;
        var months = r.Int(node, "within_months", what, 1, 120, required: true);
        var outcome = Outcome(node, what);
        return notices is not { Count: > 0 } || months is null || outcome is null ? null : new RecentNoticesCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, Notices = notices, WithinMonths = months.Value, Outcome = outcome.Value,
        };
    }

    private MaxDaysPerYearCondition? ReadMaxDays(YamlNode node, string what)
    {
        var days = r.Int(node, "at_most_days", what, 0, 366, required: true);
        var codes = r.Required(node, "counts_codes", what) is { } c ? r.CodeList(c, "counts_codes", what) : null;
        var over = Over(node, what, out var overOk);
        var outcome = Outcome(node, what);
        return days is null || codes is not { Count: > 0 } || !overOk || outcome is null ? null : new MaxDaysPerYearCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, AtMostDays = days.Value, CountsCodes = codes, Over = over, Outcome = outcome.Value,
        };
    }

    private LicenceCondition? ReadLicence(YamlNode node, string what)
    {
        var withoutDates = r.Enum(node, "without_dates", what, ConditionOutcomes, required: true);
        var withoutLicence = r.Enum(node, "without_licence", what, ConditionOutcomes, required: true);
        return withoutDates is null || withoutLicence is null ? null : new LicenceCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, WithoutDates = withoutDates.Value, WithoutLicence = withoutLicence.Value,
        };
    }

    private AttendanceFloorCondition? ReadFloor(YamlNode node, string what)
    {
        var percent = r.Percent(node, "percent", what);
        var months = r.Int(node, "months", what, 1, 120, required: true);
        var outcome = Outcome(node, what);
        return percent is null || months is null || outcome is null ? null : new AttendanceFloorCondition
        {
            Id = string.Empty, Sources = ValueList<string>.Empty, Percent = percent.Value, Months = months.Value, Outcome = outcome.Value,
        };
    }

    private static readonly (ValueList<LeaveFact> National, ValueList<string> School) NoFacts = (ValueList<LeaveFact>.Empty, ValueList<string>.Empty);

    /// <summary>A list of facts, each national (in the vocabulary's order) or declared by the section's <c>facts</c> (in the list's order); null where absent or wrong.</summary>
    private (ValueList<LeaveFact> National, ValueList<string> School)? Facts(YamlNode node, string key, string what, bool required)
    {
        var list = required ? r.Required(node, key, what) : node.Get(key);
        if (list is null || (!required && list.IsNull))
        {
            return null;
        }

        var allowed = "one of the national facts (" + string.Join(", ", LeaveNames.Facts.Keys) + ")" + (declared.Count == 0 ? " or a fact declared in the leave section's 'facts'" : " or the school's: " + string.Join(", ", declared));
        if (list.Kind != YamlNodeKind.Sequence || list.Items.Count == 0)
        {
            r.Error(list, $"'{key}' of {what} must be a list, got {list.Describe()}", allowed);
            return null;
        }

        var national = new List<LeaveFact>();
        var school = new List<string>();
        var ok = true;
        foreach (var item in list.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.Value is not { } name)
            {
                r.Error(item, $"'{key}' of {what} lists {item.Describe()}, which is not a fact", allowed);
                ok = false;
            }
            else if (national.Exists(f => LeaveNames.Of(f) == name) || school.Contains(name, StringComparer.Ordinal))
            {
                r.Error(item, $"'{name}' is listed twice in '{key}' of {what}", "each value once");
                ok = false;
            }
            else if (LeaveNames.Facts.TryGetValue(name, out var fact))
            {
                national.Add(fact);
            }
            else if (declared.Contains(name, StringComparer.Ordinal))
            {
                school.Add(name);
            }
            else
            {
                r.Error(item, $"'{key}' of {what} lists '{name}', which is neither a national fact nor one the leave section declares in 'facts'", allowed);
                ok = false;
            }
        }

        return ok ? (national.Order().ToValueList(), school.ToValueList()) : null;
    }

    /// <summary>A list of vocabulary names, each once, in the vocabulary's order.</summary>
    private ValueList<T>? Names<T>(YamlNode node, string key, string what, IReadOnlyDictionary<string, T> names)
        where T : struct, Enum
    {
        if (node.Kind != YamlNodeKind.Sequence || node.Items.Count == 0)
        {
            r.Error(node, $"'{key}' of {what} must be a list, got {node.Describe()}", "a list of: " + string.Join(", ", names.Keys));
            return null;
        }

        var result = new List<T>();
        var ok = true;
        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.Value is null || !names.TryGetValue(item.Value, out var value))
            {
                r.Error(item, $"'{key}' of {what} lists {item.Describe()}, which is not one of the allowed values", "one of: " + string.Join(", ", names.Keys));
                ok = false;
            }
            else if (result.Contains(value))
            {
                r.Error(item, $"'{item.Value}' is listed twice in '{key}' of {what}", "each value once");
                ok = false;
            }
            else
            {
                result.Add(value);
            }
        }

        return ok ? result.Order().ToValueList() : null;
    }
}
