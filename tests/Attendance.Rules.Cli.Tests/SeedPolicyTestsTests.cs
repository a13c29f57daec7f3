namespace Attendance.Rules.Cli.Tests;

/// <summary>Every <c>policies/**/*.tests.yaml</c> runs in the project's own suite: all scenarios pass and every rule, stage and sanction is covered.</summary>
public sealed class SeedPolicyTestsTests
{
    public static TheoryData<string> PolicyFiles()
    {
        var data = new TheoryData<string>();
        var policies = Path.GetDirectoryName(CliRun.RepositoryPolicy("x.yaml"))!;
        foreach (var file in Directory.GetFiles(policies, "*.yaml", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(policies, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_policy_ships_tests_that_pass_with_full_coverage(string policy)
    {
        var result = CliRun.Run("test", CliRun.RepositoryPolicy(policy), "--threshold", "100");

        Assert.True(result.Exit == 0, result.Stdout + result.Stderr);
        Assert.Contains("coverage: 100% (", result.Stdout);
        Assert.Contains(" passed, 0 failed", result.Stdout);
    }

    [Fact]
    public void The_policies_folder_runs_as_one_suite()
    {
        var result = CliRun.Run("test", Path.GetDirectoryName(CliRun.RepositoryPolicy("x.yaml"))!, "--coverage");

        Assert.Equal(0, result.Exit);
        Assert.Equal(PolicyFiles().Count, result.Stdout.Split('\n').Count(l => l.StartsWith("  coverage: 100% (", StringComparison.Ordinal)));
    }
}
