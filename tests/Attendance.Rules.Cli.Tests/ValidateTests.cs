using System.Text.RegularExpressions;

namespace Attendance.Rules.Cli.Tests;

public sealed class ValidateTests
{
    private static readonly Regex Located = new(@"^.+\.yaml:\d+:\d+: (error|warning): .+$", RegexOptions.CultureInvariant);

    [Fact]
    public void A_valid_policy_without_warnings_exits_0_and_prints_no_diagnostic()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy.yaml"));

        Assert.Equal(0, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("valid: cli-test-school 1.0+", result.Stderr);
    }

    [Fact]
    public void A_policy_with_only_warnings_exits_0_and_prints_each_warning_located()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy-warnings.yaml"));

        Assert.Equal(0, result.Exit);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(Located, line);
        Assert.Contains("policy-warnings.yaml:39:5: warning: rule 'penalty-notice-threshold':", line);
    }

    [Fact]
    public void A_policy_with_errors_exits_2_and_prints_every_error_as_file_line_column()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy-errors.yaml"));

        Assert.Equal(2, result.Exit);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(Located, l));
        Assert.Contains(lines, l => l.Contains("policy-errors.yaml:7:1: error: unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("policy-errors.yaml:18:14: error: rule 'attendance-letter':", StringComparison.Ordinal));
        Assert.Contains("not valid: 2 errors", result.Stderr);
    }

    [Fact]
    public void Several_files_exit_2_when_any_is_invalid_and_report_each()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy.yaml"), CliRun.Data("policy-errors.yaml"), CliRun.Data("policy-warnings.yaml"));

        Assert.Equal(2, result.Exit);
        Assert.Equal(3, result.StderrLines.Length);
        Assert.Contains(": warning: ", result.Stdout);
        Assert.Contains(": error: ", result.Stdout);
    }

    [Fact]
    public void Every_seed_policy_in_the_repository_is_valid()
    {
        var policies = Directory.GetFiles(Path.GetDirectoryName(CliRun.RepositoryPolicy("x.yaml"))!, "*.yaml")
            .Where(p => !p.EndsWith(".tests.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var result = CliRun.Run(["validate", .. policies]);

        Assert.NotEmpty(policies);
        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain(": error: ", result.Stdout);
        Assert.Equal(policies.Length, result.StderrLines.Count(l => l.Contains(": valid: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var result = CliRun.Run("validate", CliRun.Data("no-such-policy.yaml"));

        Assert.Equal(2, result.Exit);
        Assert.Matches(Located, result.Stdout.Trim());
        Assert.Contains("the policy file does not exist", result.Stdout);
    }
}
