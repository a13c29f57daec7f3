using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attendance.Rules.Cli.Tests;

/// <summary>The <c>leave</c> command: decisions as text and JSON, the register and calendar it reads, and located errors in the request.</summary>
public class LeaveCommandTests
{
    private static CliResult Leave(string request, params string[] extra) =>
        CliRun.Run(["leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", CliRun.Data(request), .. extra]);

    /// <summary>Runs <c>leave</c> on a request given as text (written to a temporary file).</summary>
    private static CliResult LeaveText(string json, string school = "laurence-jackson", params string[] extra)
    {
        var path = Path.Combine(Path.GetTempPath(), $"leave-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return CliRun.Run(["leave", "--policy", CliRun.RepositoryPolicy($"{school}.yaml"), "--request", path, .. extra]);
        }
        finally
        {
            File.Delete(path);
        }
    }

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
    public void A_key_given_twice_is_located_at_its_second_occurrence()
    {
        var result = LeaveText("{\n  \"pupil\": \"P1\",\n  \"type\": \"holiday\",\n  \"first_day\": \"2025-10-09\",\n  \"last_day\": \"2025-10-16\",\n  \"requested_on\": \"2025-09-01\",\n  \"type\": \"sport\"\n}\n");

        Assert.Equal(2, result.Exit);
        Assert.EndsWith(":7:3: error: the key \"type\" appears twice; give each key once", result.StderrLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_earlier_request_that_ends_before_it_starts_is_located_at_that_request()
    {
        var result = LeaveText("{\n  \"pupil\": \"P1\",\n  \"type\": \"holiday\",\n  \"first_day\": \"2025-10-09\",\n  \"last_day\": \"2025-10-16\",\n  \"requested_on\": \"2025-09-01\",\n  \"earlier_requests\": [\n    { \"type\": \"holiday\", \"first_day\": \"2025-06-09\", \"last_day\": \"2025-06-01\" }\n  ]\n}\n");

        Assert.Equal(2, result.Exit);
        Assert.EndsWith(":8:65: error: an earlier request's last_day (2025-06-01) is before its first_day (2025-06-09)", result.StderrLines.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Year 7")]
    [InlineData("07")]
    [InlineData("14")]
    public void A_year_group_outside_the_National_Curriculum_is_located(string yearGroup)
    {
        // Accepted, "Year 7" would never meet Laurence Jackson's Year 7 rule.
        var result = LeaveText($"{{\n  \"pupil\": \"P1\",\n  \"year_group\": \"{yearGroup}\",\n  \"type\": \"holiday\",\n  \"first_day\": \"2025-10-09\",\n  \"last_day\": \"2025-10-10\",\n  \"requested_on\": \"2025-09-01\"\n}}\n");

        Assert.Equal(2, result.Exit);
        Assert.EndsWith($":3:17: error: \"year_group\" is \"{yearGroup}\"; expected one of: N1, N2, R, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13", result.StderrLines.Single(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Schools() => new() { "laurence-jackson", "willoughby-primary", "aycliffe-drive-primary", "stanborough", "hall-green-primary" };

    [Theory]
    [MemberData(nameof(Schools))]
    public void Every_example_request_in_the_docs_is_decided_and_there_is_one_of_each_type(string school)
    {
        var docs = File.ReadAllText(CliRun.RepositoryFile("docs/leave-requests.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = docs[docs.IndexOf("### One request of each type", StringComparison.Ordinal)..];
        section = section[(section.IndexOf("```json\n", StringComparison.Ordinal) + 8)..];
        var examples = section[..section.IndexOf("```", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var types = new List<string>();
        foreach (var example in examples)
        {
            var result = LeaveText(example, school, "--format", "json");

            Assert.True(result.Exit == 0, $"{example}: {result.Stderr}");
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.Contains(json.RootElement.GetProperty("decision").GetString(), new[] { "refuse", "refer", "authorise" });
            types.Add(json.RootElement.GetProperty("type").GetString()!);
        }

        Assert.Equal(Attendance.Rules.Leave.LeaveNames.Types.Keys.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_docs_decision_example_is_what_the_docs_request_example_gives()
    {
        var docs = File.ReadAllText(CliRun.RepositoryFile("docs/leave-requests.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string Block(string heading)
        {
            var section = docs[docs.IndexOf(heading, StringComparison.Ordinal)..];
            section = section[(section.IndexOf("```json\n", StringComparison.Ordinal) + 8)..];
            return section[..section.IndexOf("```", StringComparison.Ordinal)];
        }

        var result = LeaveText(Block("## The request JSON"), "laurence-jackson", "--format", "json");

        Assert.Equal(0, result.Exit);
        var documented = JsonNode.Parse(Block("## The decision JSON"))!.AsObject();
        var actual = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.StartsWith("2025.1+", actual["policy_version"]!.GetValue<string>(), StringComparison.Ordinal);
        documented.Remove("policy_version");
        actual.Remove("policy_version");
        Assert.Equal(documented.ToJsonString(), actual.ToJsonString());
    }

    [Fact]
    public void A_policy_without_leave_rules_is_bad_input()
    {
        var result = CliRun.Run("leave", "--policy", CliRun.RepositoryPolicy("national/england-2024.yaml"), "--request", CliRun.Data("leave-holiday.json"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("has no leave section", result.Stderr, StringComparison.Ordinal);
    }
}
