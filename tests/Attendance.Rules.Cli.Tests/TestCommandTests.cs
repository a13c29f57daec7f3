namespace Attendance.Rules.Cli.Tests;

/// <summary><c>attendance-rules test</c>: policy tests as YAML files beside the policy (docs/policy-tests.md).</summary>
public sealed class TestCommandTests : IDisposable
{
    private const string Header = "policy: policy.yaml\nscenarios:\n";

    // Ten O sessions in the first week: attendance is 0 from the first session, so the letter falls
    // due on 2025-09-08 and the penalty-notice threshold on the 10th session, 2025-09-12.
    private const string TruancyScenario = """
          - name: a week of truancy
            register: 2025-09-08 OO OO OO OO OO
            year_group: "3"
            as_of: 2025-09-12
            expect:
              figures: { possible: 10, present: 0, unauthorised: 10, attendance_percent: 0, persistent: true, severe: true }
              threshold_hits:
                - { rule: penalty-notice-threshold, date: 2025-09-12 }
              actions:
                - { rule: attendance-letter, date: 2025-09-08 }
                - { rule: penalty-notice-threshold, date: 2025-09-12 }
              exact_actions: true

        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "policy-tests-" + Guid.NewGuid().ToString("N"));

    public TestCommandTests()
    {
        Directory.CreateDirectory(folder);
        File.Copy(CliRun.Data("policy.yaml"), Path.Combine(folder, "policy.yaml"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_passing_scenario_prints_PASS_and_exits_0()
    {
        var tests = Write(Header + TruancyScenario);

        var result = CliRun.Run("test", tests);

        Assert.Equal(0, result.Exit);
        Assert.Contains("  PASS a week of truancy", result.Stdout);
        Assert.Contains("1 passed, 0 failed", result.Stdout);
    }

    [Fact]
    public void Naming_the_policy_runs_the_tests_file_beside_it()
    {
        Write(Header + TruancyScenario);

        var result = CliRun.Run("test", Path.Combine(folder, "policy.yaml"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("1 passed, 0 failed", result.Stdout);
    }

    [Fact]
    public void A_failing_scenario_prints_FAIL_with_a_diff_of_figures_and_actions_and_exits_1()
    {
        var tests = Write(Header + TruancyScenario
            .Replace("unauthorised: 10", "unauthorised: 9", StringComparison.Ordinal)
            .Replace("{ rule: attendance-letter, date: 2025-09-08 }", "{ rule: attendance-letter, date: 2025-09-09 }", StringComparison.Ordinal));

        var result = CliRun.Run("test", tests);

        Assert.Equal(1, result.Exit);
        Assert.Contains("  FAIL a week of truancy", result.Stdout);
        Assert.Contains("figures.unauthorised: expected 9, got 10", result.Stdout);
        Assert.Contains("- missing action: attendance-letter on 2025-09-09", result.Stdout);
        Assert.Contains("+ unexpected action: attendance-letter on 2025-09-08", result.Stdout);
        Assert.Contains("0 passed, 1 failed", result.Stdout);
    }

    [Fact]
    public void An_action_listed_under_no_actions_that_fires_fails_the_scenario()
    {
        var tests = Write(Header + """
              - name: a present week
                register: 2025-09-08 /\ /\ O\ /\ /\
                as_of: 2025-09-12
                expect:
                  no_actions: [attendance-letter]

            """);

        var result = CliRun.Run("test", tests);

        Assert.Equal(1, result.Exit);
        Assert.Contains("- unwanted action: attendance-letter on 2025-09-10", result.Stdout);
    }

    [Fact]
    public void Coverage_lists_the_rules_and_sanctions_no_scenario_made_fire_with_the_percentage()
    {
        var tests = Write(Header + TruancyScenario);

        var result = CliRun.Run("test", tests, "--coverage");

        Assert.Equal(0, result.Exit);
        Assert.Contains("coverage: 50% (2/4 rules, stages and sanctions)", result.Stdout);
        Assert.Contains("not covered: rule termly-report", result.Stdout);
        Assert.Contains("not covered: sanction late-detention", result.Stdout);
        Assert.DoesNotContain("not covered: rule attendance-letter", result.Stdout);
    }

    [Fact]
    public void Coverage_below_the_threshold_exits_3_and_at_the_threshold_exits_0()
    {
        var tests = Write(Header + TruancyScenario);

        var below = CliRun.Run("test", tests, "--threshold", "75");
        var at = CliRun.Run("test", tests, "--threshold", "50");

        Assert.Equal(3, below.Exit);
        Assert.Contains("coverage of cli-test-school is 50%, below the threshold of 75%", below.Stdout);
        Assert.Equal(0, at.Exit);
    }

    [Fact]
    public void A_sanction_fires_from_an_arrival_time_and_counts_as_covered()
    {
        var tests = Write(Header + TruancyScenario + """
              - name: a late arrival after nine
                register: 2025-09-08 L\
                arrivals:
                  - { date: 2025-09-08, session: am, time: "09:05" }
                as_of: 2025-09-08
                expect:
                  figures: { late: 1 }
                  actions:
                    - { rule: late-detention, date: 2025-09-08 }
                  exact_actions: true

            """);

        var result = CliRun.Run("test", tests, "--coverage");

        Assert.Equal(0, result.Exit);
        Assert.Contains("coverage: 75% (3/4 rules, stages and sanctions)", result.Stdout);
        Assert.DoesNotContain("not covered: sanction late-detention", result.Stdout);
    }

    [Fact]
    public void A_bad_scenario_file_is_reported_with_its_file_line_and_column_and_exits_2()
    {
        var tests = Write(Header + """
              - name: a bad date
                register: 2025-09-08 /\
                as_of: 2025-13-40
                expect: {}

            """);

        var result = CliRun.Run("test", tests);

        Assert.Equal(2, result.Exit);
        Assert.Contains($"{tests}:5:12: error: 'as_of': '2025-13-40' is not a date (yyyy-MM-dd)", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_bad_register_token_and_an_unknown_key_are_located()
    {
        var badToken = Write(Header + "  - name: x\n    register: 2025-09-08 /\\ 99\n    as_of: 2025-09-09\n    expect: {}\n");
        var badCode = CliRun.Run("test", badToken);
        var unknownKey = Write(Header + "  - name: x\n    register: 2025-09-08 /\\\n    as_of: 2025-09-08\n    expect:\n      figurs: { possible: 2 }\n");
        var unknown = CliRun.Run("test", unknownKey);

        Assert.Equal(2, badCode.Exit);
        Assert.Contains($"{badToken}:4:15: error: register:", badCode.Stderr);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains($"{unknownKey}:7:7: error: unknown key 'figurs'", unknown.Stderr);
    }

    [Fact]
    public void A_yaml_syntax_error_is_located()
    {
        var tests = Write(Header + "  - name: [unclosed\n");

        var result = CliRun.Run("test", tests);

        Assert.Equal(2, result.Exit);
        Assert.Matches(@"policy\.tests\.yaml:\d+:\d+: error: ", result.Stderr);
    }

    private const string Indicators = """
        indicators:
          - id: below-target
            title: Below the 96% target
            when: { measure: attendance, below: 96 }
            source: "Our target is 96%."

        """;

    private const string IndicatorScenarios = """
          - name: one absent session puts the pupil below the target
            register: 2025-09-08 /\ /\ /\ /\ O\
            as_of: 2025-09-12
            expect:
              indicators: { below-target: true }
          - name: a full week is on target
            register: 2025-09-08 /\ /\ /\ /\ /\
            as_of: 2025-09-12
            expect:
              indicators: { below-target: false }

        """;

    [Fact]
    public void A_scenario_expects_indicators_and_a_wrong_expectation_fails_with_both_values()
    {
        File.AppendAllText(Path.Combine(folder, "policy.yaml"), Indicators);
        var passing = CliRun.Run("test", Write(Header + IndicatorScenarios));
        var failing = CliRun.Run("test", Write(Header + IndicatorScenarios.Replace("below-target: false", "below-target: true", StringComparison.Ordinal)));

        Assert.Equal(0, passing.Exit);
        Assert.Contains("2 passed, 0 failed", passing.Stdout);
        Assert.Equal(1, failing.Exit);
        Assert.Contains("  FAIL a full week is on target", failing.Stdout);
        Assert.Contains("indicators.below-target: expected true, got false", failing.Stdout);
    }

    [Fact]
    public void An_indicator_counts_in_coverage_once_some_scenario_makes_it_hold()
    {
        File.AppendAllText(Path.Combine(folder, "policy.yaml"), Indicators);
        var held = CliRun.Run("test", Write(Header + TruancyScenario + IndicatorScenarios), "--coverage");
        var never = CliRun.Run("test", Write(Header
            + "  - name: full attendance\n    register: 2025-09-08 /\\ /\\\n    as_of: 2025-09-09\n    expect: { indicators: { below-target: false } }\n"), "--coverage");

        Assert.Equal(0, held.Exit);
        Assert.Contains("coverage: 60% (3/5 rules, stages, sanctions and indicators)", held.Stdout);
        Assert.DoesNotContain("not covered: indicator below-target", held.Stdout);
        Assert.Equal(0, never.Exit);
        Assert.Contains("not covered: indicator below-target", never.Stdout);
    }

    [Fact]
    public void An_unknown_indicator_id_is_located_and_exits_2()
    {
        var noIndicators = CliRun.Run("test", Write(Header + IndicatorScenarios));
        File.AppendAllText(Path.Combine(folder, "policy.yaml"), Indicators);
        var tests = Write(Header + IndicatorScenarios.Replace("{ below-target: false }", "{ below-targt: false }", StringComparison.Ordinal));
        var typo = CliRun.Run("test", tests);

        Assert.Equal(2, noIndicators.Exit);
        Assert.Contains("policy.tests.yaml:7:21: error: unknown indicator 'below-target'; the policy cli-test-school has no indicators", noIndicators.Stderr);
        Assert.Equal(2, typo.Exit);
        Assert.Contains($"{tests}:12:21: error: unknown indicator 'below-targt'; the policy's indicators: below-target", typo.Stderr);
        Assert.DoesNotContain("below-target'", typo.Stderr);
        Assert.Equal(string.Empty, typo.Stdout);
    }

    [Fact]
    public void A_non_boolean_indicator_expectation_is_located()
    {
        var tests = Write(Header + IndicatorScenarios.Replace("{ below-target: true }", "{ below-target: maybe }", StringComparison.Ordinal));

        var result = CliRun.Run("test", tests);

        Assert.Equal(2, result.Exit);
        Assert.Contains($"{tests}:7:35: error: 'below-target': 'maybe' is not true or false", result.Stderr);
    }

    private string Write(string text)
    {
        var path = Path.Combine(folder, "policy.tests.yaml");
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }
}
