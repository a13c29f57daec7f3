using System.Text.Json;

namespace Attendance.Rules.Cli.Tests;

/// <summary>The <c>leave</c> command: decisions as text and JSON, the register and calendar it reads, and located errors in the request.</summary>
public class LeaveCommandTests
{
    private static CliResult Leave(string request, params string[] extra) =>
        CliRun.Run(["leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", CliRun.Data(request), .. extra]);

    [Fact]
    public void Json_gives_the_decision_the_codes_and_every_reason()
    {
        var result = Leave("leave-holiday.json", "--format", "json");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("refuse", root.GetProperty("decision").GetString());
        Assert.Equal("G", root.GetProperty("code_if_taken").GetString());
        Assert.Equal("C", root.GetProperty("code_if_authorised").GetString());
        Assert.Equal(6, root.GetProperty("school_days").GetInt32());
        var reason = Assert.Single(root.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("rule").GetString() == "five-school-days");
        Assert.Equal("6 consecutive school days requested (2025-10-09 to 2025-10-16); the policy allows at most 5", reason.GetProperty("text").GetString());
        Assert.Equal("refuse", reason.GetProperty("outcome").GetString());
        Assert.StartsWith("For any more than 5 consecutive school days", reason.GetProperty("source")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_names_the_decision_the_code_and_the_reasons_with_the_policys_words()
    {
        var result = Leave("leave-holiday.json");

        Assert.Equal(0, result.Exit);
        Assert.Contains("decision: refuse", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("code if taken: G (if authorised: C)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("refuse    five-school-days: 6 consecutive school days requested", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"For any more than 5 consecutive school days, even when some exceptional circumstances apply\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_give_the_register_for_the_attendance_floor()
    {
        var withoutMarks = JsonDocument.Parse(Leave("leave-performance.json", "--format", "json").Stdout).RootElement;
        var withMarks = JsonDocument.Parse(Leave("leave-performance.json", "--format", "json", "--marks", CliRun.Data("leave-marks.csv")).Stdout).RootElement;

        Assert.Equal("refer", withoutMarks.GetProperty("decision").GetString());
        Assert.Equal("refuse", withMarks.GetProperty("decision").GetString());
        Assert.Contains(withMarks.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString()!.Contains("94.87%", StringComparison.Ordinal));
        // The request's own calendar has no assessment period on the leave day, so that condition does not refer.
        Assert.DoesNotContain(withMarks.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("rule").GetString() == "assessment-periods");
    }

    [Fact]
    public void A_bad_request_lists_every_problem_with_its_line_and_column()
    {
        var result = Leave("leave-bad.json");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        var file = CliRun.Data("leave-bad.json");
        Assert.Contains($"{file}:3:11: error: \"type\" is \"holliday\"; expected one of: holiday,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}:5:15: error: \"last_day\" is \"2025-13-16\"; expected a date as \"yyyy-MM-dd\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}:7:27: error: a fact is \"cheap\"; expected one of: in_writing,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_position()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leave-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"pupil\": \"P1\",\n  \"type\": holiday\n}\n");
        try
        {
            var result = CliRun.Run("leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", path);

            Assert.Equal(2, result.Exit);
            Assert.StartsWith($"{path}:3:", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("is not valid JSON", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_policy_without_leave_rules_is_bad_input()
    {
        var result = CliRun.Run("leave", "--policy", CliRun.RepositoryPolicy("national/england-2024.yaml"), "--request", CliRun.Data("leave-holiday.json"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("has no leave section", result.Stderr, StringComparison.Ordinal);
    }
}
