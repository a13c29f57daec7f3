using System.Text.Json;
using Snapshooter.Xunit;

namespace Attendance.Rules.Cli.Tests;

public sealed class EvaluateJsonTests
{
    private static JsonElement Json(CliResult result)
    {
        Assert.Equal(0, result.Exit);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void The_json_for_a_two_pupil_file_matches_the_snapshot()
    {
        var result = CliRun.Evaluate("marks.csv", "--format", "json");

        Assert.Equal(0, result.Exit);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.EndsWith("}\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Stdout, StringComparison.Ordinal);
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void The_json_header_names_the_policy_its_version_the_date_and_the_rows()
    {
        var json = Json(CliRun.Evaluate("marks.csv", "--format", "json"));

        Assert.Equal(["policy", "policy_version", "as_of", "rows_read", "rows_rejected", "pupils"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("cli-test-school", json.GetProperty("policy").GetString());
        Assert.Matches("^1\\.0\\+[0-9a-f]{12}$", json.GetProperty("policy_version").GetString());
        Assert.Equal("2025-09-26", json.GetProperty("as_of").GetString());
        Assert.Equal(60, json.GetProperty("rows_read").GetInt32());
        Assert.Equal(0, json.GetProperty("rows_rejected").GetInt32());
    }

    [Fact]
    public void Pupils_appear_in_the_order_of_their_first_row_not_sorted()
    {
        var json = Json(CliRun.Evaluate("marks.csv", "--format", "json"));

        Assert.Equal(["B002", "A001"], json.GetProperty("pupils").EnumerateArray().Select(p => p.GetProperty("pupil").GetString()));
    }

    [Fact]
    public void A_pupil_with_a_week_of_unauthorised_absence_has_the_figures_the_threshold_hit_and_two_actions()
    {
        var pupil = Json(CliRun.Evaluate("marks.csv", "--format", "json")).GetProperty("pupils")[0];

        Assert.Equal(
            ["pupil", "possible_sessions", "present_sessions", "authorised_absence_sessions", "unauthorised_absence_sessions", "late_sessions",
             "attendance_percent", "persistent_absence", "severe_absence", "penalty_notice_threshold", "actions"],
            pupil.EnumerateObject().Select(p => p.Name));
        Assert.Equal(30, pupil.GetProperty("possible_sessions").GetInt32());
        Assert.Equal(20, pupil.GetProperty("present_sessions").GetInt32());
        Assert.Equal(0, pupil.GetProperty("authorised_absence_sessions").GetInt32());
        Assert.Equal(10, pupil.GetProperty("unauthorised_absence_sessions").GetInt32());
        Assert.Equal(0, pupil.GetProperty("late_sessions").GetInt32());
        Assert.Equal(66.67m, pupil.GetProperty("attendance_percent").GetDecimal());
        Assert.True(pupil.GetProperty("persistent_absence").GetBoolean());
        Assert.False(pupil.GetProperty("severe_absence").GetBoolean());

        var hit = Assert.Single(pupil.GetProperty("penalty_notice_threshold").EnumerateArray());
        Assert.Equal("2025-09-19", hit.GetProperty("date").GetString());
        Assert.Equal(10, hit.GetProperty("sessions").GetInt32());
        Assert.Equal("2025-09-08", hit.GetProperty("first_week").GetString());
        Assert.Equal("2025-09-15", hit.GetProperty("last_week").GetString());

        var actions = pupil.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(2, actions.Count);
        var letter = actions[0];
        Assert.Equal("2025-09-15", letter.GetProperty("date").GetString());
        Assert.Equal("PM", letter.GetProperty("session").GetString());
        Assert.Equal("attendance-letter", letter.GetProperty("rule").GetString());
        Assert.Equal("letter", letter.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, letter.GetProperty("stage").ValueKind);
        Assert.Equal("Letter home (attendance below 90%)", letter.GetProperty("title").GetString());
        Assert.Contains("83.33% (10 of 12 possible sessions)", letter.GetProperty("evidence").GetString());
        Assert.Equal(["Phone call from the class teacher"], letter.GetProperty("follow_ups").EnumerateArray().Select(f => f.GetString()));

        var referral = actions[1];
        Assert.Equal("2025-09-19", referral.GetProperty("date").GetString());
        Assert.Equal("penalty-notice-threshold", referral.GetProperty("rule").GetString());
        Assert.Equal("referral", referral.GetProperty("kind").GetString());
        Assert.False(referral.TryGetProperty("follow_ups", out _));
    }

    [Fact]
    public void A_pupil_with_a_codeless_late_arrival_and_a_disagreeing_code_gets_a_sanction_and_a_data_quality_action()
    {
        var pupil = Json(CliRun.Evaluate("marks.csv", "--format", "json")).GetProperty("pupils")[1];

        Assert.Equal("A001", pupil.GetProperty("pupil").GetString());
        Assert.Equal(30, pupil.GetProperty("possible_sessions").GetInt32());
        Assert.Equal(28, pupil.GetProperty("present_sessions").GetInt32());
        Assert.Equal(2, pupil.GetProperty("authorised_absence_sessions").GetInt32());
        Assert.Equal(0, pupil.GetProperty("unauthorised_absence_sessions").GetInt32());
        Assert.Equal(1, pupil.GetProperty("late_sessions").GetInt32());
        Assert.Equal(93.33m, pupil.GetProperty("attendance_percent").GetDecimal());
        Assert.False(pupil.GetProperty("persistent_absence").GetBoolean());
        Assert.Empty(pupil.GetProperty("penalty_notice_threshold").EnumerateArray());
        var actions = pupil.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["sanction", "data-quality"], actions.Select(a => a.GetProperty("kind").GetString()));
        Assert.All(actions, a => Assert.Equal("2025-09-16", a.GetProperty("date").GetString()));
        Assert.Equal("arrived 09:05 for the AM session, after 09:00", actions[0].GetProperty("evidence").GetString());
    }

    [Fact]
    public void Rows_after_as_of_are_read_but_not_evaluated()
    {
        var json = Json(CliRun.Evaluate("marks.csv", "--format", "json", "--as-of", "2025-09-12"));

        Assert.Equal("2025-09-12", json.GetProperty("as_of").GetString());
        Assert.Equal(60, json.GetProperty("rows_read").GetInt32());
        Assert.Equal(0, json.GetProperty("rows_rejected").GetInt32());
        var b002 = json.GetProperty("pupils")[0];
        Assert.Equal(10, b002.GetProperty("possible_sessions").GetInt32());
        Assert.Equal(100.00m, b002.GetProperty("attendance_percent").GetDecimal());
        Assert.Contains("\"attendance_percent\": 100.00,", CliRun.Evaluate("marks.csv", "--format", "json", "--as-of", "2025-09-12").Stdout);
        Assert.Empty(b002.GetProperty("actions").EnumerateArray());
        Assert.Empty(b002.GetProperty("penalty_notice_threshold").EnumerateArray());
    }

    [Fact]
    public void An_as_of_before_every_row_gives_null_attendance_and_no_flags()
    {
        var json = Json(CliRun.Evaluate("marks.csv", "--format", "json", "--as-of", "2025-09-01"));

        foreach (var pupil in json.GetProperty("pupils").EnumerateArray())
        {
            Assert.Equal(0, pupil.GetProperty("possible_sessions").GetInt32());
            Assert.Equal(JsonValueKind.Null, pupil.GetProperty("attendance_percent").ValueKind);
            Assert.False(pupil.GetProperty("persistent_absence").GetBoolean());
        }
    }

    [Fact]
    public void A_bad_as_of_date_is_bad_input()
    {
        var result = CliRun.Evaluate("marks.csv", "--format", "json", "--as-of", "26/09/2025");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--as-of '26/09/2025' is not a date as yyyy-MM-dd", result.Stderr);
    }
}
