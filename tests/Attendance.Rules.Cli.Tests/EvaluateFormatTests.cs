namespace Attendance.Rules.Cli.Tests;

public sealed class EvaluateFormatTests
{
    [Fact]
    public void The_csv_format_has_a_header_and_one_row_per_pupil_with_the_figures()
    {
        var result = CliRun.Evaluate("marks.csv", "--format", "csv", "--pupils", CliRun.Data("pupils.csv"));

        Assert.Equal(0, result.Exit);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "pupil,year_group,possible_sessions,present_sessions,authorised_absence_sessions,unauthorised_absence_sessions,late_sessions,attendance_percent,persistent_absence,severe_absence,penalty_notice_threshold_hits,actions,last_action_date,last_action",
                "B002,5,30,20,0,10,0,66.67,true,false,1,2,2025-09-19,Consider a penalty notice (10 unauthorised sessions in 10 school weeks)",
                "A001,3,30,28,2,0,1,93.33,false,false,0,2,2025-09-16,The mark and the arrival time disagree",
            ],
            lines);
    }

    [Fact]
    public void The_default_table_has_a_table_per_year_group_with_each_pupils_figures()
    {
        var result = CliRun.Evaluate("marks.csv", "--pupils", CliRun.Data("pupils.csv"));

        Assert.Equal(0, result.Exit);
        var text = result.Stdout;
        Assert.Contains("CLI Test Primary School (cli-test-school 1.0+", text);
        Assert.Contains("60 rows read, 0 rejected, 2 pupils", text);
        Assert.True(text.IndexOf("Year group 3", StringComparison.Ordinal) < text.IndexOf("Year group 5", StringComparison.Ordinal));
        foreach (var header in new[] { "Pupil", "Possible", "Attendance %", "Flags", "Actions", "Last action" })
        {
            Assert.Contains(header, text);
        }

        var b002 = text.Split('\n').Single(l => l.Contains("B002", StringComparison.Ordinal));
        Assert.Contains("66.67", b002);
        Assert.Contains("persistent, penalty-notice threshold ×1", b002);
        Assert.Contains("2025-09-19 Consider a penalty notice", b002);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_ends_with_a_cohort_summary_of_how_many_pupils_each_rule_reached()
    {
        var result = CliRun.Evaluate("marks.csv");

        Assert.Equal(0, result.Exit);
        var summary = result.Stdout[result.Stdout.IndexOf("Cohort summary", StringComparison.Ordinal)..];
        var penalty = summary.Split('\n').Single(l => l.Contains("penalty-notice-threshold", StringComparison.Ordinal));
        Assert.Matches(@"Referral\s+│\s+1\s+│\s+1\s+│", penalty);
        Assert.Contains("2 pupils: 1 persistent absence, 0 severe absence, 1 penalty-notice threshold hits", System.Text.RegularExpressions.Regex.Replace(summary, @"\s+", " "));
    }

    [Fact]
    public void Without_a_pupils_file_the_table_has_one_cohort_of_all_pupils()
    {
        var result = CliRun.Evaluate("marks.csv");

        Assert.Equal(0, result.Exit);
        Assert.Contains("All pupils", result.Stdout);
        Assert.Contains("2 pupils: 1 persistent absence, 0 severe absence", result.Stdout);
    }

    [Fact]
    public void Out_writes_the_output_to_a_file_and_nothing_to_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliRun.Evaluate("marks.csv", "--format", "json", "--out", path);

            Assert.Equal(0, result.Exit);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Equal(CliRun.Evaluate("marks.csv", "--format", "json").Stdout, File.ReadAllText(path));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_format_is_a_command_line_error()
    {
        var result = CliRun.Evaluate("marks.csv", "--format", "xml");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("xml", result.Stderr);
    }
}
