using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

public class PenaltyNoticeEvaluationTests
{
    private static readonly CompiledPolicy National = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024"));

    // Ten unauthorised sessions in the first week of term: the threshold is reached on Friday afternoon.
    private static readonly Attendance.Rules.Registers.PupilRegister Truant = RegisterNotation.Parse("2025-09-08 OO OO GG OO UU");

    [Fact]
    public void A_threshold_hit_says_what_a_first_notice_would_be_without_implying_one_was_issued()
    {
        var evaluation = National.Evaluate(Truant, new LocalDate(2025, 9, 12));
        var hit = Assert.Single(evaluation.ThresholdHits);
        Assert.Equal(new LocalDate(2025, 9, 12), hit.Date);
        var action = Assert.Single(evaluation.Actions, a => a.RuleId == "penalty-notice-threshold");
        Assert.Contains("if a penalty notice is issued: no earlier notice: a first notice, £160 (£80 if paid within 21 days)", action.Evidence, StringComparison.Ordinal);
        Assert.Equal(1, evaluation.NextPenaltyNotice!.Ordinal);
    }

    [Fact]
    public void With_two_notices_in_the_last_three_years_the_next_step_is_another_measure()
    {
        var prior = new[] { new PriorPenaltyNotice(new LocalDate(2024, 1, 10)), new PriorPenaltyNotice(new LocalDate(2025, 3, 1)) };
        var evaluation = National.Evaluate(Truant, new LocalDate(2025, 9, 12), priorNotices: prior);
        Assert.False(evaluation.NextPenaltyNotice!.HasNotice);
        var action = Assert.Single(evaluation.Actions, a => a.RuleId == "penalty-notice-threshold");
        Assert.Contains("no third notice; another measure, such as prosecution, instead", action.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_issued_after_the_hit_do_not_change_what_the_hit_said()
    {
        var later = new[] { new PriorPenaltyNotice(new LocalDate(2025, 10, 1)) };
        var evaluation = National.Evaluate(Truant, new LocalDate(2025, 11, 1), priorNotices: later);
        var action = Assert.Single(evaluation.Actions, a => a.RuleId == "penalty-notice-threshold");
        Assert.Contains("a first notice", action.Evidence, StringComparison.Ordinal);
        Assert.Equal(2, evaluation.NextPenaltyNotice!.Ordinal);
    }
}

public class EvaluationIdentityTests
{
    [Fact]
    public void Every_evaluation_names_the_policy_and_its_version_with_a_content_hash()
    {
        var policy = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml"));
        var evaluation = PolicyEvaluator.Compile(policy).Evaluate(RegisterNotation.Parse("2025-09-08 /\\"), new LocalDate(2025, 9, 8));
        Assert.Equal("laurence-jackson", evaluation.PolicyId);
        Assert.Matches(@"^2025\.1\+[0-9a-f]{12}$", evaluation.PolicyVersion);
        Assert.Equal(PolicyFingerprint.VersionOf(policy), evaluation.PolicyVersion);
    }

    [Fact]
    public void A_state_keeps_the_pupils_roll_through_text_and_refuses_a_mark_after_leaving()
    {
        var policy = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024"));
        var roll = Attendance.Rules.Registers.PupilRoll.Create(new LocalDate(2014, 3, 2), new LocalDate(2025, 9, 8), new LocalDate(2025, 9, 9));
        var state = policy.Advance(policy.Start("p1", "6", roll), RegisterNotation.Marks("2025-09-08 /\\"), new LocalDate(2025, 9, 8)).State;

        var back = EvaluationState.Deserialize(state.Serialize());

        Assert.Equal(roll, back.Roll);
        Assert.Contains("roll 2014-03-02 2025-09-08 2025-09-09", state.Serialize(), StringComparison.Ordinal);
        Assert.Throws<Attendance.Rules.Registers.RegisterException>(() => policy.Advance(back, RegisterNotation.Marks("2025-09-10 /\\"), new LocalDate(2025, 9, 10)));
    }

    [Fact]
    public void Advancing_a_state_under_another_policy_version_or_amending_a_fed_session_is_refused()
    {
        var policy = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024"));
        var state = policy.Advance(policy.Start("p1"), RegisterNotation.Marks("2025-09-08 /\\"), new LocalDate(2025, 9, 8)).State;
        var amendment = Assert.Throws<ArgumentException>(() => policy.Advance(state, RegisterNotation.Marks("2025-09-08 -O"), new LocalDate(2025, 9, 9)));
        Assert.Contains("2025-09-08 PM is at or before the last session fed (2025-09-08 PM): an amendment; replay the register from 2025-09-08", amendment.Message, StringComparison.Ordinal);
        var other = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml")));
        Assert.Throws<ArgumentException>(() => other.Advance(state, [], new LocalDate(2025, 9, 9)));
        Assert.Throws<ArgumentException>(() => policy.Advance(state, [], new LocalDate(2025, 9, 7)));
        Assert.Equal(state, EvaluationState.Deserialize(state.Serialize()));
    }
}
