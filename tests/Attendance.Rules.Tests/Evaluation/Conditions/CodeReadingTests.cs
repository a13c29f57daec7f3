using Attendance.Rules.Evaluation;
using static Attendance.Rules.Tests.Evaluation.Conditions.ConditionKit;

namespace Attendance.Rules.Tests.Evaluation.Conditions;

/// <summary>
/// `codes_as`: a rule counts a reinterpreted mark by its own code or the code it counts as (the
/// default), or by the recorded code only. Each policy reinterprets I as O from the school day after
/// its stage 1 (attendance below 100%), so an illness on Monday 1 September 2025 brings stage 1 that
/// evening and Tuesday's illness counts as O.
/// </summary>
public class CodeReadingTests
{
    private const string Reinterpretation = """
          - id: stages
            type: staged
            title: Stages
            stages:
              - stage: 1
                title: Stage 1
                action: letter
                when: { measure: attendance, below: 100 }
                source: "s"
          - id: illness-as-unauthorised
            type: reinterpret
            title: Illness counts as O after stage 1
            after: { rule: stages, stage: 1 }
            codes: [I]
            count_as: O
            source: "s"

        """;

    private static CompiledPolicy With(string rules) => Compile(Reinterpretation + rules);

    [Fact]
    public void A_count_as_recorded_does_not_see_an_illness_counted_as_O_and_the_default_does()
    {
        var policy = With(Rule("recorded", "{ measure: { count: [O], codes_as: recorded }, at_least: 1 }") + Rule("reinterpreted", "{ measure: { count: [O] }, at_least: 1 }"));

        var ill = Evaluate(policy, "2025-09-01 I\\ II", D(2025, 9, 2));
        var truant = Evaluate(policy, "2025-09-01 I\\ II O\\", D(2025, 9, 3));

        Assert.Empty(Due(ill, "recorded"));
        Assert.Equal(["2025-09-02 PM"], Due(ill, "reinterpreted"));
        Assert.Equal("2 sessions of O (of which 2 I counted as O) in the academic year 2025/26, at least 1", ill.Actions.Single(a => a.RuleId == "reinterpreted").Evidence);
        Assert.Equal(["2025-09-03 PM"], Due(truant, "recorded"));
        Assert.Equal("1 sessions of O as recorded in the academic year 2025/26, at least 1", truant.Actions.Single(a => a.RuleId == "recorded").Evidence);
    }

    [Fact]
    public void A_reinterpreted_count_names_no_reinterpretation_where_every_session_had_the_code_itself()
    {
        var policy = With(Rule("reinterpreted", "{ measure: { count: [O, I] }, at_least: 2 }"));

        var e = Evaluate(policy, "2025-09-01 O\\ O\\", D(2025, 9, 2));

        Assert.Equal("2 sessions of O, I in the academic year 2025/26, at least 2", e.Actions.Single(a => a.RuleId == "reinterpreted").Evidence);
    }

    [Theory]
    [InlineData("{ measure: { run: [O]CODES_AS }, at_least: 2 }")]
    [InlineData("{ measure: { days: [O]CODES_AS }, at_least: 2 }")]
    [InlineData("{ measure: { spells: [O]CODES_AS }, at_least: 1 }")]
    public void Day_measures_read_the_recorded_code_when_told(string when)
    {
        var policy = With(Rule("recorded", when.Replace("CODES_AS", ", codes_as: recorded", StringComparison.Ordinal)) + Rule("reinterpreted", when.Replace("CODES_AS", string.Empty, StringComparison.Ordinal)));

        var e = Evaluate(policy, "2025-09-01 I\\ II II", D(2025, 9, 3));

        Assert.Empty(Due(e, "recorded"));
        Assert.NotEmpty(Due(e, "reinterpreted"));
        Assert.DoesNotContain(" as recorded", e.Actions.Single(a => a.RuleId == "reinterpreted").Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_day_measure_counts_days_recorded_with_the_codes_and_says_so()
    {
        var policy = With(Rule("recorded", "{ measure: { run: [O], codes_as: recorded }, at_least: 2 }"));

        var e = Evaluate(policy, "2025-09-01 I\\ OO OO", D(2025, 9, 3));

        Assert.Equal(["2025-09-03 PM"], Due(e, "recorded"));
        Assert.Equal("2 consecutive school days of O as recorded to 3 Sep 2025, at least 2", e.Actions.Single(a => a.RuleId == "recorded").Evidence);
    }

    [Fact]
    public void A_session_count_as_recorded_ignores_the_reinterpretation_and_says_so()
    {
        const string rules = """
              - id: recorded
                type: session_count
                title: Recorded
                action: letter
                codes: [O]
                codes_as: recorded
                at_least: 2
                window: academic_year
                source: "s"
              - id: reinterpreted
                type: session_count
                title: Reinterpreted
                action: letter
                codes: [O]
                at_least: 2
                window: academic_year
                source: "s"

            """;
        var policy = With(rules);

        var ill = Evaluate(policy, "2025-09-01 I\\ II", D(2025, 9, 2));
        var truant = Evaluate(policy, "2025-09-01 I\\ II OO", D(2025, 9, 3));

        Assert.Empty(Due(ill, "recorded"));
        Assert.Equal(["2025-09-02 PM"], Due(ill, "reinterpreted"));
        Assert.Contains("2025-09-02 AM I (counted as O)", ill.Actions.Single(a => a.RuleId == "reinterpreted").Evidence, StringComparison.Ordinal);
        Assert.Equal(["2025-09-03 PM"], Due(truant, "recorded"));
        Assert.StartsWith("2 sessions of O as recorded in the academic year 2025/26 reached 2", truant.Actions.Single(a => a.RuleId == "recorded").Evidence, StringComparison.Ordinal);
        Assert.Equal(1, truant.ThresholdHits.Count(h => h.RuleId == "recorded"));
        Assert.Equal(2, truant.ThresholdHits.Count(h => h.RuleId == "reinterpreted"));
    }

    [Fact]
    public void A_consecutive_days_rule_as_recorded_is_not_reached_by_illness_counted_as_unauthorised()
    {
        const string rules = """
              - id: recorded
                type: consecutive_days
                title: Recorded
                action: safeguarding
                codes: [G, N, O]
                codes_as: recorded
                at_least: 3
                source: "s"
              - id: reinterpreted
                type: consecutive_days
                title: Reinterpreted
                action: safeguarding
                codes: [G, N, O]
                at_least: 3
                source: "s"

            """;
        var policy = With(rules);

        var ill = Evaluate(policy, "2025-09-01 I\\ II II II", D(2025, 9, 4));
        var missing = Evaluate(policy, "2025-09-01 I\\ OO NN OO", D(2025, 9, 4));

        Assert.Empty(Due(ill, "recorded"));
        Assert.Equal(["2025-09-04 PM"], Due(ill, "reinterpreted"));
        Assert.Equal(["2025-09-04 PM"], Due(missing, "recorded"));
        Assert.Equal("3 consecutive school days (2025-09-02 to 2025-09-04) with every session G, N, O as recorded reached 3", missing.Actions.Single(a => a.RuleId == "recorded").Evidence);
    }

    [Fact]
    public void Without_a_reinterpretation_the_two_readings_agree()
    {
        var policy = Compile(Rule("recorded", "{ measure: { count: [O, I], codes_as: recorded }, at_least: 3 }") + Rule("reinterpreted", "{ measure: { count: [O, I] }, at_least: 3 }"));

        var e = Evaluate(policy, "2025-09-01 I\\ OI", D(2025, 9, 2));

        Assert.Equal(Due(e, "reinterpreted"), Due(e, "recorded"));
        Assert.Equal(["2025-09-02 PM"], Due(e, "recorded"));
    }
}
