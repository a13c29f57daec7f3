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
            [
                "aycliffe-drive-primary", "buckinghamshire-council-penalty-notice-code", "crosshill-school", "dorrington-academy", "flitcham-primary-academy",
                "hall-green-primary", "laurence-jackson", "rushden-academy", "rushmere-park-academy", "stanborough", "warblington-school",
                "willoughby-primary",
            ],
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
        var referred = decision.Reasons.Any(r => r.Outcome == LeaveOutcome.Refer);

        // Authorise needs a grant; a grant with nothing refusing or referring authorises. (A grant
        // beside a refer is referred, unless it is a dated licence, which overrides everything.)
        if (decision.Outcome == LeaveOutcome.Authorise)
        {
            Assert.True(granted, "authorised without a grant");
            Assert.Equal(decision.CodeIfAuthorised, decision.CodeIfTaken);
        }

        if (granted && !refused && !referred)
        {
            Assert.Equal(LeaveOutcome.Authorise, decision.Outcome);
        }

        if (!refused && !granted)
        {
            Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
        }
    }

    [Fact]
    public void A_grant_beside_a_referral_is_referred_found_by_the_authorise_property()
    {
        // Replay (14279456910696100325,16526388885861474795,83) found it: a medical appointment at
        // Willoughby, notified in advance, over a weekend and a half-term closure (no school day).
        // The grant holds and no-school-days refers; refer wins over a grant, so it is referred.
        var willoughby = Policies.Single(p => p.Policy.Id == "willoughby-primary");
        var request = LeaveRequest.Create("P1", LeaveType.Medical, new LocalDate(2025, 10, 25), new LocalDate(2025, 10, 28), new LocalDate(2025, 9, 5), "10");

        var decision = willoughby.EvaluateLeaveRequest(request, null, LeaveKit.Calendar);

        Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
        Assert.Equal(LeaveOutcome.Authorise, LeaveKit.Reason(decision, "medical-notified-in-advance").Outcome);
        Assert.Equal(LeaveOutcome.Refer, LeaveKit.Reason(decision, "no-school-days").Outcome);
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
