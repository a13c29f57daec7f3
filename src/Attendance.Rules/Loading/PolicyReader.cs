using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Loading;

/// <summary>Reads a resolved policy mapping into the immutable <see cref="Policy"/> model, recording every problem.</summary>
internal sealed partial class PolicyReader
{
    internal static readonly string[] TopLevelKeys =
    [
        "id", "version", "name", "local_authority", "phase", "document", "extends", "disable", "compulsory_year_groups",
        "retention_years", "register_open_limit_minutes", "code_sets", "absence_flags", "registration", "penalty_notices", "leave", "notes", "defaults", "indicators", "rules",
    ];

    private static readonly string[] CommonRuleKeys = ["id", "type", "title", "action", "source", "follow_ups", "repeat", "role", "note"];

    /// <summary>The keys of a rule of the language v2 (a rule with <c>when</c> and no <c>type</c>).</summary>
    internal static readonly string[] ConditionRuleKeys = ["id", "title", "action", "when", "judged", "repeat", "applies_to", "after", "role", "source", "follow_ups", "note"];

    internal static readonly Dictionary<string, RepeatMode> ConditionRepeatNames = new(StringComparer.Ordinal)
    {
        ["once_per_year"] = RepeatMode.OncePerYear,
        ["on_lapse"] = RepeatMode.OnLapse,
        ["fresh"] = RepeatMode.FreshSessions,
        ["every_time"] = RepeatMode.EveryTime,
    };

    internal static readonly Dictionary<string, Policies.Conditions.JudgedPeriod> JudgedNames = new(StringComparer.Ordinal)
    {
        ["session"] = Policies.Conditions.JudgedPeriod.Session,
        ["day"] = Policies.Conditions.JudgedPeriod.Day,
        ["week"] = Policies.Conditions.JudgedPeriod.Week,
        ["half_term"] = Policies.Conditions.JudgedPeriod.HalfTerm,
        ["term"] = Policies.Conditions.JudgedPeriod.Term,
        ["year"] = Policies.Conditions.JudgedPeriod.Year,
    };

    private static readonly Dictionary<string, string[]> RuleKeys = new(StringComparer.Ordinal)
    {
        ["attendance_below"] = ["percent", "inclusive", "period", "min_possible_sessions"],
        ["session_count"] = ["codes", Language.CodeReadingKey.Name, "at_least", "more_than", "days", "more_than_days", "window"],
        ["consecutive_days"] = ["codes", Language.CodeReadingKey.Name, "at_least", "more_than"],
        ["daily_code"] = ["codes"],
        ["unresolved_code"] = ["code", "school_days"],
        ["code_starts"] = ["codes", "within_school_days"],
        ["code_ends"] = ["codes", "within_school_days"],
        ["admission"] = ["within_days"],
        ["staged"] = ["stages"],
        ["reinterpret"] = ["after", "codes", "unless_fact", "count_as"],
        ["reward"] = ["percent", "periods"],
        ["scheduled"] = ["every", "when"],
    };

    /// <summary>
    /// The repeat modes each v1 type honours; the first is its default. A type absent here fires by
    /// its own schedule (each day, each period, each unresolved code) and takes no <c>repeat</c>.
    /// </summary>
    internal static readonly Dictionary<string, RepeatMode[]> RepeatModesOf = new(StringComparer.Ordinal)
    {
        ["attendance_below"] = [RepeatMode.OncePerYear, RepeatMode.OnLapse],
        ["session_count"] = [RepeatMode.FreshSessions, RepeatMode.OncePerYear],
        ["consecutive_days"] = [RepeatMode.OncePerYear, RepeatMode.OnLapse],
        ["code_starts"] = [RepeatMode.OncePerYear, RepeatMode.OnLapse],
        ["code_ends"] = [RepeatMode.OncePerYear, RepeatMode.OnLapse],
    };

    internal static readonly Dictionary<string, ActionKind> ActionNames = new(StringComparer.Ordinal)
    {
        ["letter"] = ActionKind.Letter,
        ["meeting"] = ActionKind.Meeting,
        ["referral"] = ActionKind.Referral,
        ["notification"] = ActionKind.Notification,
        ["sanction"] = ActionKind.Sanction,
        ["reward"] = ActionKind.Reward,
        ["data-quality"] = ActionKind.DataQuality,
        ["safeguarding"] = ActionKind.Safeguarding,
    };

    internal static readonly Dictionary<string, RepeatMode> RepeatNames = new(StringComparer.Ordinal)
    {
        ["once_per_year"] = RepeatMode.OncePerYear,
        ["on_lapse"] = RepeatMode.OnLapse,
        ["fresh_sessions"] = RepeatMode.FreshSessions,
    };

    internal static readonly Dictionary<string, RuleRole> RoleNames = new(StringComparer.Ordinal)
    {
        ["none"] = RuleRole.None,
        ["penalty_notice_threshold"] = RuleRole.PenaltyNoticeThreshold,
    };

    internal static readonly Dictionary<string, AttendancePeriod> PeriodNames = new(StringComparer.Ordinal)
    {
        ["academic_year"] = AttendancePeriod.AcademicYear,
        ["rolling_12_months"] = AttendancePeriod.Rolling12Months,
    };

    internal static readonly Dictionary<string, SchoolPeriod> SchoolPeriodNames = new(StringComparer.Ordinal)
    {
        ["week"] = SchoolPeriod.Week,
        ["half_term"] = SchoolPeriod.HalfTerm,
        ["term"] = SchoolPeriod.Term,
        ["academic_year"] = SchoolPeriod.AcademicYear,
    };

    internal static readonly Dictionary<string, SessionOfDay> SessionNames = new(StringComparer.Ordinal)
    {
        ["AM"] = SessionOfDay.AM,
        ["PM"] = SessionOfDay.PM,
    };

    internal static readonly Dictionary<string, string> FactNames = new(StringComparer.Ordinal)
    {
        ["medical_evidence"] = "medical_evidence",
    };

    private readonly NodeReader r;
    private readonly PolicyLoadLimits limits;
    private readonly Dictionary<string, ValueList<string>> codeSets = new(StringComparer.Ordinal);
    private int? openLimitMinutes;

    public PolicyReader(NodeReader reader, PolicyLoadLimits limits)
    {
        r = reader;
        this.limits = limits;
    }

    public Policy? Read(YamlNode root)
    {
        if (!r.Mapping(root, "the policy", TopLevelKeys))
        {
            return null;
        }

        var id = r.String(root, "id", "the policy", required: true);
        if (id is not null && !IsKebab(id))
        {
            r.Error(root.Get("id")!, $"the policy id '{id}' must be lower-case letters, digits and '-'", "an id such as 'hall-green-primary'");
        }

        var version = r.String(root, "version", "the policy", required: true);
        var name = r.String(root, "name", "the policy", required: true);
        var localAuthority = r.String(root, "local_authority", "the policy", required: false);
        var phase = r.String(root, "phase", "the policy", required: false);
        var document = ReadDocument(root);
        var yearGroups = root.Get("compulsory_year_groups") is { } yg ? r.StringList(yg, "compulsory_year_groups", "the policy", false) : ValueList<string>.Empty;
        var retention = r.Int(root, "retention_years", "the policy", 1, 100);
        if (retention is < 6 && root.Get("retention_years") is { } retentionNode)
        {
            r.Warn(retentionNode, $"register entries are kept for {retention} years; the regulations require 6", "retention_years: 6");
        }

        openLimitMinutes = r.Int(root, "register_open_limit_minutes", "the policy", 1, 24 * 60);
        ReadCodeSets(root);
        var (flags, flagSources) = ReadAbsenceFlags(root);
        var registration = root.Get("registration") is { } reg ? ReadRegistration(reg) : Registration.None;
        var penaltyNotices = root.Get("penalty_notices") is { } pn && !pn.IsNull ? ReadPenaltyNotices(pn) : null;
        var leave = root.Get("leave") is { } leaveNode && !leaveNode.IsNull ? new LeaveReader(r).Read(leaveNode) : null;
        var notes = root.Get("notes") is { } notesNode ? ReadNotes(notesNode) : ValueList<PolicyNote>.Empty;
        var defaults = root.Get("defaults") is { } defaultsNode && !defaultsNode.IsNull ? ReadDefaults(defaultsNode) : PolicyDefaults.None;
        var rules = root.Get("rules") is { } rulesNode ? ReadRules(rulesNode) : ValueList<Rule>.Empty;
        var indicators = root.Get("indicators") is { } indicatorsNode ? ReadIndicators(indicatorsNode, rules) : ValueList<Indicator>.Empty;
        CheckReferences(rules, indicators, root);
        CheckSanctionIds(registration, rules, root);
        CheckLeaveIds(leave, registration, rules, root);

        if (id is null || version is null || name is null || document is null)
        {
            return null;
        }

        return new Policy
        {
            Id = id,
            Version = version,
            Name = name,
            LocalAuthority = localAuthority,
            Phase = phase,
            Document = document,
            CompulsoryYearGroups = yearGroups,
            RetentionYears = retention,
            RegisterOpenLimitMinutes = openLimitMinutes,
            CodeSets = codeSets.OrderBy(p => p.Key, StringComparer.Ordinal).ToValueList(),
            AbsenceFlags = flags,
            AbsenceFlagSources = flagSources,
            Registration = registration,
            PenaltyNotices = penaltyNotices,
            Leave = leave,
            Notes = notes,
            Rules = rules,
            Indicators = indicators,
            Defaults = defaults,
        };
    }

    internal static bool IsKebab(string id) =>
        id.Length is > 0 and <= 80 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-' && id[^1] != '-';

    private PolicyDocument? ReadDocument(YamlNode root)
    {
        if (r.Required(root, "document", "the policy") is not { } node || !r.Mapping(node, "document", ["title", "reference", "date", "source_file"]))
        {
            return null;
        }

        var title = r.String(node, "title", "document", required: true);
        return title is null ? null : new PolicyDocument(
            title,
            r.String(node, "reference", "document", required: false),
            r.Date(node, "date", "document"),
            r.String(node, "source_file", "document", required: false));
    }

    private void ReadCodeSets(YamlNode root)
    {
        if (root.Get("code_sets") is not { } node || node.IsNull || !r.Mapping(node, "code_sets", node.Pairs.Select(p => p.Key.Value!).ToArray()))
        {
            return;
        }

        foreach (var pair in node.Pairs)
        {
            if (!IsKebab(pair.Key.Value!))
            {
                r.Error(pair.Key, $"the code set name '{pair.Key.Value}' must be lower-case letters, digits and '-'", "a name such as 'unauthorised'");
            }

            codeSets[pair.Key.Value!] = r.CodeList(pair.Value, pair.Key.Value!, "code_sets");
        }
    }

    private (AbsenceThresholds, ValueList<string>) ReadAbsenceFlags(YamlNode root)
    {
        if (root.Get("absence_flags") is not { } node || node.IsNull || !r.Mapping(node, "absence_flags", ["persistent_percent", "severe_percent", "source"]))
        {
            return (AbsenceThresholds.National, ValueList<string>.Empty);
        }

        var persistent = r.Percent(node, "persistent_percent", "absence_flags") ?? 10m;
        var severe = r.Percent(node, "severe_percent", "absence_flags") ?? 50m;
        var sources = r.Quotes(node, "source", "absence_flags", required: false);
        if (severe < persistent)
        {
            r.Error(node, $"the severe absence threshold ({severe}%) is below the persistent one ({persistent}%)", "severe_percent at or above persistent_percent");
            return (AbsenceThresholds.National, sources);
        }

        if (persistent != 10m || severe != 50m)
        {
            r.Warn(node, $"absence flags {persistent}%/{severe}% depart from the national persistent (10%) and severe (50%) thresholds", "persistent_percent: 10, severe_percent: 50");
        }

        return (AbsenceThresholds.Of(persistent, severe), sources);
    }

    private Registration ReadRegistration(YamlNode node)
    {
        if (node.IsNull || !r.Mapping(node, "registration", ["windows", "sanctions"]))
        {
            return Registration.None;
        }

        var windows = new List<RegistrationWindow>();
        if (node.Get("windows") is { } windowsNode)
        {
            foreach (var item in Items(windowsNode, "windows"))
            {
                if (ReadWindow(item) is { } window)
                {
                    if (windows.Exists(w => w.Session == window.Session && w.YearGroups.Equals(window.YearGroups)))
                    {
                        r.Error(item, $"a second {window.Session} window for the same year groups", "one window per session and year-group list");
                    }
                    else if (windows.Find(w => w.Session == window.Session && w.YearGroups.Intersect(window.YearGroups, StringComparer.Ordinal).Any()) is { } overlap)
                    {
                        var shared = string.Join(", ", overlap.YearGroups.Intersect(window.YearGroups, StringComparer.Ordinal));
                        r.Warn(item, $"this {window.Session} window and an earlier one both list year group(s) {shared}; the earlier one is used for them", "each year group in one window per session");
                    }

                    windows.Add(window);
                }
            }
        }

        CheckWindowLengths(windows, node);
        var sanctions = new List<LatenessSanction>();
        if (node.Get("sanctions") is { } sanctionsNode)
        {
            foreach (var item in Items(sanctionsNode, "sanctions"))
            {
                if (ReadSanction(item) is { } sanction)
                {
                    sanctions.Add(sanction);
                }
            }
        }

        return new Registration(windows.ToValueList(), sanctions.ToValueList());
    }

    private RegistrationWindow? ReadWindow(YamlNode node)
    {
        const string what = "a registration window";
        if (!r.Mapping(node, what, ["session", "year_groups", "opens", "late_after", "closes", "accepted_reason_code", "source"]))
        {
            return null;
        }

        var session = r.Enum(node, "session", what, SessionNames, required: true);
        var yearGroups = node.Get("year_groups") is { } yg && !yg.IsNull ? r.StringList(yg, "year_groups", what, true) : ValueList<string>.Empty;
        // Some documents give only the time a pupil becomes late: opens and closes are optional.
        var opens = r.Time(node, "opens", what, required: false);
        var lateAfter = r.Time(node, "late_after", what, required: true);
        var closes = r.Time(node, "closes", what, required: false);
        var accepted = r.Bool(node, "accepted_reason_code", what) ?? false;
        var sources = r.Quotes(node, "source", what, required: true);
        if (session is null || lateAfter is null || (node.Get("opens") is { IsNull: false } && opens is null) || (node.Get("closes") is { IsNull: false } && closes is null))
        {
            return null;
        }

        if (lateAfter < opens || closes < lateAfter)
        {
            r.Error(node, $"the window's times are out of order: opens {opens:HH:mm}, late after {lateAfter:HH:mm}, closes {closes:HH:mm}", "opens ≤ late_after ≤ closes");
            return null;
        }

        if (accepted && closes is null)
        {
            r.Error(node.Get("accepted_reason_code")!, "accepted_reason_code applies after the register closes, and this window has no closing time", "closes: \"HH:mm\"");
            return null;
        }

        var window = new RegistrationWindow(session.Value, yearGroups, opens, lateAfter.Value, closes, accepted, sources);
        if (window.OpenFor?.Minutes is { } minutes && openLimitMinutes is { } limit && minutes > limit)
        {
            r.Warn(node, $"the {session} register is kept open for {minutes} minutes, longer than the national limit of {limit}", $"a register open at most {limit} minutes");
        }

        return window;
    }

    private void CheckWindowLengths(List<RegistrationWindow> windows, YamlNode at)
    {
        foreach (var am in windows.Where(w => w.Session == SessionOfDay.AM))
        {
            foreach (var pm in windows.Where(w => w.Session == SessionOfDay.PM && w.YearGroups.Equals(am.YearGroups)))
            {
                if (am.OpenFor is { } amOpen && pm.OpenFor is { } pmOpen && amOpen.Minutes != pmOpen.Minutes)
                {
                    r.Warn(at, $"the morning register is open {amOpen.Minutes} minutes and the afternoon one {pmOpen.Minutes}; statutory guidance says the same length each session", "equal open times");
                }
            }
        }
    }

    private LatenessSanction? ReadSanction(YamlNode node)
    {
        const string what = "a lateness sanction";
        if (!r.Mapping(node, what, ["id", "title", "session", "arrival_after", "arrival_until", "exempt_with_accepted_reason", "source"]))
        {
            return null;
        }

        var id = r.String(node, "id", what, required: true);
        var title = r.String(node, "title", what, required: true);
        var session = r.Enum(node, "session", what, SessionNames, required: false);
        var after = r.Time(node, "arrival_after", what, required: true);
        var until = r.Time(node, "arrival_until", what, required: false);
        var exempt = r.Bool(node, "exempt_with_accepted_reason", what) ?? false;
        var sources = r.Quotes(node, "source", what, required: true);
        if (id is not null && !IsKebab(id))
        {
            r.Error(node.Get("id")!, $"the sanction id '{id}' must be lower-case letters, digits and '-'", "an id such as 'lunchtime-detention'");
        }

        if (id is null || title is null || after is null)
        {
            return null;
        }

        if (until is { } u && u <= after)
        {
            r.Error(node, $"arrival_until {u:HH:mm} is not after arrival_after {after:HH:mm}", "arrival_until later than arrival_after");
        }

        return new LatenessSanction(id, title, session, after.Value, until, exempt, sources);
    }

    private PenaltyNotices? ReadPenaltyNotices(YamlNode node)
    {
        const string what = "penalty_notices";
        if (!r.Mapping(node, what, ["notices", "period_years", "after_limit", "superseded", "source"]))
        {
            return null;
        }

        var fines = new List<PenaltyNoticeFine>();
        if (r.Required(node, "notices", what) is { } noticesNode)
        {
            foreach (var item in Items(noticesNode, "notices"))
            {
                if (!r.Mapping(item, "a penalty notice", ["amount", "reduced_amount", "reduced_if_paid_within_days", "pay_within_days"]))
                {
                    continue;
                }

                var amount = r.Decimal(item, "amount", "a penalty notice", 0m, 100_000m, required: true);
                var reduced = r.Decimal(item, "reduced_amount", "a penalty notice", 0m, 100_000m);
                var reducedDays = r.Int(item, "reduced_if_paid_within_days", "a penalty notice", 1, 365);
                var payDays = r.Int(item, "pay_within_days", "a penalty notice", 1, 365);
                if (reduced is not null && amount is not null && reduced > amount)
                {
                    r.Error(item, $"the reduced amount £{reduced} is more than the fine £{amount}", "reduced_amount below amount");
                }

                if (amount is not null)
                {
                    fines.Add(new PenaltyNoticeFine(amount.Value, reduced, reducedDays, payDays));
                }
            }
        }

        if (fines.Count == 0 && node.Get("notices") is { } emptyNotices && !r.HasErrors)
        {
            r.Error(emptyNotices, "penalty_notices lists no notices", "at least one notice with its amount");
        }

        var period = r.Int(node, "period_years", what, 1, 50, required: true);
        var afterLimit = r.String(node, "after_limit", what, required: true);
        var superseded = new List<SupersededFines>();
        if (node.Get("superseded") is { } supNode && !supNode.IsNull)
        {
            foreach (var item in Items(supNode, "superseded"))
            {
                if (!r.Mapping(item, "superseded fines", ["amounts", "text", "source"]))
                {
                    continue;
                }

                var amounts = new List<decimal>();
                if (r.Required(item, "amounts", "superseded fines") is { } amountsNode)
                {
                    foreach (var a in Items(amountsNode, "amounts"))
                    {
                        if (a.Kind == YamlNodeKind.Scalar && decimal.TryParse(a.Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
                        {
                            amounts.Add(value);
                        }
                        else
                        {
                            r.Error(a, $"each amount must be a number, got {a.Describe()}", "a number of pounds");
                        }
                    }
                }

                superseded.Add(new SupersededFines(amounts.ToValueList(), r.String(item, "text", "superseded fines", true) ?? string.Empty, r.Quotes(item, "source", "superseded fines", true)));
            }
        }

        var sources = r.Quotes(node, "source", what, required: true);
        if (period is null || afterLimit is null)
        {
            return null;
        }

        var result = new PenaltyNotices(fines.ToValueList(), period.Value, afterLimit, superseded.ToValueList(), sources);
        if (!SameFines(result))
        {
            r.Warn(node, "the penalty-notice fines depart from the national ones (first £160, £80 if paid within 21 days, 28 days to pay; second £160; none more within 3 years)", "the national fines");
        }

        return result;
    }

    private static bool SameFines(PenaltyNotices p) =>
        p.PeriodYears == 3 && p.Notices.Count == 2
        && p.Notices[0] == new PenaltyNoticeFine(160m, 80m, 21, 28)
        && p.Notices[1].Amount == 160m && p.Notices[1].ReducedAmount is null;

    private ValueList<PolicyNote> ReadNotes(YamlNode node)
    {
        var notes = new List<PolicyNote>();
        foreach (var item in Items(node, "notes"))
        {
            if (!r.Mapping(item, "a note", ["topic", "text", "source"]))
            {
                continue;
            }

            var topic = r.String(item, "topic", "a note", required: true);
            var text = r.String(item, "text", "a note", required: true);
            var sources = r.Quotes(item, "source", "a note", required: false);
            if (topic is not null && text is not null)
            {
                notes.Add(new PolicyNote(topic, text, sources));
            }
        }

        return notes.ToValueList();
    }

    private ValueList<Rule> ReadRules(YamlNode node)
    {
        var rules = new List<Rule>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = Items(node, "rules").ToList();
        if (items.Count > limits.MaxRules)
        {
            r.Error(node, $"the policy has {items.Count} rules, more than the limit of {limits.MaxRules}", $"at most {limits.MaxRules} rules");
            return ValueList<Rule>.Empty;
        }

        foreach (var item in items)
        {
            r.RuleId = item.Kind == YamlNodeKind.Mapping && item.Get("id") is { Kind: YamlNodeKind.Scalar } idNode ? idNode.Value : null;
            if (r.RuleId is { } id)
            {
                if (id == "previous")
                {
                    r.Error(item.Get("id")!, "'previous' is the word for the stage before, so it cannot be a rule id", "another id");
                }

                if (ids.TryGetValue(id, out var first))
                {
                    r.Error(item, $"the rule id '{id}' is used twice (first at {first.File}:{first.Line})", "unique rule ids");
                }
                else
                {
                    ids[id] = item;
                }
            }

            if (r.Located(ReadRule(item), item) is { } rule)
            {
                rules.Add(rule);
            }

            r.RuleId = null;
        }

        CheckReinterpretTargets(rules, items);
        return rules.ToValueList();
    }

    private Rule? ReadRule(YamlNode node)
    {
        const string what = "a rule";
        if (node.Kind != YamlNodeKind.Mapping)
        {
            r.Error(node, $"each rule must be a mapping, got {node.Describe()}", "a mapping with id, type, title");
            return null;
        }

        if (node.Get("when") is not null && node.Get("type") is null)
        {
            return ReadConditionRule(node);
        }

        var type = r.String(node, "type", what, required: true);
        if (type is null)
        {
            return null;
        }

        if (!RuleKeys.TryGetValue(type, out var specific))
        {
            r.Error(node.Get("type")!, $"unknown rule type '{type}'", "one of: " + string.Join(", ", RuleKeys.Keys));
            return null;
        }

        var ruleWhat = $"{NodeReader.Article(type)} {type} rule";
        r.Mapping(node, ruleWhat, CommonRuleKeys.Concat(specific).ToArray());
        var id = r.String(node, "id", ruleWhat, required: true);
        if (id is not null && !IsKebab(id))
        {
            r.Error(node.Get("id")!, $"the rule id '{id}' must be lower-case letters, digits and '-'", "an id such as 'stage-1-letter'");
        }

        var title = r.String(node, "title", ruleWhat, required: true);
        var needsAction = type is not ("staged" or "reinterpret");
        ActionKind? action = null;
        if (needsAction)
        {
            action = r.Enum(node, "action", ruleWhat, ActionNames, required: true);
        }
        else if (node.Get("action") is { } stray)
        {
            r.Error(stray, $"a {type} rule has no action of its own", type == "staged" ? "an action on each stage" : "no 'action' key");
        }

        var sources = type == "staged" ? r.Quotes(node, "source", ruleWhat, required: false) : r.Quotes(node, "source", ruleWhat, required: true);
        var followUps = ReadFollowUps(node, ruleWhat);
        var repeat = r.Enum(node, "repeat", ruleWhat, RepeatNames, required: false);
        if (repeat is { } mode && node.Get("repeat") is { } repeatNode && !(RepeatModesOf.TryGetValue(type, out var honoured) && honoured.Contains(mode)))
        {
            r.Error(repeatNode, honoured is null
                ? $"{ruleWhat} takes no 'repeat': it falls due by its own schedule"
                : $"{ruleWhat} cannot repeat '{repeatNode.Value}'",
                honoured is null ? "no 'repeat' key" : "repeat: " + string.Join(" or ", honoured.Select(m => PolicyWriter.Name(RepeatNames, m))));
            repeat = null;
        }
        var role = r.Enum(node, "role", ruleWhat, RoleNames, required: false) ?? RuleRole.None;
        CheckOneRole(role, node);
        var note = r.String(node, "note", ruleWhat, required: false);
        Rule? rule = type switch
        {
            "attendance_below" => ReadAttendanceBelow(node, ruleWhat, id, title),
            "session_count" => ReadSessionCount(node, ruleWhat, id, title),
            "consecutive_days" => ReadConsecutive(node, ruleWhat, id, title),
            "daily_code" => CodesOf(node, ruleWhat) is { } c ? new DailyCodeRule { Id = id!, Title = title!, Sources = sources, Codes = c } : null,
            "unresolved_code" => ReadUnresolved(node, ruleWhat, id, title),
            "code_starts" or "code_ends" => CodesOf(node, ruleWhat) is { } cc
                ? new CodeChangeRule { Id = id!, Title = title!, Sources = sources, Codes = cc, Ends = type == "code_ends", WithinSchoolDays = r.Int(node, "within_school_days", ruleWhat, 1, 366) }
                : null,
            "admission" => new AdmissionRule { Id = id!, Title = title!, Sources = sources, WithinDays = r.Int(node, "within_days", ruleWhat, 1, 366) },
            "staged" => ReadStaged(node, ruleWhat, id, title),
            "reinterpret" => ReadReinterpret(node, ruleWhat, id, title),
            "reward" => ReadReward(node, ruleWhat, id, title),
            "scheduled" => ReadScheduled(node, ruleWhat, id, title),
            _ => null,
        };
        if (rule is null || id is null || title is null || (needsAction && action is null))
        {
            return null;
        }

        var defaultRepeat = RepeatModesOf.TryGetValue(type, out var modes) ? modes[0] : RepeatMode.OncePerYear;
        rule = rule with { Action = action, Sources = sources, FollowUps = followUps, Repeat = repeat ?? defaultRepeat, Role = role, Note = note };
        if (rule is SessionCountRule count && role == RuleRole.PenaltyNoticeThreshold)
        {
            CheckPenaltyNoticeThreshold(count, node);
        }
        else if (role == RuleRole.PenaltyNoticeThreshold)
        {
            r.Warn(node.Get("role")!, $"only a session_count rule has threshold hits; this {type} rule will never report a penalty-notice hit", "the role on a session_count rule");
        }

        return rule;
    }

    /// <summary>Where the rule with the penalty-notice role is, once read: reports take that rule's hits as the penalty-notice hits, so there is one.</summary>
    private YamlNode? penaltyNoticeRole;

    private void CheckOneRole(RuleRole role, YamlNode rule)
    {
        if (role != RuleRole.PenaltyNoticeThreshold)
        {
            return;
        }

        var at = rule.Get("role")!;
        if (penaltyNoticeRole is { } first)
        {
            r.Error(at, $"a second rule has the role penalty_notice_threshold (the first at {first.File}:{first.Line}:{first.Column})", "one rule with the role penalty_notice_threshold");
        }
        else
        {
            penaltyNoticeRole = at;
        }
    }

    private ValueList<FollowUp> ReadFollowUps(YamlNode node, string what)
    {
        if (node.Get("follow_ups") is not { } list || list.IsNull)
        {
            return ValueList<FollowUp>.Empty;
        }

        var result = new List<FollowUp>();
        foreach (var item in Items(list, "follow_ups"))
        {
            if (r.Mapping(item, "a follow-up", ["title", "source"])
                && r.String(item, "title", "a follow-up", required: true) is { } title)
            {
                result.Add(new FollowUp(title, r.Quotes(item, "source", "a follow-up", required: true)));
            }
        }

        return result.ToValueList();
    }

    private AttendanceBelowRule? ReadAttendanceBelow(YamlNode node, string what, string? id, string? title)
    {
        var percent = r.Percent(node, "percent", what);
        var inclusive = r.Bool(node, "inclusive", what) ?? false;
        var period = r.Enum(node, "period", what, PeriodNames, required: false) ?? AttendancePeriod.AcademicYear;
        var min = r.Int(node, "min_possible_sessions", what, 0, 10_000) ?? 0;
        return percent is null ? null : new AttendanceBelowRule
        {
            Id = id!, Title = title!, Sources = ValueList<string>.Empty, Percent = percent.Value, Inclusive = inclusive, Period = period, MinPossibleSessions = min,
        };
    }

    private SessionCountRule? ReadSessionCount(YamlNode node, string what, string? id, string? title)
    {
        var codes = CodesOf(node, what);
        var count = ReadCount(node, what, allowDays: true);
        var window = ReadWindow(node, what);
        var reading = ReadCodeReading(node, what);
        return codes is null || count is null || window is null || reading is null ? null : new SessionCountRule
        {
            Id = id!, Title = title!, Sources = ValueList<string>.Empty, Codes = codes, Reading = reading.Value, AtLeastSessions = count.Value, Window = window,
        };
    }

    private ConsecutiveDaysRule? ReadConsecutive(YamlNode node, string what, string? id, string? title)
    {
        var codes = CodesOf(node, what);
        var count = ReadCount(node, what, allowDays: false);
        var reading = ReadCodeReading(node, what);
        return codes is null || count is null || reading is null ? null : new ConsecutiveDaysRule
        {
            Id = id!, Title = title!, Sources = ValueList<string>.Empty, Codes = codes, Reading = reading.Value, AtLeastDays = count.Value,
        };
    }

    /// <summary>The optional <c>codes_as</c> key, as the code measures of the language v2 declare it.</summary>
    private CodeReading? ReadCodeReading(YamlNode node, string what)
    {
        if (node.Get(Language.CodeReadingKey.Name) is not { } value)
        {
            return CodeReading.Reinterpreted;
        }

        var spec = Language.CodeReadingKey.Spec;
        if (value.Kind == YamlNodeKind.Scalar && value.Value is { } word && spec.Choices!.Contains(word, StringComparer.Ordinal))
        {
            return Language.CodeReadingKey.Parse(word);
        }

        r.Error(value, $"'{spec.Name}' of {what} is {value.Describe()}", "one of: " + string.Join(", ", spec.Choices!));
        return null;
    }

    /// <summary>Reads exactly one of at_least, more_than (and for sessions days, more_than_days) as a count of sessions (or days).</summary>
    private int? ReadCount(YamlNode node, string what, bool allowDays)
    {
        string[] keys = allowDays ? ["at_least", "more_than", "days", "more_than_days"] : ["at_least", "more_than"];
        var present = keys.Where(k => node.Get(k) is not null).ToList();
        if (present.Count != 1)
        {
            r.Error(node, present.Count == 0 ? $"{what} says no count" : $"{what} gives more than one count ({string.Join(", ", present)})", "exactly one of: " + string.Join(", ", keys));
            return null;
        }

        var key = present[0];
        // Every form is capped so the count it gives is at most 10,000 sessions (or days).
        var max = key switch { "at_least" => 10_000, "more_than" => 9_999, "days" => 5_000, _ => 4_999 };
        var value = r.Int(node, key, what, key.StartsWith("more_than", StringComparison.Ordinal) ? 0 : 1, max, required: true);
        return value is null ? null : key switch
        {
            "at_least" => value,
            "more_than" => value + 1,
            "days" => value * 2,
            _ => (value * 2) + 1,
        };
    }

    private CountWindow? ReadWindow(YamlNode node, string what)
    {
        if (r.Required(node, "window", what) is not { } w)
        {
            return null;
        }

        if (w.Kind == YamlNodeKind.Scalar)
        {
            switch (w.Value)
            {
                case "academic_year": return CountWindow.AcademicYear;
                case "term": return CountWindow.Term;
                case "current_and_previous_term": return CountWindow.CurrentAndPreviousTerm;
            }
        }
        else if (w.Kind == YamlNodeKind.Mapping && r.Mapping(w, "a window", ["rolling_school_weeks"]))
        {
            var weeks = r.Int(w, "rolling_school_weeks", "a window", 1, 60, required: true);
            return weeks is null ? null : CountWindow.Rolling(weeks.Value);
        }

        r.Error(w, $"'window' of {what} is {w.Describe()}", "{ rolling_school_weeks: N }, academic_year, term or current_and_previous_term");
        return null;
    }

    private CodeSelection? CodesOf(YamlNode node, string what) =>
        r.Required(node, "codes", what) is { } codesNode ? Conditions.ReadCodes(codesNode, "codes", what) : null;

    private UnresolvedCodeRule? ReadUnresolved(YamlNode node, string what, string? id, string? title)
    {
        var code = r.String(node, "code", what, required: true);
        if (code is not null && node.Get("code") is { } codeNode)
        {
            r.CodeList(codeNode, "code", what);
        }

        var days = r.Int(node, "school_days", what, 1, 366, required: true);
        return code is null || days is null ? null : new UnresolvedCodeRule { Id = id!, Title = title!, Sources = ValueList<string>.Empty, Code = code, SchoolDays = days.Value };
    }

    private StagedRule? ReadStaged(YamlNode node, string what, string? id, string? title)
    {
        if (r.Required(node, "stages", what) is not { } stagesNode)
        {
            return null;
        }

        var stages = new List<Stage>();
        var ok = true;
        foreach (var item in Items(stagesNode, "stages"))
        {
            const string stageWhat = "a stage";
            if (!r.Mapping(item, stageWhat, ["stage", "title", "action", "when", "judged", "source", "follow_ups"]))
            {
                ok = false;
                continue;
            }

            var number = r.Int(item, "stage", stageWhat, 1, 20, required: true);
            var stageTitle = r.String(item, "title", stageWhat, required: true);
            var action = r.Enum(item, "action", stageWhat, ActionNames, required: true);
            var sources = r.Quotes(item, "source", stageWhat, required: true);
            var followUps = ReadFollowUps(item, stageWhat);
            var condition = r.Required(item, "when", stageWhat) is { } when
                ? when.Kind == YamlNodeKind.Mapping && when.Get("type") is null ? ReadConditionStage(item, when, id, stages) : ReadCondition(when, number, stages)
                : null;
            if (item.Get("judged") is { } judgedNode && condition is not ConditionStage)
            {
                r.Error(judgedNode, "'judged' goes with a stage whose 'when' is a condition of the language v2", "no 'judged' on a stage with a 'type'");
            }
            if (number is { } n && stages.Count > 0 && n <= stages[^1].Number)
            {
                r.Error(item.Get("stage")!, $"stage {n} comes after stage {stages[^1].Number}; stages must be in increasing order", $"a stage number above {stages[^1].Number}");
                ok = false;
            }

            if (number is null || stageTitle is null || action is null || condition is null)
            {
                ok = false;
                continue;
            }

            if (stages.Count == 0 && condition is not (AttendanceBelowCondition or ConditionStage))
            {
                r.Error(item.Get("when")!, $"the first stage's condition '{condition.TypeName}' refers to a previous stage, and there is none", "attendance_below for the first stage");
                ok = false;
            }

            stages.Add(r.Located(new Stage(number.Value, stageTitle, action.Value, condition, sources, followUps), item)!);
        }

        if (stages.Count == 0 && ok)
        {
            r.Error(stagesNode, "a staged rule needs at least one stage", "a list of stages");
        }

        return !ok || stages.Count == 0 ? null : new StagedRule { Id = id!, Title = title!, Sources = ValueList<string>.Empty, Stages = stages.ToValueList() };
    }

    private StageCondition? ReadCondition(YamlNode node, int? number, List<Stage> earlier)
    {
        const string what = "a stage condition";
        if (node.Kind != YamlNodeKind.Mapping)
        {
            r.Error(node, $"'when' must be a mapping, got {node.Describe()}", "{ type: attendance_below, percent: 96 }");
            return null;
        }

        var type = r.String(node, "type", what, required: true);
        switch (type)
        {
            case "attendance_below":
                r.Mapping(node, what, ["type", "percent", "inclusive", "min_possible_sessions"]);
                return r.Percent(node, "percent", what) is { } p
                    ? new AttendanceBelowCondition(p, r.Bool(node, "inclusive", what) ?? false) { MinPossibleSessions = r.Int(node, "min_possible_sessions", what, 0, 10_000) ?? 0 }
                    : null;
            case "absence_after_previous":
                r.Mapping(node, what, ["type"]);
                return new AbsenceAfterPreviousCondition();
            case "attendance_declined":
                r.Mapping(node, what, ["type", "since_stage", "monitoring_school_days"]);
                var since = r.Int(node, "since_stage", what, 1, 20, required: true);
                var monitoring = r.Int(node, "monitoring_school_days", what, 1, 366);
                if (since is { } s && !earlier.Exists(e => e.Number == s))
                {
                    r.Error(node.Get("since_stage")!, $"since_stage {s} is not an earlier stage of this rule", "the number of an earlier stage");
                    return null;
                }

                return since is null ? null : new AttendanceDeclinedCondition(since.Value, monitoring);
            case "monitoring_attendance_below":
                r.Mapping(node, what, ["type", "percent", "monitoring_school_days"]);
                var percent = r.Percent(node, "percent", what);
                var days = r.Int(node, "monitoring_school_days", what, 1, 366, required: true);
                return percent is null || days is null ? null : new MonitoringAttendanceBelowCondition(percent.Value, days.Value);
            case null:
                return null;
            default:
                r.Error(node.Get("type")!, $"unknown stage condition '{type}'", "one of: attendance_below, absence_after_previous, attendance_declined, monitoring_attendance_below");
                return null;
        }
    }

    private ReinterpretRule? ReadReinterpret(YamlNode node, string what, string? id, string? title)
    {
        string? afterRule = null;
        int? afterStage = null;
        if (r.Required(node, "after", what) is { } after && r.Mapping(after, "'after'", ["rule", "stage"]))
        {
            afterRule = r.String(after, "rule", "'after'", required: true);
            afterStage = r.Int(after, "stage", "'after'", 1, 20, required: true);
        }

        var codes = CodesOf(node, what);
        var unless = r.String(node, "unless_fact", what, required: false);
        if (unless is not null && !FactNames.ContainsKey(unless))
        {
            r.Error(node.Get("unless_fact")!, $"unknown fact '{unless}'", "one of: " + string.Join(", ", FactNames.Keys));
        }

        var countAs = r.String(node, "count_as", what, required: true);
        if (countAs is not null)
        {
            r.CodeList(node.Get("count_as")!, "count_as", what);
        }

        return afterRule is null || afterStage is null || codes is null || countAs is null ? null : new ReinterpretRule
        {
            Id = id!, Title = title!, Sources = ValueList<string>.Empty, AfterRule = afterRule, AfterStage = afterStage.Value, Codes = codes, UnlessFact = unless, CountAs = countAs!,
        };
    }

    private RewardRule? ReadReward(YamlNode node, string what, string? id, string? title)
    {
        var percent = r.Percent(node, "percent", what);
        var periods = new List<SchoolPeriod>();
        if (r.Required(node, "periods", what) is { } list)
        {
            foreach (var item in Items(list, "periods"))
            {
                if (item.Kind == YamlNodeKind.Scalar && item.Value is "term" or "academic_year")
                {
                    periods.Add(SchoolPeriodNames[item.Value!]);
                }
                else
                {
                    r.Error(item, $"a reward period is {item.Describe()}", "term or academic_year");
                }
            }
        }

        if (periods.Count == 0 && node.Get("periods") is { } empty)
        {
            r.Error(empty, "a reward needs at least one period", "a list of term and/or academic_year");
        }

        return percent is null || periods.Count == 0 ? null : new RewardRule { Id = id!, Title = title!, Sources = ValueList<string>.Empty, Percent = percent.Value, Periods = periods.ToValueList() };
    }

    private ScheduledRule? ReadScheduled(YamlNode node, string what, string? id, string? title)
    {
        var every = r.Enum(node, "every", what, SchoolPeriodNames, required: true);
        if (every == SchoolPeriod.AcademicYear)
        {
            r.Error(node.Get("every")!, "a scheduled step cannot be every academic_year", "week, half_term or term");
            return null;
        }

        Conditions.Previous = null;
        var when = node.Get("when") is { } whenNode ? Conditions.Read(whenNode, "'when'") : null;
        if (node.Get("when") is not null && when is null)
        {
            return null;
        }

        return every is null ? null : new ScheduledRule { Id = id!, Title = title!, Sources = ValueList<string>.Empty, Every = every.Value, When = when };
    }

    private void CheckReinterpretTargets(List<Rule> rules, List<YamlNode> items)
    {
        foreach (var rule in rules.OfType<ReinterpretRule>())
        {
            var at = items.FirstOrDefault(i => i.Get("id")?.Value == rule.Id) ?? items[0];
            r.RuleId = rule.Id;
            var target = rules.FirstOrDefault(x => x.Id == rule.AfterRule);
            if (target is not StagedRule staged)
            {
                r.Error(at.Get("after")?.Get("rule") ?? at, target is null ? $"'after' names the rule '{rule.AfterRule}', which the policy does not have" : $"'after' names '{rule.AfterRule}', which is not a staged rule", "the id of a staged rule");
            }
            else if (!staged.Stages.Any(s => s.Number == rule.AfterStage))
            {
                r.Error(at.Get("after")?.Get("stage") ?? at, $"the rule '{rule.AfterRule}' has no stage {rule.AfterStage}", "one of its stages: " + string.Join(", ", staged.Stages.Select(s => s.Number)));
            }

            r.RuleId = null;
        }
    }

    private void CheckPenaltyNoticeThreshold(SessionCountRule rule, YamlNode at)
    {
        var national = new[] { "G", "N", "O", "U" };
        var differences = new List<string>();
        if (!rule.Codes.Codes.OrderBy(c => c, StringComparer.Ordinal).SequenceEqual(national))
        {
            differences.Add($"counts {string.Join(", ", rule.Codes.Codes)} where the national framework counts G, N, O, U");
        }

        if (rule.AtLeastSessions != 10)
        {
            differences.Add($"needs {rule.AtLeastSessions} sessions where the national threshold is 10");
        }

        if (rule.Window != CountWindow.Rolling(10))
        {
            differences.Add($"counts over {rule.Window} where the national window is a rolling 10 school weeks");
        }

        if (differences.Count > 0)
        {
            r.Warn(at, "the penalty-notice threshold departs from the national one: it " + string.Join("; it ", differences), "10 sessions of G, N, O, U in a rolling 10 school weeks");
        }
    }

    private void CheckSanctionIds(Registration registration, ValueList<Rule> rules, YamlNode at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sanction in registration.Sanctions)
        {
            if (!seen.Add(sanction.Id))
            {
                r.Error(at.Get("registration") ?? at, $"the sanction id '{sanction.Id}' is used twice", "ids unique across rules and sanctions");
            }

            if (rules.Any(rule => rule.Id == sanction.Id))
            {
                r.Error(at.Get("registration") ?? at, $"the sanction id '{sanction.Id}' is also a rule's id", "ids unique across rules and sanctions");
            }
        }
    }

    /// <summary>A leave reason names its condition by id, so leave ids must not also name a rule or a sanction.</summary>
    private void CheckLeaveIds(Policies.Leave.LeavePolicy? leave, Registration registration, ValueList<Rule> rules, YamlNode at)
    {
        if (leave is null)
        {
            return;
        }

        foreach (var id in leave.Conditions.Select(c => c.Id).Prepend(leave.Discretion.Id))
        {
            if (rules.Any(rule => rule.Id == id) || registration.Sanctions.Any(s => s.Id == id))
            {
                r.Error(at.Get("leave") ?? at, $"the leave id '{id}' is also a rule's or sanction's id", "ids unique across rules, sanctions and the leave section");
            }
        }
    }

    private IEnumerable<YamlNode> Items(YamlNode node, string key)
    {
        if (node.IsNull)
        {
            return [];
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            r.Error(node, $"'{key}' must be a list, got {node.Describe()}", "a list of items, each starting with '- '");
            return [];
        }

        return node.Items;
    }
}
