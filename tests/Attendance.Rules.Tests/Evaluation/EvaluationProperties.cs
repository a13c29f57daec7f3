using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
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
        Assert.Equal(6, Policies.Length);
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
