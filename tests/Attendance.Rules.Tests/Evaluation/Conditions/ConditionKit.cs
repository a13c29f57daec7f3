using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using Attendance.Rules.Testing;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation.Conditions;

/// <summary>Small standalone policies of the language v2 for the condition tests: no national base, so only the rules under test act.</summary>
internal static class ConditionKit
{
    public const string P = "/\\";

    public static CompiledPolicy Compile(string rules, string top = "")
    {
        var yaml = "id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\ncompulsory_year_groups: [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\", \"11\"]\n"
            + "code_sets:\n  unauthorised: [G, N, O, U]\n" + top + "rules:\n" + rules;
        var result = PolicyLoader.ReadString(yaml, "t.yaml");
        Assert.True(result.Policy is not null, string.Join(Environment.NewLine, result.Diagnostics));
        return PolicyEvaluator.Compile(result.Policy!);
    }

    public static PupilEvaluation Evaluate(CompiledPolicy policy, string notation, LocalDate asOf, string? yearGroup = null, SchoolCalendar? calendar = null) =>
        policy.Evaluate(RegisterNotation.Parse(notation, "p1", yearGroup), asOf, calendar);

    /// <summary>The rule's actions as "yyyy-MM-dd AM|PM".</summary>
    public static List<string> Due(PupilEvaluation e, string rule) =>
        [.. e.Actions.Where(a => a.RuleId == rule).Select(a => $"{a.Date:yyyy-MM-dd} {a.Session}")];

    public static string Days(string day, int count) => string.Join(' ', Enumerable.Repeat(day, count));

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    /// <summary>One rule of the language v2 as YAML, its `when` in flow or block form.</summary>
    public static string Rule(string id, string when, string extra = "", string action = "letter") =>
        $"  - id: {id}\n    title: {id}\n    action: {action}\n    source: \"s\"\n{extra}    when: {when}\n";
}
