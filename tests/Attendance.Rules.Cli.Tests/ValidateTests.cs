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

    [Fact]
    public void Without_a_calendar_a_projected_measure_is_warned_at_its_comparison_and_a_missing_quote_at_its_line()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy-static.yaml"));

        Assert.Equal(0, result.Exit);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches(Located, l));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(CliRun.Data("policy-static.yaml") + ":66:11: warning: rule 'projected-letter': needs a calendar: projected attendance", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(CliRun.Data("policy-static.yaml") + ":67:13: warning: rule 'projected-letter': the quote \"We will write when attendance looks like falling below 95% by the end of the year.\" is not in policy-static.txt", lines[1], StringComparison.Ordinal);
        Assert.Contains("valid: cli-test-static 1.0+", result.Stderr);
        Assert.Contains("2 warnings", result.Stderr);
    }

    [Fact]
    public void With_a_calendar_the_projected_measure_is_not_warned_and_the_missing_quote_still_is()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy-static.yaml"), "--calendar", CliRun.Data("calendar.yaml"));

        Assert.Equal(0, result.Exit);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(":67:13: warning: rule 'projected-letter': the quote", line, StringComparison.Ordinal);
        Assert.DoesNotContain("needs a calendar", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 warning", result.Stderr);
    }

    [Fact]
    public void A_calendar_that_is_not_valid_is_bad_input()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy-static.yaml"), "--calendar", CliRun.Data("calendar-overlap.yaml"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("calendar-overlap.yaml:", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_source_file_that_is_not_there_is_said_and_its_quotes_are_not_checked()
    {
        var result = CliRun.Run("validate", CliRun.Data("policy-no-document.yaml"), "--calendar", CliRun.Data("calendar.yaml"));

        Assert.Equal(0, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("quotes not checked: document.source_file 'no-such-document.txt' is not at ", result.Stderr);
        Assert.Contains("valid: cli-test-no-document 1.0+", result.Stderr);
    }
}
