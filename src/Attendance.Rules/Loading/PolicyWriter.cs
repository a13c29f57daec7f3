using System.Globalization;
using Attendance.Rules.Leave;
using Attendance.Rules.Loading.Canonical;
using Attendance.Rules.Loading.Language;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Leave;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Loading;

/// <summary>
/// Writes a resolved <see cref="Policy"/> back to YAML in the policy format (docs/policy-format.md),
/// canonically: keys in a fixed order (the order of the format's documentation), optional values
/// only where they differ from the default, every text value (ids, titles, quotes, codes, year
/// groups) double-quoted with YAML escapes, vocabulary words (types, actions, sessions, periods)
/// and code-set names plain, times as <c>"HH:mm"</c>, dates as <c>yyyy-MM-dd</c>, numbers in the
/// invariant culture without trailing zeros, code sets sorted by name, counts as <c>at_least</c>
/// (above the 10,000 that <c>at_least</c> may say, as <c>days</c>, <c>more_than_days</c> or
/// <c>more_than</c>), and no <c>extends</c> or <c>disable</c> (the policy is already resolved).
/// The output is deterministic and uses LF line endings only, so equal policies are written as the
/// same text; <see cref="PolicyLoader"/> reads it back as an equal policy.
/// </summary>
public static class PolicyWriter
{
    /// <summary>The largest <c>at_least</c> the loader accepts.</summary>
    private const int MaxAtLeast = 10_000;

    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Writes a policy as canonical YAML.</summary>
    /// <param name="policy">The resolved policy.</param>
    /// <returns>The YAML text, with LF line endings and a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The policy holds a value the format cannot express: a time with seconds, or text with a lone
    /// UTF-16 surrogate.
    /// </exception>
    public static string Write(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return CanonicalYaml.Render(CanonicalForm(policy));
    }

    /// <summary>The policy's canonical form: the tree <see cref="Write"/> lays out and <see cref="PolicyFingerprint"/> hashes.</summary>
    /// <exception cref="ArgumentException">The policy holds a time with seconds.</exception>
    internal static CanonicalMap CanonicalForm(Policy policy)
    {
        var w = new Writer(policy);
        w.WritePolicy();
        return w.Root;
    }

    /// <summary>
    /// Walks the model in the format's key order, building the canonical form. The walk names each
    /// key with the indent it has in the YAML; the indents place each value in the tree.
    /// </summary>
    private sealed class Writer
    {
        private readonly Policy policy;

        /// <summary>The open containers, innermost last: the indent their content is written at.</summary>
        private readonly List<Open> open = [];

        public Writer(Policy policy)
        {
            this.policy = policy;
            open.Add(new Open(0, Root, null, -1));
        }

        public CanonicalMap Root { get; } = new();

        public void WritePolicy()
        {
            Text(0, "id", policy.Id);
            Text(0, "version", policy.Version);
            Text(0, "name", policy.Name);
            OptionalText(0, "local_authority", policy.LocalAuthority);
            OptionalText(0, "phase", policy.Phase);
            WriteDocument(policy.Document);
            if (policy.CompulsoryYearGroups.Count > 0)
            {
                QuotedList(0, "compulsory_year_groups", policy.CompulsoryYearGroups);
            }

            OptionalInt(0, "retention_years", policy.RetentionYears);
            OptionalInt(0, "register_open_limit_minutes", policy.RegisterOpenLimitMinutes);
            WriteCodeSets();
            WriteAbsenceFlags();
            WriteRegistration(policy.Registration);
            if (policy.PenaltyNotices is { } notices)
            {
                WritePenaltyNotices(notices);
            }

            if (policy.Leave is { } leave)
            {
                WriteLeave(leave);
            }

            if (policy.Notes.Count > 0)
            {
                Key(0, "notes");
                foreach (var note in policy.Notes)
                {
                    Item(2, () =>
                    {
                        Text(4, "topic", note.Topic);
                        Text(4, "text", note.Text);
                        Sources(4, note.Sources);
                    });
                }
            }

            if (policy.Defaults.MinPossibleSessions is { } min)
            {
                Key(0, "defaults");
                Line(2, "min_possible_sessions", Int(min));
            }

            if (policy.Indicators.Count > 0)
            {
                Key(0, "indicators");
                foreach (var indicator in policy.Indicators)
                {
                    Item(2, () =>
                    {
                        Text(4, "id", indicator.Id);
                        Text(4, "title", indicator.Title);
                        Node(4, "when", ConditionWriter.Node(indicator.When, CodesValue));
                        Sources(4, indicator.Sources);
                        OptionalText(4, "note", indicator.Note);
                    });
                }
            }

            if (policy.Rules.Count > 0)
            {
                Key(0, "rules");
                foreach (var rule in policy.Rules)
                {
                    Item(2, () => WriteRule(4, rule));
                }
            }
        }

        private void WriteDocument(PolicyDocument document)
        {
            Key(0, "document");
            Text(2, "title", document.Title);
            OptionalText(2, "reference", document.Reference);
            if (document.Date is { } date)
            {
                Line(2, "date", LocalDatePattern.Iso.Format(date));
            }

            OptionalText(2, "source_file", document.SourceFile);
        }

        private void WriteCodeSets()
        {
            if (policy.CodeSets.Count == 0)
            {
                return;
            }

            Key(0, "code_sets");
            foreach (var set in policy.CodeSets.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                QuotedList(2, PolicyReader.IsKebab(set.Key) ? set.Key : CanonicalYaml.Quote(set.Key, 4), set.Value);
            }
        }

        private void WriteAbsenceFlags()
        {
            if (policy.AbsenceFlags == Evaluation.AbsenceThresholds.National && policy.AbsenceFlagSources.Count == 0)
            {
                return;
            }

            // Both percentages are required inside absence_flags.
            Key(0, "absence_flags");
            Line(2, "persistent_percent", Number(policy.AbsenceFlags.PersistentPercent));
            Line(2, "severe_percent", Number(policy.AbsenceFlags.SeverePercent));
            Sources(2, policy.AbsenceFlagSources);
        }

        private void WriteRegistration(Registration registration)
        {
            if (registration.Windows.Count == 0 && registration.Sanctions.Count == 0)
            {
                return;
            }

            Key(0, "registration");
            if (registration.Windows.Count > 0)
            {
                Key(2, "windows");
                foreach (var window in registration.Windows)
                {
                    Item(4, () =>
                    {
                        Line(6, "session", SessionName(window.Session));
                        if (window.YearGroups.Count > 0)
                        {
                            QuotedList(6, "year_groups", window.YearGroups);
                        }

                        if (window.Opens is { } opens)
                        {
                            Line(6, "opens", Time(opens));
                        }

                        Line(6, "late_after", Time(window.LateAfter));
                        if (window.Closes is { } closes)
                        {
                            Line(6, "closes", Time(closes));
                        }

                        if (window.AcceptedReasonAuthorises)
                        {
                            Line(6, "accepted_reason_code", "true");
                        }

                        Sources(6, window.Sources);
                    });
                }
            }

            if (registration.Sanctions.Count > 0)
            {
                Key(2, "sanctions");
                foreach (var sanction in registration.Sanctions)
                {
                    Item(4, () =>
                    {
                        Text(6, "id", sanction.Id);
                        Text(6, "title", sanction.Title);
                        if (sanction.Session is { } session)
                        {
                            Line(6, "session", SessionName(session));
                        }

                        Line(6, "arrival_after", Time(sanction.ArrivalAfter));
                        if (sanction.ArrivalUntil is { } until)
                        {
                            Line(6, "arrival_until", Time(until));
                        }

                        if (sanction.ExemptWithAcceptedReason)
                        {
                            Line(6, "exempt_with_accepted_reason", "true");
                        }

                        Sources(6, sanction.Sources);
                    });
                }
            }
        }

        private void WritePenaltyNotices(PenaltyNotices notices)
        {
            Key(0, "penalty_notices");
            if (notices.Notices.Count == 0)
            {
                Line(2, "notices", "[]");
            }
            else
            {
                Key(2, "notices");
                foreach (var fine in notices.Notices)
                {
                    Item(4, () =>
                    {
                        Line(6, "amount", Number(fine.Amount));
                        if (fine.ReducedAmount is { } reduced)
                        {
                            Line(6, "reduced_amount", Number(reduced));
                        }

                        OptionalInt(6, "reduced_if_paid_within_days", fine.ReducedIfPaidWithinDays);
                        OptionalInt(6, "pay_within_days", fine.PayWithinDays);
                    });
                }
            }

            Line(2, "period_years", Int(notices.PeriodYears));
            Text(2, "after_limit", notices.AfterLimit);
            if (notices.Superseded.Count > 0)
            {
                Key(2, "superseded");
                foreach (var superseded in notices.Superseded)
                {
                    Item(4, () =>
                    {
                        FlowList(6, "amounts", superseded.Amounts.Select(Number));
                        Text(6, "text", superseded.Text);
                        Sources(6, superseded.Sources);
                    });
                }
            }

            Sources(2, notices.Sources);
        }

        private void WriteLeave(LeavePolicy leave)
        {
            Key(0, "leave");
            Key(2, "discretion");
            Text(4, "id", leave.Discretion.Id);
            Sources(4, leave.Discretion.Sources);
            if (leave.Facts.Count > 0)
            {
                FlowList(2, "facts", leave.Facts);
            }

            Key(2, "codes");
            foreach (var codes in leave.Codes)
            {
                Item(4, () =>
                {
                    Line(6, "type", LeaveNames.Of(codes.Type));
                    Text(6, "if_authorised", codes.IfAuthorised);
                    Text(6, "if_taken", codes.IfTaken);
                    Sources(6, codes.Sources);
                });
            }

            if (leave.Conditions.Count == 0)
            {
                return;
            }

            Key(2, "conditions");
            foreach (var condition in leave.Conditions)
            {
                Item(4, () => WriteLeaveCondition(6, condition));
            }
        }

        private void WriteLeaveCondition(int indent, LeaveCondition condition)
        {
            Text(indent, "id", condition.Id);
            Line(indent, "kind", condition.KindName);
            if (condition.Types.Count > 0)
            {
                FlowList(indent, "types", condition.Types.Select(LeaveNames.Of));
            }

            switch (condition)
            {
                case MinNoticeCondition notice:
                    Line(indent, notice.InWeeks ? "weeks" : "days", Int(notice.InWeeks ? notice.Days / 7 : notice.Days));
                    Outcome(indent, "outcome", notice.Outcome);
                    break;
                case InAdvanceCondition advance:
                    Outcome(indent, "outcome", advance.Outcome);
                    break;
                case RequiredFactsCondition required:
                    FlowList(indent, "facts", FactNames(required.Facts, required.SchoolFacts));
                    Outcome(indent, "outcome", required.Outcome);
                    break;
                case RefusedFactsCondition refused:
                    FlowList(indent, "facts", FactNames(refused.Facts, refused.SchoolFacts));
                    if (refused.UnlessFacts.Count + refused.UnlessSchoolFacts.Count > 0)
                    {
                        FlowList(indent, "unless_facts", FactNames(refused.UnlessFacts, refused.UnlessSchoolFacts));
                    }

                    Outcome(indent, "outcome", refused.Outcome);
                    break;
                case RefusedMonthsCondition months:
                    FlowList(indent, "months", months.Months.Select(Int));
                    Outcome(indent, "outcome", months.Outcome);
                    break;
                case RefusedYearGroupsCondition years:
                    QuotedList(indent, "year_groups", years.YearGroups);
                    if (years.UnlessFacts.Count + years.UnlessSchoolFacts.Count > 0)
                    {
                        FlowList(indent, "unless_facts", FactNames(years.UnlessFacts, years.UnlessSchoolFacts));
                    }

                    Outcome(indent, "outcome", years.Outcome);
                    break;
                case RecentNoticesCondition recent:
                    FlowList(indent, "notices", recent.Notices.Select(LeaveNames.Of));
                    Line(indent, "within_months", Int(recent.WithinMonths));
                    Outcome(indent, "outcome", recent.Outcome);
                    break;
                case AssessmentPeriodsCondition assessment:
                    Outcome(indent, "outcome", assessment.Outcome);
                    break;
                case MaxConsecutiveSchoolDaysCondition consecutive:
                    Line(indent, "at_most", Int(consecutive.AtMost));
                    Outcome(indent, "outcome", consecutive.Outcome);
                    break;
                case MaxRequestsPerYearCondition requests:
                    Line(indent, "at_most", Int(requests.AtMost));
                    Over(indent, requests.Over);
                    Outcome(indent, "outcome", requests.Outcome);
                    break;
                case AllowedTypesCondition allowed:
                    FlowList(indent, "allowed", allowed.Allowed.Select(LeaveNames.Of));
                    Outcome(indent, "outcome", allowed.Outcome);
                    break;
                case MaxDaysPerYearCondition days:
                    Line(indent, "at_most_days", Int(days.AtMostDays));
                    QuotedList(indent, "counts_codes", days.CountsCodes);
                    Over(indent, days.Over);
                    Outcome(indent, "outcome", days.Outcome);
                    break;
                case LicenceCondition licence:
                    Outcome(indent, "without_dates", licence.WithoutDates);
                    Outcome(indent, "without_licence", licence.WithoutLicence);
                    break;
                case AttendanceFloorCondition floor:
                    Line(indent, "percent", Number(floor.Percent));
                    Line(indent, "months", Int(floor.Months));
                    Outcome(indent, "outcome", floor.Outcome);
                    break;
                case GrantCondition grant:
                    if (grant.InAdvance)
                    {
                        Line(indent, "in_advance", "true");
                    }

                    break;
                default:
                    throw new ArgumentException($"the leave condition '{condition.Id}' is of an unknown kind {condition.GetType().Name}", nameof(condition));
            }

            if (condition.Raises is { } raise)
            {
                Key(indent, "raises");
                Line(indent + 2, "action", ActionName(raise.Action));
                Text(indent + 2, "title", raise.Title);
                Sources(indent + 2, raise.Sources);
            }

            Sources(indent, condition.Sources);
            OptionalText(indent, "note", condition.Note);
        }

        private static IEnumerable<string> FactNames(ValueList<LeaveFact> national, ValueList<string> school) =>
            national.Select(LeaveNames.Of).Concat(school);

        private void Over(int indent, Policies.Conditions.RollingWindow? over)
        {
            if (over is null)
            {
                return;
            }

            Key(indent, "over");
            Key(indent + 2, "rolling");
            Line(indent + 4, "months", Int(over.Length));
        }

        private void Outcome(int indent, string key, LeaveOutcome outcome) => Line(indent, key, LeaveNames.Of(outcome));

        private void WriteRule(int indent, Rule rule)
        {
            if (rule is ConditionRule conditionRule)
            {
                WriteConditionRule(indent, conditionRule);
                return;
            }

            Text(indent, "id", rule.Id);
            Line(indent, "type", rule.TypeName);
            Text(indent, "title", rule.Title);
            if (rule.Action is { } action)
            {
                Line(indent, "action", ActionName(action));
            }

            switch (rule)
            {
                case AttendanceBelowRule below:
                    Line(indent, "percent", Number(below.Percent));
                    if (below.Inclusive)
                    {
                        Line(indent, "inclusive", "true");
                    }

                    if (below.Period != AttendancePeriod.AcademicYear)
                    {
                        Line(indent, "period", Name(PolicyReader.PeriodNames, below.Period));
                    }

                    if (below.MinPossibleSessions != 0)
                    {
                        Line(indent, "min_possible_sessions", Int(below.MinPossibleSessions));
                    }

                    break;
                case SessionCountRule count:
                    Codes(indent, "codes", count.Codes);
                    Reading(indent, count.Reading);
                    SessionCount(indent, count.AtLeastSessions);
                    WriteWindow(indent, count.Window);
                    break;
                case ConsecutiveDaysRule consecutive:
                    Codes(indent, "codes", consecutive.Codes);
                    Reading(indent, consecutive.Reading);
                    if (consecutive.AtLeastDays > MaxAtLeast)
                    {
                        // more_than: N stands for N + 1 and may say one more than at_least can.
                        Line(indent, "more_than", Int(consecutive.AtLeastDays - 1));
                    }
                    else
                    {
                        Line(indent, "at_least", Int(consecutive.AtLeastDays));
                    }
                    break;
                case DailyCodeRule daily:
                    Codes(indent, "codes", daily.Codes);
                    break;
                case UnresolvedCodeRule unresolved:
                    Text(indent, "code", unresolved.Code);
                    Line(indent, "school_days", Int(unresolved.SchoolDays));
                    break;
                case CodeChangeRule change:
                    Codes(indent, "codes", change.Codes);
                    OptionalInt(indent, "within_school_days", change.WithinSchoolDays);
                    break;
                case AdmissionRule admission:
                    OptionalInt(indent, "within_days", admission.WithinDays);
                    break;
                case StagedRule staged:
                    Key(indent, "stages");
                    foreach (var stage in staged.Stages)
                    {
                        Item(indent + 2, () => WriteStage(indent + 4, stage));
                    }

                    break;
                case ReinterpretRule reinterpret:
                    Key(indent, "after");
                    Text(indent + 2, "rule", reinterpret.AfterRule);
                    Line(indent + 2, "stage", Int(reinterpret.AfterStage));
                    Codes(indent, "codes", reinterpret.Codes);
                    OptionalText(indent, "unless_fact", reinterpret.UnlessFact);
                    Text(indent, "count_as", reinterpret.CountAs);
                    break;
                case RewardRule reward:
                    Line(indent, "percent", Number(reward.Percent));
                    FlowList(indent, "periods", reward.Periods.Select(p => Name(PolicyReader.SchoolPeriodNames, p)));
                    break;
                case ScheduledRule scheduled:
                    Line(indent, "every", Name(PolicyReader.SchoolPeriodNames, scheduled.Every));
                    if (scheduled.When is { } when)
                    {
                        Node(indent, "when", ConditionWriter.Node(when, CodesValue));
                    }

                    break;
                default:
                    throw new ArgumentException($"the rule '{rule.Id}' is of an unknown type {rule.GetType().Name}", nameof(rule));
            }

            Sources(indent, rule.Sources);
            FollowUps(indent, rule.FollowUps);
            var defaultRepeat = rule is SessionCountRule ? RepeatMode.FreshSessions : RepeatMode.OncePerYear;
            if (rule.Repeat != defaultRepeat)
            {
                Line(indent, "repeat", Name(PolicyReader.RepeatNames, rule.Repeat));
            }

            if (rule.Role != RuleRole.None)
            {
                Line(indent, "role", Name(PolicyReader.RoleNames, rule.Role));
            }

            OptionalText(indent, "note", rule.Note);
        }

        /// <summary>
        /// A count of sessions as <c>at_least</c>; a count above what <c>at_least</c> may say (10,000)
        /// but within what <c>days</c> or <c>more_than_days</c> may say is written with those, so every
        /// count the loader accepts can be written back.
        /// </summary>
        private void SessionCount(int indent, int sessions)
        {
            if (sessions <= MaxAtLeast)
            {
                Line(indent, "at_least", Int(sessions));
            }
            else if (sessions % 2 == 0)
            {
                Line(indent, "days", Int(sessions / 2));
            }
            else
            {
                Line(indent, "more_than_days", Int((sessions - 1) / 2));
            }
        }

        private void WriteWindow(int indent, CountWindow window)
        {
            switch (window.Kind)
            {
                case CountWindowKind.RollingSchoolWeeks:
                    Key(indent, "window");
                    Line(indent + 2, "rolling_school_weeks", Int(window.SchoolWeeks));
                    break;
                case CountWindowKind.AcademicYear:
                    Line(indent, "window", "academic_year");
                    break;
                case CountWindowKind.Term:
                    Line(indent, "window", "term");
                    break;
                default:
                    Line(indent, "window", "current_and_previous_term");
                    break;
            }
        }

        private void WriteConditionRule(int indent, ConditionRule rule)
        {
            Text(indent, "id", rule.Id);
            Text(indent, "title", rule.Title);
            Line(indent, "action", ActionName(rule.Action!.Value));
            if (rule.Judged != Policies.Conditions.JudgedPeriod.Day)
            {
                Line(indent, "judged", Name(PolicyReader.JudgedNames, rule.Judged));
            }

            if (rule.After is { } after)
            {
                Node(indent, "after", ConditionWriter.Reference(after));
            }

            if (rule.Role != RuleRole.None)
            {
                Line(indent, "role", Name(PolicyReader.RoleNames, rule.Role));
            }

            if (rule.AppliesTo is { } applies)
            {
                Key(indent, "applies_to");
                if (applies.YearGroups.Count > 0)
                {
                    QuotedList(indent + 2, "year_groups", applies.YearGroups);
                }

                if (applies.CompulsoryAge)
                {
                    Line(indent + 2, "compulsory_age", "true");
                }
            }

            Node(indent, "when", ConditionWriter.Node(rule.When, CodesValue));
            Sources(indent, rule.Sources);
            FollowUps(indent, rule.FollowUps);
            if (rule.Repeat != RepeatMode.OncePerYear)
            {
                Line(indent, "repeat", Name(PolicyReader.ConditionRepeatNames, rule.Repeat));
            }

            OptionalText(indent, "note", rule.Note);
        }

        /// <summary>A code selection as a value: the code set's name where the policy has that set, else the quoted codes.</summary>
        private CanonicalNode CodesValue(CodeSelection selection) =>
            selection.SetName is { } name && name.Length > 2 && PolicyReader.IsKebab(name) && policy.CodeSets.Any(s => s.Key == name && s.Value.Equals(selection.Codes))
                ? new CanonicalScalar(name)
                : List(ListLayout.Flow, selection.Codes.Select(c => new CanonicalText(c)));

        private void WriteStage(int indent, Stage stage)
        {
            Line(indent, "stage", Int(stage.Number));
            Text(indent, "title", stage.Title);
            Line(indent, "action", ActionName(stage.Action));
            if (stage.When is ConditionStage conditionStage)
            {
                if (conditionStage.Judged != Policies.Conditions.JudgedPeriod.Day)
                {
                    Line(indent, "judged", Name(PolicyReader.JudgedNames, conditionStage.Judged));
                }

                Node(indent, "when", ConditionWriter.Node(conditionStage.When, CodesValue));
                Sources(indent, stage.Sources);
                FollowUps(indent, stage.FollowUps);
                return;
            }

            Key(indent, "when");
            var inner = indent + 2;
            Line(inner, "type", stage.When.TypeName);
            switch (stage.When)
            {
                case AttendanceBelowCondition below:
                    Line(inner, "percent", Number(below.Percent));
                    if (below.Inclusive)
                    {
                        Line(inner, "inclusive", "true");
                    }

                    if (below.MinPossibleSessions != 0)
                    {
                        Line(inner, "min_possible_sessions", Int(below.MinPossibleSessions));
                    }

                    break;
                case AttendanceDeclinedCondition declined:
                    Line(inner, "since_stage", Int(declined.SinceStage));
                    OptionalInt(inner, "monitoring_school_days", declined.Monitoring);
                    break;
                case MonitoringAttendanceBelowCondition monitoring:
                    Line(inner, "percent", Number(monitoring.Percent));
                    Line(inner, "monitoring_school_days", Int(monitoring.Monitoring));
                    break;
            }

            Sources(indent, stage.Sources);
            FollowUps(indent, stage.FollowUps);
        }

        private void FollowUps(int indent, ValueList<FollowUp> followUps)
        {
            if (followUps.Count == 0)
            {
                return;
            }

            Key(indent, "follow_ups");
            foreach (var followUp in followUps)
            {
                Item(indent + 2, () =>
                {
                    Text(indent + 4, "title", followUp.Title);
                    Sources(indent + 4, followUp.Sources);
                });
            }
        }

        /// <summary>A code selection: the code set's name where the rule named one the policy has, else the codes.</summary>
        private void Codes(int indent, string key, CodeSelection selection)
        {
            if (selection.SetName is { } name && name.Length > 2 && PolicyReader.IsKebab(name)
                && policy.CodeSets.Any(s => s.Key == name && s.Value.Equals(selection.Codes)))
            {
                Line(indent, key, name);
            }
            else
            {
                QuotedList(indent, key, selection.Codes);
            }
        }

        /// <summary>One quote as text, several as a list; nothing where there are none.</summary>
        private void Sources(int indent, ValueList<string> sources)
        {
            if (sources.Count == 1)
            {
                Text(indent, "source", sources[0]);
            }
            else if (sources.Count > 1)
            {
                Node(indent, "source", List(ListLayout.Block, sources.Select(t => new CanonicalText(t))));
            }
        }

        /// <summary>A list of texts, each double-quoted.</summary>
        private void QuotedList(int indent, string key, IEnumerable<string> texts) =>
            Node(indent, key, List(ListLayout.FlowIfFits, texts.Select(t => new CanonicalText(t))));

        /// <summary>A list of values in their canonical spelling: in flow style where it fits on one line, else one item a line.</summary>
        private void FlowList(int indent, string key, IEnumerable<string> values) =>
            Node(indent, key, List(ListLayout.FlowIfFits, values.Select(v => new CanonicalScalar(v))));

        private static CanonicalList List(ListLayout layout, IEnumerable<CanonicalNode> items)
        {
            var list = new CanonicalList(layout);
            list.Items.AddRange(items);
            return list;
        }

        /// <summary>An item of a block sequence whose content is a mapping written at <paramref name="indent"/> + 2.</summary>
        private void Item(int indent, Action writeMapping)
        {
            var item = new CanonicalMap();
            ListAt(indent, ListLayout.Block).Items.Add(item);
            open.Add(new Open(indent + 2, item, null, -1));
            writeMapping();
        }

        /// <summary>A key whose value (a mapping or a list) follows at <paramref name="indent"/> + 2.</summary>
        private void Key(int indent, string key)
        {
            var map = MapAt(indent);
            map.Add(key, new CanonicalMap());
            open.Add(new Open(indent + 2, (CanonicalMap)map.Entries[^1].Value, map, map.Entries.Count - 1));
        }

        /// <summary>A key and a value already in its canonical spelling.</summary>
        private void Line(int indent, string key, string value) => MapAt(indent).Add(key, new CanonicalScalar(value));

        private void Node(int indent, string key, CanonicalNode value) => MapAt(indent).Add(key, value);

        private void Text(int indent, string key, string value) => MapAt(indent).Add(key, new CanonicalText(value));

        /// <summary>The <c>codes_as</c> key of a v1 counting type, as the code measures write it: left out for the default.</summary>
        private void Reading(int indent, CodeReading reading)
        {
            if (Language.CodeReadingKey.Write(reading) is { } word)
            {
                Line(indent, Language.CodeReadingKey.Name, word);
            }
        }

        private void OptionalText(int indent, string key, string? value)
        {
            if (value is not null)
            {
                Text(indent, key, value);
            }
        }

        private void OptionalInt(int indent, string key, int? value)
        {
            if (value is { } v)
            {
                Line(indent, key, Int(v));
            }
        }

        /// <summary>The container whose content is written at <paramref name="indent"/>; those deeper are complete.</summary>
        private Open At(int indent)
        {
            while (open[^1].Indent > indent)
            {
                open.RemoveAt(open.Count - 1);
            }

            return open[^1].Indent == indent
                ? open[^1]
                : throw new InvalidOperationException($"the writer wrote at indent {indent} with nothing open there");
        }

        private CanonicalMap MapAt(int indent) =>
            At(indent).Node as CanonicalMap ?? throw new InvalidOperationException($"the writer wrote a key into a list at indent {indent}");

        /// <summary>The list at <paramref name="indent"/>; a key just opened there becomes one.</summary>
        private CanonicalList ListAt(int indent, ListLayout layout)
        {
            var at = At(indent);
            if (at.Node is CanonicalList list)
            {
                return list;
            }

            if (at.Parent is null || at.Node is not CanonicalMap { Entries.Count: 0 })
            {
                throw new InvalidOperationException($"the writer wrote a list item into a mapping at indent {indent}");
            }

            list = new CanonicalList(layout);
            at.Parent.Entries[at.Index] = new(at.Parent.Entries[at.Index].Key, list);
            open[^1] = at with { Node = list };
            return list;
        }

        /// <summary>A container open for content at an indent, and where it sits in its parent mapping.</summary>
        private sealed record Open(int Indent, CanonicalNode Node, CanonicalMap? Parent, int Index);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal in the invariant culture without trailing zeros, so 95.50 and 95.5 are written alike.</summary>
    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Time(LocalTime time)
    {
        if (time.Second != 0 || time.NanosecondOfSecond != 0)
        {
            throw new ArgumentException($"the time {time:HH:mm:ss.fffffffff} has seconds; the policy format has whole minutes", nameof(time));
        }

        return "\"" + TimePattern.Format(time) + "\"";
    }

    private static string SessionName(SessionOfDay session) => Name(PolicyReader.SessionNames, session);

    private static string ActionName(ActionKind action) => Name(PolicyReader.ActionNames, action);

    /// <summary>A vocabulary word's name in the policy format (the reader's tables map names to values).</summary>
    internal static string Name<T>(Dictionary<string, T> names, T value)
        where T : struct, Enum
    {
        foreach (var pair in names)
        {
            if (EqualityComparer<T>.Default.Equals(pair.Value, value))
            {
                return pair.Key;
            }
        }

        throw new ArgumentException($"the value {value} has no name in the policy format", nameof(value));
    }

}
