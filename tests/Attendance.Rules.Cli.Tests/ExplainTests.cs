namespace Attendance.Rules.Cli.Tests;

public sealed class ExplainTests
{
    private static CliResult Explain(string pupil, params string[] extra) =>
        CliRun.Run(["explain", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--pupil", pupil, .. extra]);

    [Fact]
    public void Explain_prints_a_line_per_school_week_in_the_compact_notation()
    {
        var result = Explain("B002");

        Assert.Equal(0, result.Exit);
        var weeks = result.Stdout.Split('\n').Where(l => l.StartsWith("2025-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                @"2025-09-08 /\ /\ /\ /\ /\",
                "2025-09-15 OO OO OO OO OO",
                @"2025-09-22 /\ /\ /\ /\ /\",
            ],
            weeks);
    }

    [Fact]
    public void Explain_lists_each_action_under_its_week_with_evidence_and_follow_ups()
    {
        var lines = Explain("B002").Stdout.Split('\n').ToList();

        var week = lines.IndexOf("2025-09-15 OO OO OO OO OO");
        Assert.True(week > 0);
        Assert.Equal("  2025-09-15 PM  letter: Letter home (attendance below 90%) (rule attendance-letter)", lines[week + 1]);
        Assert.Equal("      evidence: attendance 83.33% (10 of 12 possible sessions) this academic year fell below 90%", lines[week + 2]);
        Assert.Equal("      follow-up: Phone call from the class teacher", lines[week + 3]);
        Assert.StartsWith("  2025-09-19 PM  referral: Consider a penalty notice", lines[week + 4], StringComparison.Ordinal);
        Assert.StartsWith("      evidence: 10 unauthorised sessions", lines[week + 5], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[week + 6]);
    }

    [Fact]
    public void Explain_summarises_the_figures_and_the_threshold_hits()
    {
        var text = Explain("B002").Stdout;

        Assert.StartsWith("pupil B002; policy cli-test-school 1.0+", text, StringComparison.Ordinal);
        Assert.Contains("30 possible sessions, 20 present (0 late), 0 authorised and 10 unauthorised absence; attendance 66.67%; persistent absence", text);
        Assert.Contains("penalty-notice threshold: reached 1 time, on 2025-09-19", text);
    }

    [Fact]
    public void A_codeless_arrival_shows_the_code_its_window_gives()
    {
        var result = Explain("A001");

        Assert.Equal(0, result.Exit);
        Assert.Contains(@"2025-09-08 /\ /\ L\ /\ /\", result.Stdout);
        Assert.Contains("2025-09-22 /\\ /\\ II /\\ /\\", result.Stdout);
        Assert.Contains("  2025-09-16 AM  sanction: Lunchtime detention for arriving after 9.00 (rule late-detention)", result.Stdout);
        Assert.Contains("  2025-09-16 AM  data-quality: The mark and the arrival time disagree (rule registration)", result.Stdout);
    }

    [Fact]
    public void Explain_stops_at_as_of()
    {
        var result = Explain("B002", "--as-of", "2025-09-16");

        Assert.Equal(0, result.Exit);
        Assert.Contains("2025-09-15 OO OO -- -- --", result.Stdout);
        Assert.DoesNotContain("2025-09-22", result.Stdout);
        Assert.DoesNotContain("referral", result.Stdout);
    }

    [Fact]
    public void An_unknown_pupil_is_bad_input()
    {
        var result = Explain("Z999");

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("pupil 'Z999' has no usable rows in the marks file", result.Stderr);
    }
}
