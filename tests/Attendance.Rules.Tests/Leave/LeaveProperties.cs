using Attendance.Rules.Evaluation;
using Attendance.Rules.Leave;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies.Leave;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Leave;

/// <summary>Properties of leave decisions, checked against every policy file under policies/ that has a leave section (a new school's file is covered by adding it).</summary>
[Properties(Arbitrary = [typeof(LeaveArbitraries)], MaxTest = 300)]
public class LeaveProperties
{
    private static readonly CompiledPolicy[] Policies = RepositoryPaths.AllPolicies()
        .Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p)))
        .Where(p => p.HasLeaveRules)
        .ToArray();

    private static CompiledPolicy PolicyOf(LeaveCase c) => Policies[c.PolicyIndex % Policies.Length];

    [Fact]
    public void Every_seed_school_has_leave_rules()
    {
        Assert.Equal(
            ["aycliffe-drive-primary", "hall-green-primary", "laurence-jackson", "stanborough", "willoughby-primary"],
            Policies.Select(p => p.Policy.Id).Order(StringComparer.Ordinal));
    }

    [Property]
    public void A_refused_request_stays_refused_when_made_later(LeaveCase c)
    {
        var policy = PolicyOf(c);
        var decision = Decide(policy, c, c.Request);
        if (decision.Outcome != LeaveOutcome.Refuse)
        {
            return;
        }

        // The same pupil asking later: a year group recorded as of the request moves up each 1 August in between.
        var laterOn = c.Request.RequestedOn.PlusDays(c.Later);
        var later = c.Request with { RequestedOn = laterOn, YearGroup = (c.Request with { FirstDay = laterOn }).YearGroupOnFirstDay };

        Assert.Equal(LeaveOutcome.Refuse, Decide(policy, c, later).Outcome);
    }

    [Property]
    public void A_refused_request_stays_refused_when_made_longer(LeaveCase c)
    {
        var policy = PolicyOf(c);
        if (Decide(policy, c, c.Request).Outcome != LeaveOutcome.Refuse)
        {
            return;
        }

        var longer = c.Request with { LastDay = c.Request.LastDay.PlusDays(c.Longer) };

        Assert.Equal(LeaveOutcome.Refuse, Decide(policy, c, longer).Outcome);
    }

    [Property]
    public void Authorise_comes_only_from_a_grant_without_discretion(LeaveCase c)
    {
        var policy = PolicyOf(c);
        var decision = Decide(policy, c, c.Request);
        var grants = policy.Policy.Leave!.Conditions.Where(x => x is LicenceCondition or GrantCondition).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var granted = decision.Reasons.Any(r => r.Outcome == LeaveOutcome.Authorise && grants.Contains(r.Rule));
        var refused = decision.Reasons.Any(r => r.Outcome == LeaveOutcome.Refuse);

        Assert.Equal(decision.Outcome == LeaveOutcome.Authorise, granted && (decision.Outcome != LeaveOutcome.Refuse));
        if (decision.Outcome == LeaveOutcome.Authorise)
        {
            Assert.Equal(decision.CodeIfAuthorised, decision.CodeIfTaken);
        }

        if (!refused && !granted)
        {
            Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
        }
    }

    [Property]
    public void Every_decision_gives_a_reason_for_its_outcome(LeaveCase c)
    {
        var decision = Decide(PolicyOf(c), c, c.Request);

        Assert.Contains(decision.Reasons, r => r.Outcome == decision.Outcome);
        Assert.All(decision.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    private static LeaveDecision Decide(CompiledPolicy policy, LeaveCase c, LeaveRequest request) =>
        policy.EvaluateLeaveRequest(request, c.Register, c.WithCalendar ? LeaveKit.Calendar : null);
}
