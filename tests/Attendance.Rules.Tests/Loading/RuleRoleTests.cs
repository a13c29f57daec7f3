using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies.Rules;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Attendance.Rules.Tests.Loading;

public class RuleRoleTests
{
    private const string School = """
        id: test-school
        version: "1"
        name: Test School
        document: { title: Test policy }
        extends: england-2024

        """;

    private const string Standalone = """
        id: standalone
        version: "1"
        name: Standalone School
        document: { title: Test policy }
        rules:
          - id: truancy-count
            type: session_count
            title: Truancy
            action: referral
            codes: [G, N, O, U]
            at_least: 10
            window: { rolling_school_weeks: 10 }
            source: "x"

        """;

    private const string Replacement = """
        rules:
          - id: penalty-notice-threshold
            type: session_count
            title: A penalty notice must be considered
            action: referral
            codes: [G, N, O, U]
            at_least: 10
            window: { rolling_school_weeks: 10 }
            source: "x"

        """;

    [Fact]
    public void The_national_penalty_notice_threshold_has_the_role_and_no_other_national_rule_has_one()
    {
        var policy = PolicyLoader.LoadEmbedded("england-2024");

        Assert.Equal(["penalty-notice-threshold"], policy.Rules.Where(r => r.Role == RuleRole.PenaltyNoticeThreshold).Select(r => r.Id));
        Assert.All(policy.Rules.Where(r => r.Id != "penalty-notice-threshold"), r => Assert.Equal(RuleRole.None, r.Role));
    }

    [Fact]
    public void A_role_on_any_rule_is_read_and_none_is_the_default()
    {
        var policy = PolicyLoader.LoadFromString(Standalone.Replace("    action: referral", "    role: penalty_notice_threshold\n    action: referral", StringComparison.Ordinal), "p.yaml");

        Assert.Equal(RuleRole.PenaltyNoticeThreshold, policy.FindRule("truancy-count")!.Role);
        Assert.Equal(RuleRole.None, PolicyLoader.LoadFromString(Standalone, "p.yaml").FindRule("truancy-count")!.Role);
    }

    [Fact]
    public void An_unknown_role_is_an_error_naming_the_allowed_ones()
    {
        var result = PolicyLoader.ReadString(Standalone.Replace("    action: referral", "    role: fine\n    action: referral", StringComparison.Ordinal), "p.yaml");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("p.yaml:9:11: error: rule 'truancy-count': 'role' of a session_count rule is 'fine', which is not one of the allowed values (expected one of: none, penalty_notice_threshold)", error.ToString());
    }

    [Fact]
    public void The_writer_writes_the_role_and_reads_it_back()
    {
        var policy = PolicyLoader.LoadFromString(School, "school.yaml");
        var written = PolicyWriter.Write(policy);

        Assert.Contains("    role: penalty_notice_threshold\n", written, StringComparison.Ordinal);
        Assert.Single(written.Split('\n'), l => l.Contains("role:", StringComparison.Ordinal));
        Assert.Equal(policy, PolicyLoader.LoadFromString(written, "written.yaml"));
    }

    [Fact]
    public void The_schema_lists_exactly_the_roles_the_loader_reads_on_every_rule_type()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "policy.schema.json")));
        var roles = schema["definitions"]!["ruleRole"]!["enum"]!.Values<string?>().Where(r => r is not null);
        var ruleTypes = ((JArray)schema["definitions"]!["typedRule"]!["oneOf"]!).Select(r => r["$ref"]!.Value<string>()!.Split('/')[^1]).Append("conditionRule").ToList();

        Assert.Equal(PolicyReader.RoleNames.Keys.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        Assert.Equal(13, ruleTypes.Count);
        Assert.All(ruleTypes, type => Assert.Equal("#/definitions/ruleRole", schema["definitions"]![type]!["properties"]!["role"]!["$ref"]!.Value<string>()));
    }

    [Fact]
    public void A_school_rule_replacing_the_national_threshold_without_a_role_keeps_it_with_a_warning()
    {
        var result = PolicyLoader.ReadString(School + Replacement, "school.yaml");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("school.yaml:7:5: warning: the rule 'penalty-notice-threshold' replaces a base rule with the role penalty_notice_threshold and states no role: it keeps that role (expected 'role: penalty_notice_threshold' (or 'role: none') on the replacing rule)", warning.ToString());
        Assert.Equal(RuleRole.PenaltyNoticeThreshold, result.Policy!.FindRule("penalty-notice-threshold")!.Role);
        Assert.Equal("A penalty notice must be considered", result.Policy.FindRule("penalty-notice-threshold")!.Title);
    }

    [Theory]
    [InlineData("penalty_notice_threshold", RuleRole.PenaltyNoticeThreshold)]
    [InlineData("none", RuleRole.None)]
    public void A_school_rule_that_states_its_role_replaces_the_national_one_without_a_warning(string role, RuleRole expected)
    {
        var result = PolicyLoader.ReadString(School + Replacement.Replace("    action: referral", $"    role: {role}\n    action: referral", StringComparison.Ordinal), "school.yaml");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Policy!.FindRule("penalty-notice-threshold")!.Role);
    }

    [Fact]
    public void A_second_rule_with_the_penalty_notice_role_is_an_error_at_its_role_naming_the_first()
    {
        var second = """
            rules:
              - id: school-threshold
                type: session_count
                title: Our own threshold
                role: penalty_notice_threshold
                action: referral
                codes: [G, N, O, U]
                at_least: 8
                window: { rolling_school_weeks: 10 }
                source: "x"

            """;
        var result = PolicyLoader.ReadString(School + second, "school.yaml");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("school.yaml", 10, 11, "school-threshold"), (error.File, error.Line, error.Column, error.RuleId));
        Assert.Matches(@"^a second rule has the role penalty_notice_threshold \(the first at .*england-2024\.yaml:\d+:11\)$", error.Message);
    }

    [Fact]
    public void The_departure_check_follows_the_role_not_the_id()
    {
        var renamed = Standalone.Replace("at_least: 10", "at_least: 8", StringComparison.Ordinal);
        var withRole = PolicyLoader.ReadString(renamed.Replace("    action: referral", "    role: penalty_notice_threshold\n    action: referral", StringComparison.Ordinal), "p.yaml");
        var namedOnly = PolicyLoader.ReadString(renamed.Replace("id: truancy-count", "id: penalty-notice-threshold", StringComparison.Ordinal), "p.yaml");

        Assert.Contains("needs 8 sessions where the national threshold is 10", Assert.Single(withRole.Warnings).Message, StringComparison.Ordinal);
        Assert.Empty(namedOnly.Diagnostics);
    }

    [Fact]
    public void The_role_on_a_rule_without_threshold_hits_is_a_warning()
    {
        var yaml = Standalone + """
              - id: letter
                type: attendance_below
                title: Letter
                role: penalty_notice_threshold
                action: letter
                percent: 90
                source: "y"

            """;
        var result = PolicyLoader.ReadString(yaml, "p.yaml");

        Assert.True(result.Succeeded);
        Assert.Equal("p.yaml:17:11: warning: rule 'letter': only a session_count rule has threshold hits; this attendance_below rule will never report a penalty-notice hit (expected the role on a session_count rule)", Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void Disabling_a_rule_without_the_role_gives_no_penalty_notice_warning()
    {
        var result = PolicyLoader.ReadString(School + "disable: [la-sickness-return]\n", "school.yaml");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Only_the_hits_of_the_rule_with_the_role_are_penalty_notice_hits()
    {
        var policy = PolicyLoader.LoadFromString(School + """
            rules:
              - id: truancy-count
                type: session_count
                title: Truancy
                action: letter
                codes: [G, N, O, U]
                at_least: 4
                window: academic_year
                source: "x"

            """, "school.yaml");
        var evaluation = PolicyEvaluator.Compile(policy).Evaluate(RegisterNotation.Parse("2025-09-08 OO OO GG OO UU"), new LocalDate(2025, 9, 12));

        Assert.Equal([("truancy-count", false), ("truancy-count", false), ("penalty-notice-threshold", true)],
            evaluation.ThresholdHits.Select(h => (h.RuleId, h.IsPenaltyNoticeThreshold)));
    }
}
