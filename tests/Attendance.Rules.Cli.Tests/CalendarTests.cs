using System.Text.Json;

namespace Attendance.Rules.Cli.Tests;

public sealed class CalendarTests
{
    private static List<string?> TermlyReports(CliResult result)
    {
        Assert.Equal(0, result.Exit);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pupils").EnumerateArray()
            .SelectMany(p => p.GetProperty("actions").EnumerateArray())
            .Where(a => a.GetProperty("rule").GetString() == "termly-report")
            .Select(a => a.GetProperty("date").GetString())
            .ToList();
    }

    [Fact]
    public void With_a_calendar_a_term_ends_on_its_last_school_day_and_the_termly_step_falls_due()
    {
        var with = TermlyReports(CliRun.Evaluate("marks.csv", "--format", "json", "--calendar", CliRun.Data("calendar.yaml")));

        Assert.Equal(["2025-09-19", "2025-09-19"], with);
    }

    [Fact]
    public void Without_a_calendar_no_term_ends_inside_three_consecutive_weeks()
    {
        Assert.Empty(TermlyReports(CliRun.Evaluate("marks.csv", "--format", "json")));
    }

    [Fact]
    public void Overlapping_terms_are_bad_input_located_in_the_calendar_file()
    {
        var result = CliRun.Evaluate("marks.csv", "--format", "json", "--calendar", CliRun.Data("calendar-overlap.yaml"));

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Matches(@"calendar-overlap\.yaml:3:\d+: error: the terms 2025-09-03–2025-12-19 and 2025-12-01–2026-03-27 overlap", result.Stderr);
    }

    [Fact]
    public void A_calendar_with_an_unknown_key_and_a_bad_date_lists_both_problems()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-calendar.yaml");
        File.WriteAllText(path, "terms:\n  - { start: 2025-09-03, end: 2025-13-19 }\nholidays: []\n");
        try
        {
            var result = CliRun.Evaluate("marks.csv", "--calendar", path);

            Assert.Equal(2, result.Exit);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Contains("-calendar.yaml:2:", result.Stderr);
            Assert.Contains("error: a term's end is not a date as yyyy-MM-dd: '2025-13-19'", result.Stderr);
            Assert.Contains("-calendar.yaml:3:1: error: unknown key 'holidays'", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
    [Fact]
    public void Verbose_lists_each_day_the_register_and_the_calendar_disagree()
    {
        // 28 October is in the calendar's half-term closure but two pupils are marked there (one
        // absent, one present); Friday 10 October is a school day the register marks closed (#).
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-marks.csv");
        File.WriteAllText(path, "pupil,date,session,code\n"
            + "A001,2025-10-09,AM,/\nA001,2025-10-10,AM,#\nA001,2025-10-10,PM,#\nA001,2025-10-28,AM,O\n"
            + "B002,2025-10-09,AM,/\nB002,2025-10-28,AM,/\nB002,2025-10-28,PM,\\\n");
        try
        {
            var args = new[] { "evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", path, "--calendar", CliRun.Data("calendar.yaml") };
            var verbose = CliRun.Run([.. args, "--verbose"]);
            var quiet = CliRun.Run(args);

            Assert.Equal(0, verbose.Exit);
            Assert.Equal(
                [
                    "calendar: 2025-10-10 (Friday) is a school day in the calendar, but the register marks the school closed (#) for 1 pupil: not a school day for that pupil",
                    "calendar: 2025-10-28 (Tuesday) is not a school day in the calendar, but the register marks the school open for 2 pupils: a school day for them, counted in its own week",
                ],
                verbose.StderrLines.Where(l => l.StartsWith("calendar: ", StringComparison.Ordinal)));
            Assert.DoesNotContain("calendar: ", quiet.Stderr, StringComparison.Ordinal);
            Assert.Equal(quiet.Stdout, verbose.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
