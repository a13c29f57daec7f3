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
