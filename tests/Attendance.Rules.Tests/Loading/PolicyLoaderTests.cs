using Attendance.Rules.Loading;

namespace Attendance.Rules.Tests.Loading;

public class PolicyLoaderTests
{
    private const string School = """
        id: test-school
        version: "1"
        name: Test School
        document: { title: Test policy }
        extends: england-2024

        """;

    [Fact]
    public void Disabling_the_national_penalty_notice_threshold_is_a_warning_and_removes_the_rule()
    {
        var result = PolicyLoader.ReadString(School + "disable: [penalty-notice-threshold]\n", "school.yaml");
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("school.yaml:6:10: warning: the national penalty-notice threshold is disabled; the national framework requires it to be considered (expected the national rule kept (a school may add its own beside it))", warning.ToString());
        Assert.Null(result.Policy!.FindRule("penalty-notice-threshold"));
        Assert.NotNull(result.Policy.FindRule("la-sickness-return"));
    }

    [Fact]
    public void A_school_inherits_the_national_rules_flags_and_fines_but_not_its_identity()
    {
        var policy = PolicyLoader.LoadFromString(School, "school.yaml");
        Assert.Equal("test-school", policy.Id);
        Assert.Equal("Test School", policy.Name);
        Assert.Null(policy.LocalAuthority);
        Assert.Equal(6, policy.Rules.Count);
        Assert.Equal(160m, policy.PenaltyNotices!.Notices[0].Amount);
        Assert.Empty(policy.Notes);
    }

    [Fact]
    public void A_school_rule_with_a_national_id_replaces_it_in_place_and_new_rules_follow()
    {
        var policy = PolicyLoader.LoadFromString(School + """
            rules:
              - id: extra-letter
                type: attendance_below
                title: Letter
                action: letter
                percent: 96
                source: "x"
              - id: la-sickness-return
                type: session_count
                title: Sickness return
                action: notification
                codes: [I]
                more_than_days: 15
                window: academic_year
                source: "y"
            """, "school.yaml");
        Assert.Equal(
            ["penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved", "extra-letter"],
            policy.Rules.Select(r => r.Id));
        var sickness = Assert.IsType<Attendance.Rules.Policies.Rules.SessionCountRule>(policy.FindRule("la-sickness-return"));
        Assert.Equal(31, sickness.AtLeastSessions);
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_ends_load_the_same_policy()
    {
        var plain = PolicyLoader.LoadFromString(School);
        var windows = PolicyLoader.LoadFromString("\uFEFF" + School.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(plain, windows);
    }

    [Fact]
    public void Loading_from_a_stream_resolves_the_embedded_base()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(School));
        var policy = PolicyLoader.Load(stream, "stream.yaml");
        Assert.Equal(6, policy.Rules.Count);
    }

    [Fact]
    public void Policies_are_immutable_records_compared_by_content()
    {
        var a = PolicyLoader.LoadFromString(School);
        var b = PolicyLoader.LoadFromString(School);
        Assert.Equal(a, b);
        Assert.NotEqual(a, a with { Version = "2" });
        foreach (var property in typeof(Attendance.Rules.Policies.Policy).GetProperties())
        {
            Assert.True(property.SetMethod is null || property.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"),
                $"{property.Name} has a public setter");
        }
    }

    [Fact]
    public void A_sanction_id_that_is_not_kebab_case_is_an_error_found_by_the_subtly_invalid_property()
    {
        var result = PolicyLoader.ReadString(School + """
            registration:
              sanctions:
                - id: "Lunch Detention"
                  title: Detention
                  arrival_after: "08:35"
                  source: "x"
            """, "school.yaml");
        Assert.False(result.Succeeded);
        Assert.Equal("school.yaml:8:11: error: the sanction id 'Lunch Detention' must be lower-case letters, digits and '-' (expected an id such as 'lunchtime-detention')", Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).ToString());
    }

    [Fact]
    public void Overlapping_year_group_windows_for_a_session_are_a_warning()
    {
        var result = PolicyLoader.ReadString(School + """
            registration:
              windows:
                - { session: AM, year_groups: ["7"], opens: "08:30", late_after: "08:30", closes: "08:50", source: "x" }
                - { session: AM, year_groups: ["7", "8"], opens: "08:30", late_after: "08:35", closes: "08:55", source: "y" }
            """, "school.yaml");
        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Message == "this AM window and an earlier one both list year group(s) 7; the earlier one is used for them" && w.Line == 9);
    }

    [Fact]
    public void Two_sanctions_with_one_id_are_an_error()
    {
        var result = PolicyLoader.ReadString(School + """
            registration:
              sanctions:
                - { id: detention, title: Detention, arrival_after: "08:35", source: "x" }
                - { id: detention, title: Detention, arrival_after: "09:00", source: "y" }
            """, "school.yaml");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message == "the sanction id 'detention' is used twice");
    }
}
