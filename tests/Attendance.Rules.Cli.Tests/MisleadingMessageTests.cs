using System.Text;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Issue 14: messages that misled, each reproduced with the tool before it was fixed, and control
/// characters of the input echoed by the table and leave outputs (not only by error messages).
/// </summary>
public sealed class MisleadingMessageTests
{
    [Fact]
    public void A_tab_indenting_a_calendar_is_reported_at_its_line_not_at_1_1()
    {
        var result = WithFile("terms:\n\t- { start: 2025-09-01, end: 2025-12-19 }\n", ".yaml", calendar =>
            CliRun.Evaluate("marks.csv", "--calendar", calendar));

        Assert.Equal(2, result.Result.Exit);
        Assert.Equal($"{result.Path}:2:1: error: the calendar is not valid YAML: a tab indents line 2; indent with spaces", Assert.Single(result.Result.StderrLines));
    }

    [Fact]
    public void A_NUL_in_a_calendar_is_named_at_its_place()
    {
        var result = WithFile("terms:\n  - { start: 2025-09-01, end: 2025-12-19 }\nclosures: [2025-10-\u000027]\n", ".yaml", calendar =>
            CliRun.Evaluate("marks.csv", "--calendar", calendar));

        Assert.Equal(2, result.Result.Exit);
        Assert.Equal($"{result.Path}:3:20: error: the calendar file contains a NUL character; it is not a text file", Assert.Single(result.Result.StderrLines));
    }

    [Fact]
    public void A_NUL_in_a_marks_code_is_shown_escaped_not_as_a_slash()
    {
        var result = WithFile("pupil,date,session,code\nP1,2025-09-08,AM,O\u0000\n", ".csv", marks =>
            CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", marks));

        Assert.Equal(2, result.Result.Exit);
        Assert.StartsWith($"{result.Path}:2: 2025-09-08 AM: code 'O\\x00' is not a national attendance code", result.Result.StderrLines[0], StringComparison.Ordinal);
    }

    /// <summary>Found by InputFuzzTests: YamlDotNet threw InvalidOperationException, and the tool exited 1 with "Operation is not valid due to the current state of the object".</summary>
    [Fact]
    public void A_Unicode_line_break_in_a_calendar_s_flow_mapping_is_located_bad_input_not_exit_1()
    {
        var result = WithFile("terms:\n  - { start: 2025-09-03,\u2029 end: 2025-12-19 }\n", ".yaml", calendar =>
            CliRun.Evaluate("marks.csv", "--calendar", calendar));

        Assert.Equal(2, result.Result.Exit);
        Assert.Equal($"{result.Path}:2:25: error: the calendar is not valid YAML: a Unicode line break (U+2029) where a value was expected", Assert.Single(result.Result.StderrLines));
    }

    [Fact]
    public void A_value_not_among_an_option_s_choices_is_one_line_naming_the_option_and_the_choices()
    {
        var result = CliRun.Evaluate("marks.csv", "--format", "xml");

        Assert.Equal(2, result.Exit);
        Assert.Equal(
            "attendance-rules: --format: Argument 'xml' not recognized; it must be one of 'table', 'json', 'csv' (run 'attendance-rules evaluate --help' for usage)",
            Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Control_characters_in_pupil_ids_and_action_titles_reach_the_table_escaped()
    {
        var result = WithFile("pupil,date,session,code\nP\u001b[2J1,2025-09-08,AM,/\nP\u00002,2025-09-08,AM,/\n", ".csv", marks =>
            CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", marks));

        Assert.Equal(0, result.Result.Exit);
        Assert.Contains("P\\x1b[2J1", result.Result.Stdout, StringComparison.Ordinal);
        Assert.Contains("P\\x002", result.Result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Result.Stdout);
        Assert.DoesNotContain('\0', result.Result.Stdout);
    }

    [Fact]
    public void Control_characters_in_a_leave_request_s_pupil_reach_the_text_decision_escaped()
    {
        var request = """{"pupil": "P\u001b]0;owned\u0007", "type": "holiday", "first_day": "2025-10-09", "last_day": "2025-10-16", "requested_on": "2025-09-01"}""";
        var result = WithFile(request, ".json", path =>
            CliRun.Run("leave", "--policy", CliRun.RepositoryPolicy("stanborough.yaml"), "--request", path));

        Assert.Equal(0, result.Result.Exit);
        Assert.Contains("leave for pupil P\\x1b]0;owned\\x07, ", result.Result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Result.Stdout);
    }

    private static (CliResult Result, string Path) WithFile(string content, string extension, Func<string, CliResult> run)
    {
        var path = Path.Combine(Path.GetTempPath(), $"misleading-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            return (run(path), path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
