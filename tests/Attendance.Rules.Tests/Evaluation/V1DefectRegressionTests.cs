using Attendance.Rules.Loading;
using static Attendance.Rules.Tests.Evaluation.Conditions.ConditionKit;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>Regressions for the v1 defects issue 13 lists, each pinned by the case that showed it.</summary>
public class V1DefectRegressionTests
{
    private static string Staged(string stage2, string stage1Extra = "") =>
        "  - id: s\n    type: staged\n    title: S\n    stages:\n"
        + "      - { stage: 1, title: One, action: letter, when: { type: attendance_below, percent: 96" + stage1Extra + " }, source: \"s\" }\n"
        + "      - { stage: 2, title: Two, action: meeting, when: " + stage2 + ", source: \"s\" }\n";

    private static List<string> Stages(global::Attendance.Rules.Evaluation.PupilEvaluation e) => [.. e.Actions.Where(a => a.RuleId == "s").Select(a => $"{a.Stage} {a.Date:yyyy-MM-dd} {a.Session}")];

    [Fact]
    public void A_later_stage_below_a_threshold_falls_due_after_the_stage_before_it()
    {
        // Stage 1 on Friday 12 September AM (18 of 19, 94.74%); Monday 15 September absent all day:
        // 19 of 21 at AM (90.48%), 19 of 22 at PM (86.36%), below 90%. It was accepted and never fell due.
        var policy = Compile(Staged("{ type: attendance_below, percent: 90 }"));

        var e = Evaluate(policy, "2025-09-01 " + Days(P, 9) + " O\\ OO", D(2025, 9, 15));

        Assert.Equal(["1 2025-09-12 AM", "2 2025-09-15 PM"], Stages(e));
    }

    [Fact]
    public void A_first_stage_takes_a_minimum_of_possible_sessions()
    {
        // Absent on the first morning: 0 of 1 is below 96%, but the stage waits for 20 possible
        // sessions: 19 of 20 on Friday 12 September PM.
        var register = "2025-09-01 O\\ " + Days(P, 9);

        Assert.Equal(["1 2025-09-01 AM"], Stages(Evaluate(Compile(Staged("{ type: absence_after_previous }")), register, D(2025, 9, 12))));
        Assert.Equal(["1 2025-09-12 PM"], Stages(Evaluate(Compile(Staged("{ type: absence_after_previous }", ", min_possible_sessions: 20")), register, D(2025, 9, 12))));
    }

    [Theory]
    [InlineData("daily_code", "codes: [N]", "on_lapse", "a daily_code rule takes no 'repeat': it falls due by its own schedule")]
    [InlineData("session_count", "codes: [O]\n    at_least: 1\n    window: academic_year", "on_lapse", "a session_count rule cannot repeat 'on_lapse'")]
    [InlineData("attendance_below", "percent: 90", "fresh_sessions", "an attendance_below rule cannot repeat 'fresh_sessions'")]
    public void Repeat_a_rule_type_ignores_is_an_error_at_its_key(string type, string parameters, string repeat, string message)
    {
        var yaml = "id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\nrules:\n  - id: r\n    type: " + type + "\n    title: R\n    action: letter\n    source: \"s\"\n    " + parameters + "\n    repeat: " + repeat + "\n";

        var result = PolicyLoader.ReadString(yaml, "t.yaml");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("    repeat:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Equal(13, error.Column);
    }
}
