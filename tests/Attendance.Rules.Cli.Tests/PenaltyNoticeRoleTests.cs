using System.Text.Json;

namespace Attendance.Rules.Cli.Tests;

/// <summary>The reports list the hits of the rule with <c>role: penalty_notice_threshold</c>, whatever its id.</summary>
public sealed class PenaltyNoticeRoleTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("penalty-role-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Policy(Func<string, string> edit)
    {
        var path = Path.Combine(folder, "policy.yaml");
        File.WriteAllText(path, edit(File.ReadAllText(CliRun.Data("policy.yaml"))));
        return path;
    }

    private static CliResult Evaluate(string policy, params string[] extra) =>
        CliRun.Run(["evaluate", "--policy", policy, "--marks", CliRun.Data("marks.csv"), .. extra]);

    private static List<string?> HitDates(CliResult result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pupils").EnumerateArray()
            .SelectMany(p => p.GetProperty("penalty_notice_threshold").EnumerateArray())
            .Select(h => h.GetProperty("date").GetString()).ToList();

    [Fact]
    public void A_renamed_rule_with_the_role_is_reported_as_the_penalty_notice_threshold()
    {
        var renamed = Policy(t => t.Replace("id: penalty-notice-threshold", "id: truancy-threshold", StringComparison.Ordinal));

        var json = Evaluate(renamed, "--format", "json");
        var table = Evaluate(renamed);

        Assert.Equal(0, json.Exit);
        Assert.Equal(["2025-09-19"], HitDates(json));
        Assert.Contains("penalty-notice threshold ×1", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_named_penalty_notice_threshold_without_the_role_is_not()
    {
        var unnamed = Policy(t => t.Replace("    role: penalty_notice_threshold\n", string.Empty, StringComparison.Ordinal));

        var json = Evaluate(unnamed, "--format", "json");

        Assert.Equal(0, json.Exit);
        Assert.Empty(HitDates(json));
        Assert.DoesNotContain("penalty-notice threshold ×", Evaluate(unnamed).Stdout, StringComparison.Ordinal);
    }
}
