using System.Text.Json;

namespace Attendance.Rules.Cli.Tests;

/// <summary>The <c>leave</c> command with the language v2 leave keys: a school's own fact in the request and the actions a decision raises, as text and JSON.</summary>
public class LeaveCommandV2Tests
{
    private const string Policy = """
        id: leave-v2-cli
        version: "1"
        name: Leave V2 School
        document:
          title: Attendance Policy
        extends: england-2024
        leave:
          discretion: { id: headteacher-discretion, source: "at the headteacher's discretion" }
          facts: [wedding]
          codes:
            - { type: holiday, if_authorised: C, if_taken: G }
            - { type: exceptional, if_authorised: C, if_taken: O }
            - { type: religious_observance, if_authorised: R, if_taken: O }
            - { type: performance, if_authorised: C1, if_taken: O }
            - { type: sport, if_authorised: C, if_taken: O }
            - { type: traveller, if_authorised: T, if_taken: O }
            - { type: medical, if_authorised: M, if_taken: O }
            - { type: interview, if_authorised: J1, if_taken: O }
            - { type: study, if_authorised: S, if_taken: O }
            - { type: part_time_timetable, if_authorised: C2, if_taken: O }
          conditions:
            - id: weddings
              kind: refused_facts
              facts: [wedding]
              outcome: refuse
              raises: { action: letter, title: "Warning letter: leave refused", source: "A warning letter is sent with every refusal." }
              source: "Weddings are not exceptional circumstances."
        """;

    private const string Wedding = """
        { "pupil": "P1", "type": "exceptional", "first_day": "2026-03-10", "last_day": "2026-03-10",
          "requested_on": "2026-02-02", "decided_on": "2026-02-05", "facts": ["in_writing", "wedding"] }
        """;

    private static CliResult Leave(string request, params string[] extra)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"leave-v2-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "policy.yaml"), Policy);
            File.WriteAllText(Path.Combine(dir, "request.json"), request);
            return CliRun.Run(["leave", "--policy", Path.Combine(dir, "policy.yaml"), "--request", Path.Combine(dir, "request.json"), .. extra]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Text_prints_the_warning_letter_the_refusal_raises_dated_the_decision_day()
    {
        var result = Leave(Wedding);

        Assert.Equal(0, result.Exit);
        Assert.Contains("decision: refuse\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  refuse    weddings: the request states wedding\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("actions:\n  2026-02-05 letter weddings: Warning letter: leave refused\n            \"A warning letter is sent with every refusal.\"\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_the_raised_actions_and_none_without_a_refusal()
    {
        var refused = JsonDocument.Parse(Leave(Wedding, "--format", "json").Stdout).RootElement;
        var referred = JsonDocument.Parse(Leave(Wedding.Replace(", \"wedding\"", string.Empty, StringComparison.Ordinal), "--format", "json").Stdout).RootElement;

        var action = Assert.Single(refused.GetProperty("actions").EnumerateArray());
        Assert.Equal("weddings", action.GetProperty("rule").GetString());
        Assert.Equal("letter", action.GetProperty("action").GetString());
        Assert.Equal("Warning letter: leave refused", action.GetProperty("title").GetString());
        Assert.Equal("2026-02-05", action.GetProperty("date").GetString());
        Assert.Equal("refer", referred.GetProperty("decision").GetString());
        Assert.Empty(referred.GetProperty("actions").EnumerateArray());
        Assert.DoesNotContain("actions:", Leave(Wedding.Replace(", \"wedding\"", string.Empty, StringComparison.Ordinal)).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_the_policy_does_not_declare_and_a_decision_before_the_request_are_located_errors()
    {
        var undeclared = Leave(Wedding.Replace("\"wedding\"", "\"funeral\"", StringComparison.Ordinal));
        var early = Leave(Wedding.Replace("2026-02-05", "2026-02-01", StringComparison.Ordinal));

        Assert.Equal(2, undeclared.Exit);
        Assert.Contains("request.json:2:85: error: a fact is \"funeral\"; expected one of: in_writing,", undeclared.Stderr, StringComparison.Ordinal);
        Assert.Contains(", or one the policy declares: wedding", undeclared.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, early.Exit);
        Assert.Contains("request.json:2:47: error: the request is decided (2026-02-01) before it was made (2026-02-02)", early.Stderr, StringComparison.Ordinal);
    }
}
