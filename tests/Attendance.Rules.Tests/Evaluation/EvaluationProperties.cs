using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>Properties of evaluation, checked against every policy file under policies/ (a new school's file is covered by adding it).</summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 60)]
public class EvaluationProperties
{
    private static readonly CompiledPolicy[] Policies =
        RepositoryPaths.AllPolicies().Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p))).ToArray();

    private static CompiledPolicy PolicyOf(RegisterCase c) => Policies[c.PolicyIndex % Policies.Length];

    [Fact]
    public void Every_policy_file_is_covered()
    {
        Assert.Equal(18, Policies.Length); // the national base, the five seed schools and the twelve real policies under examples/
    }

    [Property]
    public void Fed_day_by_day_the_new_actions_add_up_to_one_batch_evaluation(RegisterCase c)
    {
        var policy = PolicyOf(c);
        var batch = policy.Evaluate(c.Register, c.AsOf);
        var state = policy.Start(c.Register.PupilId);
        var actions = new List<PolicyAction>();
        var hits = new List<ThresholdHit>();
        foreach (var day in c.Register.Marks.GroupBy(m => m.Session.Date))
        {
            var step = policy.Advance(EvaluationState.Deserialize(state.Serialize()), day, day.Key);
            actions.AddRange(step.NewActions);
            hits.AddRange(step.NewThresholdHits);
            state = step.State;
        }

        var last = policy.Advance(state, [], c.AsOf);
        actions.AddRange(last.NewActions);
        hits.AddRange(last.NewThresholdHits);
        Assert.Equal(Sorted(batch.Actions), Sorted(actions));
        Assert.Equal(batch.ThresholdHits.OrderBy(h => h.Date).ThenBy(h => h.RuleId), hits.OrderBy(h => h.Date).ThenBy(h => h.RuleId));
        Assert.Equal(batch, last.Evaluation);
    }

    [Property]
    public void With_the_school_calendar_fed_day_by_day_the_new_actions_add_up_to_one_batch_evaluation(RegisterCase c)
    {
        var policy = PolicyOf(c);
        var calendar = EvaluationArbitraries.Calendar;
        var batch = policy.Evaluate(c.Register, c.AsOf, calendar);
        var state = policy.Start(c.Register.PupilId);
        var actions = new List<PolicyAction>();
        foreach (var day in c.Register.Marks.GroupBy(m => m.Session.Date))
        {
            var step = policy.Advance(state, day, day.Key, calendar);
            actions.AddRange(step.NewActions);
            state = step.State;
        }

        actions.AddRange(policy.Advance(state, [], c.AsOf, calendar).NewActions);
        Assert.Equal(Sorted(batch.Actions), Sorted(actions));
        for (var i = 1; i < batch.Actions.Count; i++)
        {
            Assert.True(batch.Actions[i - 1].Date <= batch.Actions[i].Date);
        }
    }

    [Property]
    public void Actions_come_in_date_order_and_none_after_the_evaluation_date(RegisterCase c)
    {
        var actions = PolicyOf(c).Evaluate(c.Register, c.AsOf).Actions;
        for (var i = 1; i < actions.Count; i++)
        {
            Assert.True(actions[i - 1].Date <= actions[i].Date, $"{actions[i - 1]} before {actions[i]}");
        }

        Assert.All(actions, a => Assert.True(a.Date <= c.AsOf, a.ToString()));
    }

    [Property]
    public void A_stage_never_falls_due_before_the_stage_before_it_in_the_same_year(RegisterCase c)
    {
        var policy = PolicyOf(c);
        foreach (var staged in policy.Policy.Rules.OfType<StagedRule>())
        {
            var stages = policy.Evaluate(c.Register, c.AsOf).Actions.Where(a => a.RuleId == staged.Id).ToList();
            foreach (var year in stages.GroupBy(a => AcademicYear.Containing(a.Date)))
            {
                var numbers = year.Select(a => a.Stage!.Value).ToList();
                Assert.Equal(staged.Stages.Take(numbers.Count).Select(s => s.Number), numbers);
                Assert.Equal(numbers.Count, numbers.Distinct().Count());
            }
        }
    }

    [Property]
    public void A_register_of_only_present_marks_raises_no_letter_sanction_or_referral(RegisterCase c)
    {
        var present = PupilRegister.Create("p1", c.Register.Marks.Select(m =>
            SessionMark.Create(m.Session, m.Session.Part == SessionOfDay.AM ? "/" : "\\")));
        var actions = PolicyOf(c).Evaluate(present, c.AsOf).Actions;
        Assert.DoesNotContain(actions, a => a.Kind is ActionKind.Letter or ActionKind.Sanction or ActionKind.Referral
            && PolicyOf(c).Policy.FindRule(a.RuleId) is not ScheduledRule);
    }

    [Property]
    public void Threshold_hits_never_exceed_the_counted_sessions_divided_by_the_threshold(RegisterCase c)
    {
        var policy = PolicyOf(c);
        var evaluation = policy.Evaluate(c.Register, c.AsOf);
        foreach (var rule in policy.Policy.Rules.OfType<SessionCountRule>())
        {
            var hits = evaluation.ThresholdHits.Where(h => h.RuleId == rule.Id).ToList();
            var counted = hits.SelectMany(h => h.CountedSessions).ToList();
            Assert.Equal(counted.Count, counted.Distinct().Count());
            var candidates = c.Register.Marks.Count(m => m.Session.Date <= c.AsOf && CountsFor(rule, m, policy.Policy));
            Assert.True(hits.Count <= candidates / rule.AtLeastSessions, $"{hits.Count} hits of {rule.Id} from {candidates} sessions");
        }
    }

    [Property]
    public void Evaluation_does_not_depend_on_the_order_marks_were_given_in(RegisterCase c)
    {
        var reversed = PupilRegister.Create("p1", c.Register.Marks.Reverse());
        Assert.Equal(PolicyOf(c).Evaluate(c.Register, c.AsOf), PolicyOf(c).Evaluate(reversed, c.AsOf));
    }

    /// <summary>Could this mark count for the rule: its code, or (after a reinterpretation) any code a reinterpretation maps to it.</summary>
    private static bool CountsFor(SessionCountRule rule, SessionMark mark, Policy policy) =>
        rule.Codes.Contains(mark.Code!.Code)
        || policy.Rules.OfType<ReinterpretRule>().Any(r => r.Codes.Contains(mark.Code.Code) && rule.Codes.Contains(r.CountAs));

    private static List<PolicyAction> Sorted(IEnumerable<PolicyAction> actions) =>
        actions.OrderBy(a => a.Date).ThenBy(a => a.Session).ThenBy(a => a.RuleId, StringComparer.Ordinal).ThenBy(a => a.Stage).ThenBy(a => a.Evidence, StringComparer.Ordinal).ToList();
}

/// <summary>Properties of the figures and of each action's evidence, over every policy file.</summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 60)]
public class EvidenceProperties
{
    private static readonly CompiledPolicy[] Policies =
        RepositoryPaths.AllPolicies().Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p))).ToArray();

    private static CompiledPolicy PolicyOf(RegisterCase c) => Policies[c.PolicyIndex % Policies.Length];

    [Property]
    public void Figures_reconcile_and_rates_are_bounded(RegisterCase c)
    {
        var f = PolicyOf(c).Evaluate(c.Register, c.AsOf).Figures;
        Assert.Equal(f.PossibleSessions, f.PresentSessions + f.ApprovedEducationalActivitySessions + f.AuthorisedAbsenceSessions + f.UnauthorisedAbsenceSessions);
        Assert.InRange(f.LateSessions, 0, f.PresentSessions);
        if (f.PossibleSessions > 0)
        {
            Assert.InRange(f.AttendancePercent!.Value, 0m, 100m);
            Assert.InRange(f.AbsencePercent!.Value, 0m, 100m);
        }
    }

    [Property]
    public void Persistent_and_severe_flags_never_clear_when_a_present_session_becomes_an_absence(RegisterCase c, int pick)
    {
        var policy = PolicyOf(c);
        // Only sessions the figures cover: the academic year to the evaluation date.
        var year = AcademicYear.Containing(c.AsOf);
        var present = c.Register.Marks.Select((m, i) => (m, i))
            .Where(x => x.m.Session.Date <= c.AsOf && x.m.Session.Date >= year.Start && x.m.Code!.Code is "/" or "\\").ToList();
        if (present.Count == 0)
        {
            return;
        }

        var (mark, index) = present[Math.Abs(pick % present.Count)];
        var absent = PupilRegister.Create("p1", c.Register.Marks.SetItem(index, SessionMark.Create(mark.Session, "O")));
        var before = policy.Evaluate(c.Register, c.AsOf).Figures;
        var after = policy.Evaluate(absent, c.AsOf).Figures;
        Assert.True(!before.IsPersistentAbsence || after.IsPersistentAbsence, "persistent absence cleared");
        Assert.True(!before.IsSevereAbsence || after.IsSevereAbsence, "severe absence cleared");
        Assert.Equal(before.UnauthorisedAbsenceSessions + 1, after.UnauthorisedAbsenceSessions);
    }

    [Property]
    public void Every_attendance_figure_in_evidence_rechecks_against_the_register(RegisterCase c)
    {
        var policy = PolicyOf(c);
        var evaluation = policy.Evaluate(c.Register, c.AsOf);
        var pattern = new System.Text.RegularExpressions.Regex(@"^attendance (\d+\.\d\d)% \((\d+) of (\d+) possible sessions\) this academic year");
        foreach (var action in evaluation.Actions)
        {
            var match = pattern.Match(action.Evidence);
            if (!match.Success)
            {
                continue;
            }

            // Recount, by hand, the year to date up to and including the action's session.
            var session = new Session(action.Date, action.Session);
            var year = AcademicYear.Containing(action.Date);
            var upTo = c.Register.Marks.Where(m => m.Session <= session && m.Session.Date >= year.Start).ToList();
            var possible = upTo.Count(m => m.Code!.IsPossibleSession);
            var attended = upTo.Count(m => m.Code!.IsPossibleSession && m.Code.IsAttendance);
            Assert.Equal(attended.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value);
            Assert.Equal(possible.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups[3].Value);
            Assert.Equal(Percent.Format(attended, possible), match.Groups[1].Value + "%");
        }
    }

    [Property]
    public void Every_threshold_hit_counts_sessions_of_its_codes_within_its_window(RegisterCase c)
    {
        var policy = PolicyOf(c);
        var evaluation = policy.Evaluate(c.Register, c.AsOf);
        foreach (var hit in evaluation.ThresholdHits)
        {
            // A v1 session count, or a v2 rule whose condition is one count: the same checks.
            var (codes, atLeast, rolling, yearly) = policy.Policy.FindRule(hit.RuleId) switch
            {
                SessionCountRule r => ((CodeSelection?)r.Codes, r.AtLeastSessions, r.Window.Kind == CountWindowKind.RollingSchoolWeeks, r.Window.Kind == CountWindowKind.AcademicYear),
                ConditionRule { When: Comparison { Measure: CountMeasure m } k } => (m.Codes, (int)k.Value + (k.Operator is ComparisonOperator.MoreThan or ComparisonOperator.Above ? 1 : 0),
                    k.Over is RollingWindow { Unit: RollingUnit.SchoolWeeks }, k.Over == PeriodWindow.AcademicYear),
                ConditionRule { When: Comparison { Measure: LateMeasure } k } => ((CodeSelection?)null, (int)k.Value + (k.Operator is ComparisonOperator.MoreThan or ComparisonOperator.Above ? 1 : 0),
                    k.Over is RollingWindow { Unit: RollingUnit.SchoolWeeks }, k.Over == PeriodWindow.AcademicYear),
                var other => throw new InvalidOperationException($"a threshold hit of {other?.Id}, which is not a count"),
            };
            Assert.True(hit.Sessions >= atLeast, $"{hit.RuleId}: {hit.Sessions} sessions counted, below {atLeast}");
            foreach (var session in hit.CountedSessions)
            {
                var mark = c.Register.Marks.Single(m => m.Session == session);
                Assert.True(session.Date <= hit.Date, $"{session} counted for a hit on {hit.Date}");
                // A late count counts an L or an arrival the registration window found late.
                Assert.True(codes is null
                    ? mark.Code?.Code == "L" || mark.Arrival is not null
                    : codes.Contains(mark.Code!.Code) || policy.Policy.Rules.OfType<ReinterpretRule>().Any(r => r.Codes.Contains(mark.Code.Code) && codes.Contains(r.CountAs)),
                    $"{mark} does not count for {hit.RuleId}");
                if (rolling)
                {
                    Assert.InRange(session.Date, hit.FirstWeek, hit.LastWeek.PlusDays(6));
                }
                else if (yearly)
                {
                    Assert.Equal(AcademicYear.Containing(hit.Date), AcademicYear.Containing(session.Date));
                }
            }
        }
    }
}
