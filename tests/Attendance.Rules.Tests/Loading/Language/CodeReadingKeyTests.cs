using Attendance.Rules.Loading;
using Attendance.Rules.Loading.Language;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Tests.Loading.Language;

/// <summary>`codes_as`, declared once: read, written and described the same way by the code measures and the v1 counting types.</summary>
public class CodeReadingKeyTests
{
    private const string Header = "id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\nrules:\n";

    private const string SessionCount = "  - id: r\n    type: session_count\n    title: R\n    action: letter\n    source: \"s\"\n    codes: [O]\n    at_least: 1\n    window: academic_year\n";

    [Fact]
    public void Every_code_measure_reads_codes_as_and_leaves_the_default_when_it_is_absent()
    {
        var policy = PolicyLoader.LoadFromString(Header
            + "  - id: a\n    title: A\n    action: letter\n    source: \"s\"\n    when:\n      all:\n"
            + "        - { measure: { count: [O], codes_as: recorded }, at_least: 1 }\n"
            + "        - { measure: { days: [O], codes_as: recorded }, at_least: 1 }\n"
            + "        - { measure: { run: [O], codes_as: reinterpreted }, at_least: 1 }\n"
            + "        - { measure: { spells: [O] }, at_least: 1 }\n", "t.yaml");

        var measures = ((AllCondition)((ConditionRule)policy.Rules[0]).When).Conditions.Select(c => ((Comparison)c).Measure).ToList();

        Assert.Equal(CodeReading.Recorded, ((CountMeasure)measures[0]).Reading);
        Assert.Equal(CodeReading.Recorded, ((DaysMeasure)measures[1]).Reading);
        Assert.Equal(CodeReading.Reinterpreted, ((RunMeasure)measures[2]).Reading);
        Assert.Equal(CodeReading.Reinterpreted, ((SpellsMeasure)measures[3]).Reading);
    }

    [Theory]
    [InlineData("  - id: r\n    title: R\n    action: letter\n    source: \"s\"\n    when: { measure: { count: [O], codes_as: written }, at_least: 1 }\n", "t.yaml:10:46: error: rule 'r': 'codes_as' of the measure 'count' is 'written' (expected one of: reinterpreted, recorded)")]
    [InlineData(SessionCount + "    codes_as: as_counted\n", "t.yaml:14:15: error: rule 'r': 'codes_as' of a session_count rule is 'as_counted' (expected one of: reinterpreted, recorded)")]
    public void A_codes_as_that_is_neither_word_is_one_located_error(string rule, string expected)
    {
        var result = PolicyLoader.ReadString(Header + rule, "t.yaml");

        Assert.Null(result.Policy);
        Assert.Equal([expected], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_v1_type_that_counts_no_codes_over_time_takes_no_codes_as()
    {
        var result = PolicyLoader.ReadString(Header + "  - id: r\n    type: daily_code\n    title: R\n    action: letter\n    source: \"s\"\n    codes: [N]\n    codes_as: recorded\n", "t.yaml");

        Assert.Null(result.Policy);
        Assert.Contains(result.Diagnostics, d => d.Line == 12 && d.Message.Contains("codes_as", StringComparison.Ordinal));
    }

    [Fact]
    public void The_writer_writes_codes_as_only_where_it_is_not_the_default_and_reads_back_equal()
    {
        var policy = PolicyLoader.LoadFromString(Header + SessionCount + "    codes_as: recorded\n"
            + "  - id: c\n    type: consecutive_days\n    title: C\n    action: safeguarding\n    source: \"s\"\n    codes: [G, N, O]\n    codes_as: reinterpreted\n    at_least: 20\n"
            + "  - id: v\n    title: V\n    action: letter\n    source: \"s\"\n    when: { measure: { count: [O], codes_as: recorded }, at_least: 1 }\n", "t.yaml");

        var written = PolicyWriter.Write(policy);

        Assert.Equal(2, written.Split("codes_as: recorded").Length - 1);
        Assert.DoesNotContain("reinterpreted", written, StringComparison.Ordinal);
        Assert.Equal(policy, PolicyLoader.LoadFromString(written, "w.yaml"));
        Assert.Equal(CodeReading.Recorded, ((SessionCountRule)policy.Rules[0]).Reading);
        Assert.Equal(CodeReading.Reinterpreted, ((ConsecutiveDaysRule)policy.Rules[1]).Reading);
    }

    [Fact]
    public void The_v2_form_of_a_v1_count_keeps_its_reading()
    {
        var policy = PolicyLoader.LoadFromString(Header + SessionCount + "    codes_as: recorded\n", "t.yaml");

        var migrated = (ConditionRule)PolicyMigration.ToV2(policy).Rules[0];

        Assert.Equal(CodeReading.Recorded, ((CountMeasure)((Comparison)migrated.When).Measure).Reading);
    }

    [Fact]
    public void The_schema_and_the_docs_describe_the_one_declaration()
    {
        var definitions = ConditionSchema.Definitions();

        Assert.Equal("[\"reinterpreted\",\"recorded\"]", definitions[ConditionSchema.CodeReadingSchemaName]["enum"]!.ToJsonString());
        Assert.Contains("`codes_as` (optional): reinterpreted \\| recorded", LanguageReference.Markdown(), StringComparison.Ordinal);
    }
}
