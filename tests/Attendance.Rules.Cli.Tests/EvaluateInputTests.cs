using System.Text.Json;

namespace Attendance.Rules.Cli.Tests;

public sealed class EvaluateInputTests
{
    [Fact]
    public void In_strict_mode_a_bad_row_exits_2_naming_its_file_line_and_reason_with_nothing_on_stdout()
    {
        var result = CliRun.Evaluate("marks-bad-date.csv", "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("marks-bad-date.csv:4: date '2025-09-31' is not a date as yyyy-MM-dd", result.StderrLines[0]);
        Assert.DoesNotContain(" at Attendance", result.Stderr);
    }

    [Fact]
    public void Strict_is_the_default_and_may_be_given_explicitly()
    {
        var implicitStrict = CliRun.Evaluate("marks-bad-date.csv");
        var explicitStrict = CliRun.Evaluate("marks-bad-date.csv", "--strict");

        Assert.Equal(2, implicitStrict.Exit);
        Assert.Equal(implicitStrict.Stderr, explicitStrict.Stderr);
        Assert.Equal(string.Empty, explicitStrict.Stdout);
    }

    [Fact]
    public void In_lenient_mode_rows_read_is_rows_evaluated_plus_rows_rejected_and_each_rejected_row_is_listed()
    {
        var result = CliRun.Evaluate("marks-mixed.csv", "--format", "json", "--lenient");

        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        var read = json.GetProperty("rows_read").GetInt32();
        var rejected = json.GetProperty("rows_rejected").GetInt32();
        // Every usable row of this file is a possible session on or before the last date, so the
        // possible sessions are the rows evaluated.
        var evaluated = json.GetProperty("pupils").EnumerateArray().Sum(p => p.GetProperty("possible_sessions").GetInt32());
        Assert.Equal(8, read);
        Assert.Equal(4, rejected);
        Assert.Equal(read, evaluated + rejected);

        var listed = result.StderrLines.Where(l => l.Contains(": rejected: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, listed.Count);
        Assert.Contains("marks-mixed.csv:3: rejected: session 'XM' is not AM or PM", listed[0]);
        Assert.Contains("marks-mixed.csv:4: rejected: 2025-09-09 AM: code 'H' was withdrawn on 19 August 2024", listed[1]);
        Assert.Contains("marks-mixed.csv:6: rejected: pupil is empty", listed[2]);
        Assert.Contains("marks-mixed.csv:8: rejected: pupil B002 already has a mark for 2025-09-08 AM (line 7)", listed[3]);
    }

    [Fact]
    public void In_strict_mode_every_unusable_row_is_listed_before_failing()
    {
        var result = CliRun.Evaluate("marks-mixed.csv", "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(["3", "4", "6", "8"], result.StderrLines.Take(4).Select(l => l.Split(':')[1]));
        Assert.Contains("4 unusable rows; nothing was evaluated", result.Stderr);
    }

    [Fact]
    public void A_duplicate_row_fails_in_strict_mode_naming_both_lines()
    {
        var result = CliRun.Evaluate("marks-duplicate.csv", "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("marks-duplicate.csv:4: pupil A001 already has a mark for 2025-09-08 AM (line 2)", result.StderrLines[0]);
    }

    [Fact]
    public void In_lenient_mode_the_later_of_two_duplicate_rows_is_rejected_and_the_earlier_counts()
    {
        var result = CliRun.Evaluate("marks-duplicate.csv", "--format", "json", "--lenient");

        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(1, json.GetProperty("rows_rejected").GetInt32());
        var pupil = Assert.Single(json.GetProperty("pupils").EnumerateArray());
        Assert.Equal(3, pupil.GetProperty("possible_sessions").GetInt32());
        Assert.Equal(3, pupil.GetProperty("present_sessions").GetInt32());
        Assert.Equal(0, pupil.GetProperty("unauthorised_absence_sessions").GetInt32());
        Assert.Contains("marks-duplicate.csv:4: rejected:", result.Stderr);
    }

    [Fact]
    public void A_code_not_valid_on_its_date_is_an_unusable_row()
    {
        var result = CliRun.Evaluate("marks-withdrawn-code.csv", "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("marks-withdrawn-code.csv:3: 2025-09-08 PM: code 'H' was withdrawn on 19 August 2024; valid codes on 2025-09-08", result.StderrLines[0]);
    }

    [Fact]
    public void An_empty_file_is_bad_input_even_when_lenient()
    {
        var result = CliRun.Evaluate("marks-empty.csv", "--format", "json", "--lenient");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("marks-empty.csv: the marks file is empty; expected a header row with the columns pupil,date,session,code", result.Stderr);
    }

    [Fact]
    public void A_header_only_file_without_as_of_is_bad_input_because_there_is_no_date_to_evaluate_to()
    {
        var result = CliRun.Evaluate("marks-header-only.csv", "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("marks-header-only.csv: no usable data rows", result.Stderr);
    }

    [Fact]
    public void A_header_only_file_with_as_of_gives_an_empty_cohort()
    {
        var result = CliRun.Evaluate("marks-header-only.csv", "--format", "json", "--as-of", "2025-09-26");

        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(0, json.GetProperty("rows_read").GetInt32());
        Assert.Equal(0, json.GetProperty("rows_rejected").GetInt32());
        Assert.Empty(json.GetProperty("pupils").EnumerateArray());
    }

    [Fact]
    public void A_missing_column_is_bad_input_naming_the_header_line_and_the_column()
    {
        var result = CliRun.Evaluate("marks-missing-column.csv", "--format", "json", "--lenient");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("marks-missing-column.csv:1: the header lacks the column session", result.Stderr);
    }

    [Fact]
    public void A_marks_file_that_does_not_exist_is_bad_input()
    {
        var result = CliRun.Evaluate("no-such-marks.csv", "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("no-such-marks.csv: the marks file does not exist", result.Stderr);
    }

    [Fact]
    public void A_policy_with_errors_is_bad_input_and_its_diagnostics_are_printed()
    {
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy-errors.yaml"), "--marks", CliRun.Data("marks.csv"), "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("policy-errors.yaml:7:1: error: unknown key 'colour'", result.Stderr);
    }

    [Fact]
    public void A_codeless_arrival_without_a_registration_window_is_an_unusable_row()
    {
        var marks = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-marks.csv");
        File.WriteAllText(marks, "pupil,date,session,code,arrival\nA001,2025-09-08,AM,/,08:35\nA001,2025-09-08,PM,,13:05\n");
        try
        {
            var result = CliRun.Run("evaluate", "--policy", CliRun.RepositoryPolicy("stanborough.yaml"), "--marks", marks, "--format", "json");

            // Stanborough's policy has a morning window only, so the afternoon arrival cannot be classified.
            Assert.Equal(2, result.Exit);
            Assert.Contains("-marks.csv:3: 2025-09-08 PM: an arrival with no code is classified by the policy's PM registration window, and policy stanborough has none", result.Stderr);
        }
        finally
        {
            File.Delete(marks);
        }
    }

    [Fact]
    public void The_pupils_file_gives_year_groups_and_its_bad_rows_follow_strict_and_lenient()
    {
        var pupils = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-pupils.csv");
        File.WriteAllText(pupils, "pupil,year_group\nA001,Year 3\nB002,15\n");
        try
        {
            var strict = CliRun.Evaluate("marks.csv", "--format", "csv", "--pupils", pupils);
            Assert.Equal(2, strict.Exit);
            Assert.Contains("-pupils.csv:3: year_group '15' is not a National Curriculum year group", strict.Stderr);

            var lenient = CliRun.Evaluate("marks.csv", "--format", "csv", "--pupils", pupils, "--lenient");
            Assert.Equal(0, lenient.Exit);
            var rows = lenient.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("B002,,", rows[1], StringComparison.Ordinal);
            Assert.StartsWith("A001,3,", rows[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pupils);
        }
    }

    [Theory]
    [InlineData("date_of_birth", "2015-02-30", "date_of_birth '2015-02-30' is not a date as yyyy-MM-dd")]
    [InlineData("admission_date", "1999-12-31", "admission_date 1999-12-31 is outside 2000-01-01 to 2100-12-31")]
    [InlineData("leaving_date", "08/09/2025", "leaving_date '08/09/2025' is not a date as yyyy-MM-dd")]
    public void A_bad_date_in_the_pupils_file_exits_2_naming_the_file_row_and_column(string column, string value, string message)
    {
        var pupils = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-pupils.csv");
        File.WriteAllText(pupils, $"pupil,year_group,{column}\nA001,3,\nB002,3,{value}\n");
        try
        {
            var strict = CliRun.Evaluate("marks.csv", "--format", "csv", "--pupils", pupils);

            Assert.Equal(2, strict.Exit);
            Assert.Equal(string.Empty, strict.Stdout);
            Assert.Contains($"-pupils.csv:3: {message}", strict.Stderr);
        }
        finally
        {
            File.Delete(pupils);
        }
    }

    [Fact]
    public void Marks_outside_admission_and_leaving_are_refused_in_strict_mode_and_rejected_per_row_in_lenient_mode()
    {
        // marks.csv runs from Monday 8 September 2025; A001 joined on the Wednesday, B002 left on the Friday.
        var pupils = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-pupils.csv");
        File.WriteAllText(pupils, "pupil,year_group,date_of_birth,admission_date,leaving_date\nA001,3,2017-05-01,2025-09-10,\nB002,3,2017-06-01,,2025-09-12\n");
        try
        {
            var strict = CliRun.Evaluate("marks.csv", "--format", "json", "--pupils", pupils);
            Assert.Equal(2, strict.Exit);
            Assert.Contains("before the admission date 2025-09-10", strict.Stderr);
            Assert.Contains("after the leaving date 2025-09-12", strict.Stderr);

            var lenient = CliRun.Evaluate("marks.csv", "--format", "json", "--pupils", pupils, "--lenient");
            Assert.Equal(0, lenient.Exit);
            var json = JsonDocument.Parse(lenient.Stdout).RootElement;
            var before = lenient.StderrLines.Count(l => l.Contains("rejected: pupil A001: the mark", StringComparison.Ordinal) && l.Contains("before the admission date 2025-09-10", StringComparison.Ordinal));
            var after = lenient.StderrLines.Count(l => l.Contains("rejected: pupil B002: the mark", StringComparison.Ordinal) && l.Contains("after the leaving date 2025-09-12", StringComparison.Ordinal));
            Assert.Equal(4, before); // Monday and Tuesday, two sessions each
            Assert.Equal(json.GetProperty("rows_rejected").GetInt32(), before + after);
            Assert.True(after > 0);
        }
        finally
        {
            File.Delete(pupils);
        }
    }
}
