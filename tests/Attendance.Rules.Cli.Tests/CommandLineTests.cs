namespace Attendance.Rules.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void A_missing_required_option_exits_2_with_usage_on_stderr()
    {
        var result = CliRun.Run("evaluate", "--marks", CliRun.Data("marks.csv"));

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--policy", result.Stderr);
        Assert.Contains("attendance-rules evaluate --help", result.Stderr);
    }

    [Fact]
    public void Strict_and_lenient_together_are_a_command_line_error()
    {
        var result = CliRun.Evaluate("marks.csv", "--strict", "--lenient");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--strict and --lenient cannot both be given", result.Stderr);
    }

    [Fact]
    public void No_command_is_a_command_line_error()
    {
        Assert.Equal(2, CliRun.Run().Exit);
    }

    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var result = CliRun.Run("--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("validate", result.Stdout);
        Assert.Contains("evaluate", result.Stdout);
        Assert.Contains("explain", result.Stdout);
    }

    [Fact]
    public void An_unexpected_failure_exits_1_with_one_line_and_no_stack_trace()
    {
        var unwritable = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}", "missing-folder", "out.json");

        var result = CliRun.Evaluate("marks.csv", "--format", "json", "--out", unwritable);

        Assert.Equal(1, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("attendance-rules: error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.Stderr.Replace("(run with --verbose for details)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_shows_the_stack_trace_of_an_unexpected_failure()
    {
        var unwritable = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}", "missing-folder", "out.json");

        var result = CliRun.Evaluate("marks.csv", "--format", "json", "--out", unwritable, "--verbose");

        Assert.Equal(1, result.Exit);
        Assert.Contains("DirectoryNotFoundException", result.Stderr);
        Assert.Contains("   at ", result.Stderr);
    }
}
