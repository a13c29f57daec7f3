using Attendance.Rules.Loading;
using Attendance.Rules.Policies.Rules;
using static Attendance.Rules.Cli.Tests.CliRun;

namespace Attendance.Rules.Cli.Tests;

public class MigrateCommandTests
{
    [Fact]
    public void Migrate_prints_the_resolved_policy_in_the_language_v2_which_loads_as_the_migrated_policy()
    {
        var result = Run("migrate", RepositoryPolicy("laurence-jackson.yaml"));

        Assert.Equal(0, result.Exit);
        var printed = PolicyLoader.LoadFromString(result.Stdout, "migrated.yaml");
        Assert.Equal(PolicyMigration.ToV2(PolicyLoader.Load(RepositoryPolicy("laurence-jackson.yaml"))), printed);
        Assert.DoesNotContain(printed.Rules, r => r is AttendanceBelowRule or SessionCountRule or ConsecutiveDaysRule);
        Assert.Contains("    when: { measure: { count: unauthorised }, over: { rolling: { school_weeks: 10 } }, at_least: 10 }", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_refuses_a_policy_with_errors_with_exit_2()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, "id: x\n");
        try
        {
            var result = Run("migrate", broken);

            Assert.Equal(2, result.Exit);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Contains("the policy has errors", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Evaluate_json_lists_a_policys_indicators_beside_the_flags()
    {
        var result = Run("evaluate", "--policy", RepositoryPolicy("examples/king-james-i-academy.yaml"), "--marks", Data("marks.csv"), "--format", "json");

        Assert.Equal(0, result.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var pupil = json.RootElement.GetProperty("pupils")[0];
        var indicators = pupil.GetProperty("indicators").EnumerateObject().Select(p => p.Name).ToList();
        Assert.NotEmpty(indicators);
        Assert.All(pupil.GetProperty("indicators").EnumerateObject(), p => Assert.True(p.Value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False));
    }
}
