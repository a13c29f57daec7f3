using Attendance.Rules.Tests.Files;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Every command, given out-of-range dates (0001, 9999), bad numbers or malformed JSON, exits 2 with
/// a sentence on standard error and no stack trace; exit 1 is only for failures of the environment
/// (issue 14: these exited 1 with an exception's message).
/// </summary>
public sealed class BadInputExitCodeTests : IDisposable
{
    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<string> Dates => new() { "0001-01-01", "9999-12-31" };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_command_refuses_a_date_outside_the_accepted_range(string date)
    {
        var calendar = files.Write($"calendar-{date}.yaml", $"terms:\n  - {{ start: {date}, end: {date} }}\n");
        var request = files.Write($"request-{date}.json", $$"""{"pupil": "P1", "year_group": "9", "type": "holiday", "first_day": "{{date}}", "last_day": "{{date}}", "requested_on": "{{date}}"}""");
        var tests = files.Write($"far-{date}.tests.yaml", $"policy: {CliRun.RepositoryPolicy("stanborough.yaml")}\nscenarios:\n  - name: far\n    register: \"{date} /\\\\\"\n    as_of: {date}\n    expect: {{ no_actions: true }}\n");
        var marks = files.Write($"marks-{date}.csv", $"pupil,date,session,code\nA1,{date},AM,/\n");
        var policy = CliRun.Data("policy.yaml");
        var lj = CliRun.RepositoryPolicy("laurence-jackson.yaml");
        foreach (var args in new[]
        {
            new[] { "evaluate", "--policy", policy, "--marks", CliRun.Data("marks.csv"), "--as-of", date },
            ["evaluate", "--policy", policy, "--marks", CliRun.Data("marks.csv"), "--calendar", calendar],
            ["evaluate", "--policy", policy, "--marks", marks],
            ["explain", "--policy", policy, "--marks", CliRun.Data("marks.csv"), "--pupil", "A001", "--as-of", date],
            ["report", "--policy", policy, "--marks", CliRun.Data("marks.csv"), "--out", files.PathOf("r.html"), "--as-of", date],
            ["leave", "--policy", lj, "--request", request],
            ["leave", "--policy", lj, "--request", CliRun.Data("leave-holiday.json"), "--calendar", calendar],
            ["test", tests],
        })
        {
            var result = AssertBadInput(args);
            Assert.Contains("outside 2000-01-01 to 2100-12-31", result.Stderr + result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_command_refuses_bad_numbers_with_one_line()
    {
        foreach (var args in new[]
        {
            new[] { "evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--threads", "abc" },
            ["evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--threads", "0"],
            ["evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--threads", "99999999999"],
            ["test", CliRun.RepositoryPolicy("stanborough.tests.yaml"), "--threshold", "abc"],
            ["test", CliRun.RepositoryPolicy("stanborough.tests.yaml"), "--threshold", "101"],
            ["evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--as-of", "2025-13-01"],
        })
        {
            var result = AssertBadInput(args);
            Assert.Single(result.StderrLines);
        }
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"pupil\": \"\\ud800\", \"year_group\": \"9\"}")]
    [InlineData("[1, 2")]
    [InlineData("{\"pupil\": \"P1\"} trailing")]
    [InlineData("\"first_day\"")]
    public void Leave_refuses_malformed_json_with_one_located_line(string json)
    {
        var request = files.Write("request.json", json);
        var result = AssertBadInput(["leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", request]);
        Assert.StartsWith(request + ":", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    private static CliResult AssertBadInput(string[] args)
    {
        var result = CliRun.Run(args);
        var context = string.Join(' ', args) + "\n" + result.Stderr;
        Assert.True(result.Exit == 2, context);
        Assert.NotEmpty(result.StderrLines);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("attendance-rules: error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        return result;
    }
}
