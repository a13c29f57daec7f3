using System.Text.Json;
using Snapshooter;
using Snapshooter.Xunit;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// <c>worklist</c> on a hand-made five-pupil file (Data/worklist-marks.csv under Data/policy.yaml: 10
/// school days from Monday 8 September 2025) and on the shipped samples.
/// </summary>
public sealed class WorklistCommandTests
{
    private static CliResult Worklist(params string[] extra) =>
        CliRun.Run(["worklist", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("worklist-marks.csv"), "--pupils", CliRun.Data("worklist-pupils.csv"), .. extra]);

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.Exit == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static List<string> Due(JsonElement json) =>
        [.. json.GetProperty("due").EnumerateArray().SelectMany(k => k.GetProperty("actions").EnumerateArray()
            .Select(a => $"{k.GetProperty("kind").GetString()} {a.GetProperty("date").GetString()} {a.GetProperty("session").GetString()} {a.GetProperty("pupil").GetString()} {a.GetProperty("rule").GetString()}"))];

    private static List<string> Watch(JsonElement json) =>
        [.. json.GetProperty("watch").EnumerateArray().Select(w => $"{w.GetProperty("pupil").GetString()} {w.GetProperty("id").GetString()} {w.GetProperty("steps").GetInt32()}")];

    [Fact]
    public void By_default_the_range_is_the_evaluation_date_alone_and_kinds_come_in_the_worklist_s_order()
    {
        var json = Json(Worklist("--format", "json"));
        Assert.Equal(("2025-09-19", "2025-09-19"), (json.GetProperty("from").GetString(), json.GetProperty("to").GetString()));

        // W005 falls below 90% on Friday morning (17 of 19); W002 arrives at 09:05, after the detention time.
        Assert.Equal(["letter 2025-09-19 AM W005 attendance-letter", "sanction 2025-09-19 AM W002 late-detention"], Due(json));
        Assert.Empty(json.GetProperty("routine").EnumerateArray());
    }

    [Fact]
    public void A_range_takes_every_action_dated_in_it()
    {
        var json = Json(Worklist("--format", "json", "--from", "2025-09-08", "--to", "2025-09-19"));
        Assert.Equal(
            ["letter 2025-09-08 AM W001 attendance-letter", "letter 2025-09-19 AM W005 attendance-letter", "sanction 2025-09-19 AM W002 late-detention"],
            Due(json));
    }

    [Fact]
    public void With_the_calendar_the_term_s_routine_report_is_one_line_with_its_count_of_pupils()
    {
        var json = Json(Worklist("--format", "json", "--calendar", CliRun.Data("calendar.yaml")));
        var routine = Assert.Single(json.GetProperty("routine").EnumerateArray());
        Assert.Equal("termly-report", routine.GetProperty("rule").GetString());
        Assert.Equal("2025-09-19", routine.GetProperty("date").GetString());
        Assert.Equal(5, routine.GetProperty("pupils").GetInt32());
        Assert.DoesNotContain(Due(json), d => d.Contains("termly-report", StringComparison.Ordinal));
    }

    [Fact]
    public void The_watch_list_holds_the_lines_within_two_sessions_or_a_point_nearest_first()
    {
        var json = Json(Worklist("--format", "json"));

        // W004: 18 of 20 is 90% (not below): 1 absence. W002: 19 of 20 (95%) is 2 absences from below
        // 90% (5 points), and 1 of 20 absent is 2 from persistent absence (5 points). W001: 8 of 10
        // unauthorised (a count, so after the percentages at 2 sessions). W003 (100%) is 3 sessions
        // and 10 points from the letter: not watched.
        Assert.Equal(
            ["W004 attendance-letter 1", "W002 attendance-letter 2", "W002 persistent-absence 2", "W001 penalty-notice-threshold 2"],
            Watch(json));
        var first = json.GetProperty("watch")[0];
        Assert.Equal("rule", first.GetProperty("line").GetString());
        Assert.Equal("absent", first.GetProperty("of").GetString());
        Assert.Equal(0m, first.GetProperty("percentage_points").GetDecimal());
        Assert.Equal("2025-09-22", first.GetProperty("due_on").GetString());
        var penalty = json.GetProperty("watch")[3];
        Assert.Equal(["G", "N", "O", "U"], penalty.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("2025-11-17", penalty.GetProperty("window_leaves_on").GetString());
    }

    [Fact]
    public void The_limits_are_options()
    {
        Assert.Equal(["W004 attendance-letter 1"], Watch(Json(Worklist("--format", "json", "--within-sessions", "0", "--within-points", "0"))));
        Assert.Contains("W003 attendance-letter 3", Watch(Json(Worklist("--format", "json", "--within-sessions", "3"))));
    }

    [Fact]
    public void The_csv_has_a_row_per_action_routine_step_and_watched_line()
    {
        var result = Worklist("--format", "csv", "--calendar", CliRun.Data("calendar.yaml"));
        Assert.Equal(0, result.Exit);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,kind,date,session,pupil,year_group,rule,stage,title,pupils,steps,unit,due_on,window_leaves_on,detail", lines[0]);
        Assert.Equal(2, lines.Count(l => l.StartsWith("due,", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("routine,letter,2025-09-19,,,,termly-report,,Attendance report to parents,5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("watch,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_table_lists_each_kind_then_the_routine_steps_then_the_watch_list()
    {
        var result = Worklist("--calendar", CliRun.Data("calendar.yaml"));
        Assert.Equal(0, result.Exit);
        var order = new[] { "Letter: 1", "Sanction: 1", "Routine steps", "Watch list: within 2 sessions or 1 percentage point" }
            .Select(h => result.Stdout.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Written_to_a_file_it_says_so_on_standard_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"worklist-{Guid.NewGuid():N}.json");
        try
        {
            var result = Worklist("--format", "json", "--out", path);
            Assert.Equal(0, result.Exit);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Equal($"{path}: json worklist for 5 pupils\n", result.Stderr);
            Assert.Equal("2025-09-19", JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("to").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--from 2025-09-20 --to 2025-09-19", "--from 2025-09-20 is after the range's last day 2025-09-19")]
    [InlineData("--from 2025-09-22", "--from 2025-09-22 is after the range's last day 2025-09-19 (the last date in")]
    [InlineData("--from 19/09/2025", "--from '19/09/2025' is not a date as yyyy-MM-dd")]
    [InlineData("--to 2025-09-19 --as-of 2025-09-18", "--to 2025-09-19 and --as-of 2025-09-18 differ")]
    [InlineData("--within-sessions -1", "attendance-rules: --within-sessions must be a whole number, 0 or more (run 'attendance-rules worklist --help' for usage)")]
    [InlineData("--within-points x", "attendance-rules: --within-points must be a number, 0 or more")]
    [InlineData("--format xml", "attendance-rules: --format: Argument 'xml' not recognized; it must be one of")]
    [InlineData("--threads 0", "attendance-rules: --threads must be at least 1")]
    public void Bad_input_exits_2_with_one_line(string args, string start)
    {
        var result = Worklist(args.Split(' '));
        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith(start, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_marks_file_or_an_output_naming_an_input_exits_2_with_one_line()
    {
        var missing = CliRun.Run("worklist", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("no-such.csv"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("no-such.csv", Assert.Single(missing.StderrLines), StringComparison.Ordinal);
        var overwrite = Worklist("--out", CliRun.Data("worklist-marks.csv"));
        Assert.Equal(2, overwrite.Exit);
        Assert.Contains("names the input", Assert.Single(overwrite.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stanborough")]
    [InlineData("laurence-jackson")]
    public void On_a_shipped_sample_the_worklist_is_what_evaluate_gives_on_the_day(string school)
    {
        string[] inputs = ["--policy", CliRun.RepositoryPolicy(school + ".yaml"), "--marks", CliRun.RepositoryFile($"samples/data/{school}.csv"), "--pupils", CliRun.RepositoryFile($"samples/data/{school}-pupils.csv"), "--format", "json"];
        var list = Json(CliRun.Run(["worklist", .. inputs]));
        var evaluation = Json(CliRun.Run(["evaluate", .. inputs]));
        var day = evaluation.GetProperty("as_of").GetString();
        Assert.Equal(day, list.GetProperty("to").GetString());
        var dueThatDay = evaluation.GetProperty("pupils").EnumerateArray()
            .Sum(p => p.GetProperty("actions").EnumerateArray().Count(a => a.GetProperty("date").GetString() == day));
        var listed = list.GetProperty("due").EnumerateArray().Sum(k => k.GetProperty("actions").GetArrayLength())
            + list.GetProperty("routine").EnumerateArray().Sum(r => r.GetProperty("pupils").GetInt32());
        Assert.True(dueThatDay > 0);
        Assert.Equal(dueThatDay, listed);

        string[] order = ["safeguarding", "referral", "notification", "meeting", "letter", "sanction", "data-quality", "reward"];
        var kinds = list.GetProperty("due").EnumerateArray().Select(k => Array.IndexOf(order, k.GetProperty("kind").GetString())).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.DoesNotContain(-1, kinds);

        var watch = list.GetProperty("watch").EnumerateArray().ToList();
        Assert.NotEmpty(watch);
        foreach (var w in watch)
        {
            var sessions = w.GetProperty("steps").GetInt32() * (w.GetProperty("unit").GetString() == "school_days" ? 2 : 1);
            Assert.True(sessions <= 2 || (w.GetProperty("percentage_points").ValueKind == JsonValueKind.Number && w.GetProperty("percentage_points").GetDecimal() <= 1m), w.ToString());
        }
    }

    [Fact]
    public void The_json_and_table_for_a_sample_school_s_week_match_the_snapshots()
    {
        string[] inputs =
        [
            "worklist", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"),
            "--marks", CliRun.Data("cohorts/laurence-jackson.csv"), "--pupils", CliRun.Data("cohorts/laurence-jackson-pupils.csv"),
            "--from", "2026-03-09", "--to", "2026-03-13",
        ];
        var json = CliRun.Run([.. inputs, "--format", "json"]);
        Assert.Equal(0, json.Exit);
        Snapshot.Match(json.Stdout, SnapshotNameExtension.Create("json"));
        var table = CliRun.Run(inputs);
        Assert.Equal(0, table.Exit);
        Snapshot.Match(table.Stdout, SnapshotNameExtension.Create("table"));
    }
}
