using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

public class CarriedConditionTests
{
    [Fact]
    public void A_run_carried_over_the_summer_does_not_fire_a_once_a_year_rule_again_while_it_keeps_holding()
    {
        // The deletion review is a v1 run (consecutive_days); the attendance return, a rule with `when`
        // since issue 17, judges the new year afresh (docs/policy-format.md, "v1 types in the language v2").
        var national = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024"));
        var register = RegisterNotation.Parse("2025-06-23 " + string.Join(' ', Enumerable.Repeat("OO", 24)) + " 2025-09-01 OO OO OO OO OO");
        var reviews = national.Evaluate(register, new LocalDate(2025, 9, 5)).Actions.Where(a => a.RuleId == "deletion-review").ToList();
        Assert.Equal([new LocalDate(2025, 7, 18)], reviews.Select(a => a.Date));
    }

    [Fact]
    public void A_run_that_lapsed_fires_a_once_a_year_rule_again_in_the_new_year()
    {
        var national = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024"));
        var register = RegisterNotation.Parse("2025-07-07 OO OO OO OO OO OO OO OO OO OO 2025-09-01 /\\ OO OO OO OO OO OO OO OO OO OO");
        var returns = national.Evaluate(register, new LocalDate(2025, 9, 30)).Actions.Where(a => a.RuleId == "la-attendance-return").ToList();
        Assert.Equal([new LocalDate(2025, 7, 18), new LocalDate(2025, 9, 15)], returns.Select(a => a.Date));
    }

    [Fact]
    public void A_reinterpreted_illness_still_counts_as_illness_and_now_also_as_unauthorised()
    {
        var lj = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml")));
        // Stage 1 on 1 September (I in the afternoon), stage 2 on the 2nd (absent again); then illness without evidence.
        var register = RegisterNotation.Parse("2025-09-01 /I I\\ " + string.Join(" ", Enumerable.Repeat("II", 16)));
        var evaluation = lj.Evaluate(register, new LocalDate(2025, 9, 30));
        Assert.Equal([1, 2], evaluation.Actions.Where(a => a.RuleId == "attendance-monitoring-stages").Select(a => a.Stage!.Value).Take(2));
        // The school's own health-absence rule (a v1 count, whose evidence lists the sessions) still counts the illness.
        var sickness = Assert.Single(evaluation.Actions, a => a.RuleId == "inform-la-health-absence");
        Assert.Contains("(counted as O)", sickness.Evidence, StringComparison.Ordinal);
        Assert.Single(evaluation.Actions, a => a.RuleId == "la-sickness-return");
        var penalty = evaluation.Actions.First(a => a.RuleId == "penalty-notice-threshold");
        Assert.StartsWith("10 unauthorised sessions", penalty.Evidence, StringComparison.Ordinal);
        Assert.Contains("2025-09-03 AM I (counted as O)", penalty.Evidence, StringComparison.Ordinal);
        Assert.Equal(0, evaluation.Figures.UnauthorisedAbsenceSessions);
    }
}
