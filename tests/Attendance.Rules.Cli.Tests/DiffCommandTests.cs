using System.Text.Json;
using Attendance.Rules.Tests.Files;

namespace Attendance.Rules.Cli.Tests;

/// <summary><c>diff</c>: two policies on the same marks, on the test data and on the shipped samples.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>A copy of a policy with one piece of text replaced, in the test's temporary folder.</summary>
    private string Changed(string source, string name, string from, string to)
    {
        var text = File.ReadAllText(source);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return files.Write(name, text.Replace(from, to, StringComparison.Ordinal));
    }

    private string PenaltyNoticeAtEight() =>
        Changed(CliRun.Data("policy.yaml"), "policy-8.yaml", "    at_least: 10\n", "    at_least: 8\n");

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.Exit == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void A_threshold_lowered_from_10_to_8_moves_the_referral_to_the_eighth_unauthorised_session()
    {
        // B002 is absent (O) all of the second week: the 10th session is Friday 19 September PM, the 8th Thursday 18 PM.
        var json = Json(CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", PenaltyNoticeAtEight(),
            "--marks", CliRun.Data("marks.csv"), "--pupils", CliRun.Data("pupils.csv"), "--format", "json"));
        Assert.Equal(2, json.GetProperty("pupils_compared").GetInt32());
        var pupil = Assert.Single(json.GetProperty("pupils").EnumerateArray());
        Assert.Equal("B002", pupil.GetProperty("pupil").GetString());
        Assert.Equal("5", pupil.GetProperty("year_group").GetString());
        Assert.Empty(pupil.GetProperty("gained").EnumerateArray());
        Assert.Empty(pupil.GetProperty("lost").EnumerateArray());
        var moved = Assert.Single(pupil.GetProperty("moved").EnumerateArray());
        Assert.Equal(
            ("penalty-notice-threshold", "referral", "2025-09-19", "PM", "2025-09-18", "PM", -1),
            (moved.GetProperty("rule").GetString(), moved.GetProperty("kind").GetString(),
             moved.GetProperty("before_date").GetString(), moved.GetProperty("before_session").GetString(),
             moved.GetProperty("after_date").GetString(), moved.GetProperty("after_session").GetString(),
             moved.GetProperty("days").GetInt32()));
        var rules = json.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!);
        Assert.Equal(1, rules["penalty-notice-threshold"].GetProperty("moved").GetInt32());
        Assert.Equal(0, rules["attendance-letter"].GetProperty("moved").GetInt32() + rules["attendance-letter"].GetProperty("gained").GetInt32() + rules["attendance-letter"].GetProperty("lost").GetInt32());
        Assert.True(rules["attendance-letter"].GetProperty("unchanged").GetInt32() > 0);
    }

    [Fact]
    public void The_table_names_both_versions_and_the_moved_referral()
    {
        var result = CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", PenaltyNoticeAtEight(), "--marks", CliRun.Data("marks.csv"));
        Assert.Equal(0, result.Exit);
        Assert.Contains("replaced cli-test-school 1.0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 pupils compared, 1 with changes", result.Stdout, StringComparison.Ordinal);
        var row = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("B002", StringComparison.Ordinal));
        Assert.Contains("moved -1d", row, StringComparison.Ordinal);
        Assert.Contains("2025-09-19 PM", row, StringComparison.Ordinal);
        Assert.Contains("2025-09-18 PM", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_compared_with_itself_changes_nothing()
    {
        var json = Json(CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--format", "json"));
        Assert.Equal(0, json.GetProperty("pupils_changed").GetInt32());
        Assert.Empty(json.GetProperty("pupils").EnumerateArray());
        Assert.All(json.GetProperty("rules").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("gained").GetInt32() + r.GetProperty("lost").GetInt32() + r.GetProperty("moved").GetInt32()));
    }

    // Stanborough's stage 1 letter at 94% instead of 96%: only that staged rule changes, and each
    // pupil's changes agree with evaluate under each policy.
    [Fact]
    public void A_seed_policy_with_one_stage_lowered_changes_only_that_rule_and_agrees_with_evaluate()
    {
        var seed = CliRun.RepositoryPolicy("stanborough.yaml");
        var lowered = Changed(seed, "stanborough-94.yaml", "when: { type: attendance_below, percent: 96 }", "when: { type: attendance_below, percent: 94 }");
        var marks = CliRun.RepositoryFile("samples/data/stanborough.csv");
        var json = Json(CliRun.Run("diff", "--policy", seed, "--policy", lowered, "--marks", marks, "--format", "json"));
        Assert.Equal(200, json.GetProperty("pupils_compared").GetInt32());
        var changed = json.GetProperty("pupils").EnumerateArray().ToList();
        Assert.NotEmpty(changed);
        foreach (var rule in json.GetProperty("rules").EnumerateArray())
        {
            var changes = rule.GetProperty("gained").GetInt32() + rule.GetProperty("lost").GetInt32() + rule.GetProperty("moved").GetInt32();
            Assert.True(rule.GetProperty("rule").GetString() == "attendance-concern" || changes == 0, rule.ToString());
        }

        // A lower line is crossed later or never: nothing is gained for stage 1.
        Assert.All(changed, p => Assert.DoesNotContain(p.GetProperty("gained").EnumerateArray(), a => a.GetProperty("stage").ValueKind == JsonValueKind.Number && a.GetProperty("stage").GetInt32() == 1));

        var before = Actions(Json(CliRun.Run("evaluate", "--policy", seed, "--marks", marks, "--format", "json")));
        var after = Actions(Json(CliRun.Run("evaluate", "--policy", lowered, "--marks", marks, "--format", "json")));
        foreach (var pupil in changed)
        {
            var id = pupil.GetProperty("pupil").GetString()!;
            foreach (var lost in pupil.GetProperty("lost").EnumerateArray())
            {
                Assert.Contains(Key(lost, "date"), before[id]);
                Assert.DoesNotContain(Key(lost, "date"), after[id]);
            }

            foreach (var moved in pupil.GetProperty("moved").EnumerateArray())
            {
                Assert.Contains(Key(moved, "before_date", "before_session"), before[id]);
                Assert.Contains(Key(moved, "after_date", "after_session"), after[id]);
                Assert.DoesNotContain(Key(moved, "after_date", "after_session"), before[id]);
            }
        }
    }

    private static Dictionary<string, HashSet<string>> Actions(JsonElement evaluate) =>
        evaluate.GetProperty("pupils").EnumerateArray().ToDictionary(
            p => p.GetProperty("pupil").GetString()!,
            p => p.GetProperty("actions").EnumerateArray().Select(a => Key(a, "date")).ToHashSet(StringComparer.Ordinal));

    private static string Key(JsonElement action, string date, string session = "session") =>
        $"{action.GetProperty("rule").GetString()} {action.GetProperty("stage")} {action.GetProperty(date).GetString()} {action.GetProperty(session).GetString()}";

    [Theory]
    [InlineData(1, "it was given 1 time")]
    [InlineData(3, "it was given 3 times")]
    public void Other_than_two_policies_is_bad_input(int count, string expected)
    {
        var args = new List<string> { "diff" };
        for (var i = 0; i < count; i++)
        {
            args.AddRange(["--policy", CliRun.Data("policy.yaml")]);
        }

        var result = CliRun.Run([.. args, "--marks", CliRun.Data("marks.csv")]);
        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("--policy must be given exactly twice", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_second_policy_with_errors_is_bad_input_naming_it()
    {
        var result = CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", CliRun.Data("policy-errors.yaml"), "--marks", CliRun.Data("marks.csv"));
        Assert.Equal(2, result.Exit);
        Assert.Contains(result.StderrLines, l => l.EndsWith("policy-errors.yaml: the policy has errors; nothing was evaluated", StringComparison.Ordinal));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void An_unusable_row_is_bad_input()
    {
        var result = CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks-bad-date.csv"));
        Assert.Equal(2, result.Exit);
        Assert.Contains(result.StderrLines, l => l.Contains("marks-bad-date.csv:4", StringComparison.Ordinal));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Out_naming_the_second_policy_is_refused_and_out_writes_the_json()
    {
        var second = PenaltyNoticeAtEight();
        var refused = CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", second, "--marks", CliRun.Data("marks.csv"), "--out", second);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("names the input", Assert.Single(refused.StderrLines), StringComparison.Ordinal);

        var path = files.PathOf("diff.json");
        var written = CliRun.Run("diff", "--policy", CliRun.Data("policy.yaml"), "--policy", second, "--marks", CliRun.Data("marks.csv"), "--format", "json", "--out", path);
        Assert.Equal(0, written.Exit);
        Assert.Empty(written.Stdout);
        Assert.Equal($"{path}: json for 2 pupils, 1 with changes", Assert.Single(written.StderrLines));
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("pupils_changed").GetInt32());
    }
}
