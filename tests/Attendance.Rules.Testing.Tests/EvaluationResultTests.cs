using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Testing.Tests;

/// <summary>
/// Each assertion passes on a true case and, on a false one, throws <see cref="PolicyAssertionException"/>
/// saying what was expected and found, with the pupil's timeline. Laurence Jackson's policy: stage 1
/// below 96%, stage 2 on the next absence after stage 1's day.
/// </summary>
public class EvaluationResultTests
{
    /// <summary>Mon 8 - Fri 12 Sep present; Mon 15 II (stage 1, 10 of 11); Tue 16 present; Wed 17 AM I (stage 2).</summary>
    private const string StageTwo = "2025-09-08 /\\ /\\ /\\ /\\ /\\ II /\\ I\\";

    private static readonly PolicyUnderTest LaurenceJackson = PolicyUnderTest.Load(RepositoryPaths.Policy("laurence-jackson.yaml"));

    private static readonly LocalDate Wednesday17 = new(2025, 9, 17);

    private static EvaluationResult StageTwoResult() => LaurenceJackson.Evaluate(StageTwo, Wednesday17, yearGroup: "7");

    private static PolicyAssertionException Fails(Action assertion)
    {
        var failure = Assert.Throws<PolicyAssertionException>(assertion);

        // Every failure prints the timeline: the header, the register week by week, the actions with evidence.
        Assert.Contains("Timeline of p1 (year 7) under laurence-jackson", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2025-09-08 /\\ /\\ /\\ /\\ /\\", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2025-09-15 II /\\ I\\", failure.Message, StringComparison.Ordinal);
        Assert.Contains("-> 2025-09-15 AM attendance-monitoring-stages stage 1 (letter): Stage 1 - Initial Concern Letter", failure.Message, StringComparison.Ordinal);
        Assert.Contains("evidence: attendance 90.91% (10 of 11 possible sessions) fell below 96%", failure.Message, StringComparison.Ordinal);
        return failure;
    }

    [Fact]
    public void ShouldHaveAction_passes_when_the_action_is_due_as_described()
    {
        var result = StageTwoResult()
            .ShouldHaveAction("attendance-monitoring-stages", stage: 1, on: new LocalDate(2025, 9, 15), session: SessionOfDay.AM)
            .ShouldHaveAction("attendance-monitoring-stages", stage: 2, on: Wednesday17, evidenceContains: "absent 2025-09-17 AM (I) after stage 1 on 2025-09-15")
            .ShouldHaveAction("trip-privileges-withdrawn");

        Assert.Equal(2, result.ActionsOf("attendance-monitoring-stages").Count);
    }

    [Fact]
    public void ShouldHaveAction_fails_with_expected_found_and_the_timeline()
    {
        var failure = Fails(() => StageTwoResult().ShouldHaveAction("attendance-monitoring-stages", stage: 2, on: new LocalDate(2025, 9, 16)));

        Assert.StartsWith("Expected: an action attendance-monitoring-stages stage 2 on 2025-09-16", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Found:    2025-09-15 AM attendance-monitoring-stages stage 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2025-09-17 AM attendance-monitoring-stages stage 2 (letter)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldHaveAction_fails_on_the_wrong_session_or_evidence()
    {
        Fails(() => StageTwoResult().ShouldHaveAction("attendance-monitoring-stages", stage: 2, session: SessionOfDay.PM));
        var failure = Fails(() => StageTwoResult().ShouldHaveAction("attendance-monitoring-stages", stage: 2, evidenceContains: "counted as O"));
        Assert.Contains("with evidence containing \"counted as O\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldHaveAction_of_a_rule_with_no_actions_lists_the_rules_that_have_some()
    {
        var failure = Fails(() => StageTwoResult().ShouldHaveAction("truancy-warning-letter"));

        Assert.Contains("Found:    no action of truancy-warning-letter on or before 2025-09-17 (actions of:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldNotHaveAction_passes_when_nothing_matches_and_fails_on_a_match()
    {
        StageTwoResult()
            .ShouldNotHaveAction("truancy-warning-letter")
            .ShouldNotHaveAction("attendance-monitoring-stages", stage: 3)
            .ShouldNotHaveAction("attendance-monitoring-stages", stage: 2, on: new LocalDate(2025, 9, 16));

        var failure = Fails(() => StageTwoResult().ShouldNotHaveAction("attendance-monitoring-stages", stage: 2));
        Assert.StartsWith("Expected: no action attendance-monitoring-stages stage 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Found:    2025-09-17 AM attendance-monitoring-stages stage 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldHaveActionCount_passes_on_the_count_and_fails_otherwise()
    {
        StageTwoResult().ShouldHaveActionCount("attendance-monitoring-stages", 2).ShouldHaveActionCount("truancy-warning-letter", 0);

        var failure = Fails(() => StageTwoResult().ShouldHaveActionCount("attendance-monitoring-stages", 1));
        Assert.StartsWith("Expected: 1 action(s) of attendance-monitoring-stages", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Found:    2:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldHaveAttendance_compares_the_rounded_percentage()
    {
        // 13 of 16 sessions attended.
        StageTwoResult().ShouldHaveAttendance(81.25m);

        var failure = Fails(() => StageTwoResult().ShouldHaveAttendance(94.87m));
        Assert.StartsWith("Expected: attendance 94.87%", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Found:    attendance 81.25% (13 of 16 possible sessions)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Persistent_absence_assertions_follow_the_flag()
    {
        // 3 of 16 sessions missed: 18.75%, at least 10%.
        StageTwoResult().ShouldBePersistentlyAbsent().ShouldNotBeSeverelyAbsent();

        var failure = Fails(() => StageTwoResult().ShouldNotBePersistentlyAbsent());
        Assert.StartsWith("Expected: not persistently absent", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Found:    persistently absent: attendance 81.25%", failure.Message, StringComparison.Ordinal);
        Fails(() => StageTwoResult().ShouldBeSeverelyAbsent());

        var present = LaurenceJackson.Evaluate("2025-09-08 /\\ /\\", new LocalDate(2025, 9, 9));
        present.ShouldNotBePersistentlyAbsent();
        Assert.Throws<PolicyAssertionException>(() => present.ShouldBePersistentlyAbsent());
    }

    [Fact]
    public void Severe_absence_assertions_follow_the_flag()
    {
        var absent = LaurenceJackson.Evaluate("2025-09-08 /\\ II II", new LocalDate(2025, 9, 10));
        absent.ShouldBeSeverelyAbsent().ShouldBePersistentlyAbsent();

        var failure = Assert.Throws<PolicyAssertionException>(() => absent.ShouldNotBeSeverelyAbsent());
        Assert.StartsWith("Expected: not severely absent", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2025-09-08 /\\ II II", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_hit_assertions_check_the_rule_and_date()
    {
        // Ten O sessions, Mon 8 - Fri 12 Sep: the national penalty-notice threshold on Fri 12.
        var truant = LaurenceJackson.Evaluate("2025-09-08 OO OO OO OO OO", new LocalDate(2025, 9, 12));
        truant.ShouldHaveThresholdHit("penalty-notice-threshold").ShouldHaveThresholdHit("penalty-notice-threshold", on: new LocalDate(2025, 9, 12));
        StageTwoResult().ShouldNotHaveThresholdHit("penalty-notice-threshold");

        var wrongDay = Assert.Throws<PolicyAssertionException>(() => truant.ShouldHaveThresholdHit("penalty-notice-threshold", on: new LocalDate(2025, 9, 11)));
        Assert.StartsWith("Expected: a threshold hit of penalty-notice-threshold on 2025-09-11", wrongDay.Message, StringComparison.Ordinal);
        Assert.Contains("Found:    2025-09-12 penalty-notice-threshold: 10 sessions", wrongDay.Message, StringComparison.Ordinal);
        Assert.Contains("hit 2025-09-12 penalty-notice-threshold: 10 sessions", wrongDay.Message, StringComparison.Ordinal);
        Assert.Contains("2025-09-08 OO OO OO OO OO", wrongDay.Message, StringComparison.Ordinal);

        var present = Fails(() => StageTwoResult().ShouldHaveThresholdHit("penalty-notice-threshold"));
        Assert.Contains("Found:    no threshold hit of penalty-notice-threshold on or before 2025-09-17", present.Message, StringComparison.Ordinal);
        Assert.Throws<PolicyAssertionException>(() => truant.ShouldNotHaveThresholdHit("penalty-notice-threshold"));
    }

    [Fact]
    public void The_timeline_says_a_codeless_arrival_after_the_evaluation_date_was_not_read()
    {
        var register = Register.For("p3").From(new LocalDate(2025, 9, 8)).Present(days: 1).Arrived(new LocalTime(8, 45)).Session("\\").Build();
        var timeline = LaurenceJackson.Evaluate(register, new LocalDate(2025, 9, 8)).Timeline();

        Assert.Contains("arrival 2025-09-09 AM 08:45 (no code: after the evaluation date, not read)", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_shows_arrivals_and_weeks_with_actions_but_no_marks()
    {
        // Laurence Jackson's AM register: late after 08:30, closes 09:00. An arrival at 08:45 is an L.
        var register = Register.For("p2").From(new LocalDate(2025, 9, 8)).Arrived(new LocalTime(8, 45)).Session("\\").Present(days: 4).Build();
        var result = LaurenceJackson.Evaluate(register, new LocalDate(2025, 9, 26));
        var timeline = result.Timeline();

        Assert.Contains("arrival 2025-09-08 AM 08:45 (no code: the registration window gave L, late)", timeline, StringComparison.Ordinal);
        Assert.Contains("figures: attendance 100.00% (10 of 10 possible sessions)", timeline, StringComparison.Ordinal);
        Assert.Equal(timeline, result.ToString());
    }

    [Fact]
    public void FromYaml_compiles_a_policy_written_in_the_test()
    {
        var tiny = PolicyUnderTest.FromYaml("""
            id: tiny-school
            version: "1"
            name: Tiny School
            document: { title: Tiny policy }
            extends: england-2024
            rules:
              - id: below-90
                type: attendance_below
                title: Below 90
                action: letter
                percent: 90
                source: "Below 90%."
            """, "tiny-school.yaml");

        Assert.Equal("tiny-school", tiny.Id);
        Assert.Contains("below-90", tiny.RuleIds);
        // Mon 8 AM I: 0 of 1 = 0%, below 90% at once.
        tiny.Evaluate(Register.For("p1").From(new LocalDate(2025, 9, 8)).Absent("I"), new LocalDate(2025, 9, 8))
            .ShouldHaveAction("below-90", on: new LocalDate(2025, 9, 8), session: SessionOfDay.AM);
        Assert.Throws<Attendance.Rules.Loading.PolicyException>(() => PolicyUnderTest.FromYaml("id: [", "broken.yaml"));
    }

    [Fact]
    public void The_readme_example_holds()
    {
        var register = Register.For("p1").InYear("7").From(new LocalDate(2025, 9, 8))
            .Present(days: 5).Absent("I").Present(days: 1).Session("I").Session("\\")
            .Build();
        var same = RegisterNotation.Parse(@"2025-09-08 /\ /\ /\ /\ /\ II /\ I\", yearGroup: "7");
        Assert.Equal(RegisterNotation.Print(register), RegisterNotation.Print(same));

        LaurenceJackson.Evaluate(register, new LocalDate(2025, 9, 17))
            .ShouldHaveAction("attendance-monitoring-stages", stage: 1, on: new LocalDate(2025, 9, 15))
            .ShouldHaveAction("attendance-monitoring-stages", stage: 2, on: new LocalDate(2025, 9, 17))
            .ShouldNotHaveAction("truancy-warning-letter")
            .ShouldHaveAttendance(81.25m)
            .ShouldBePersistentlyAbsent();

        // The README's block is this test's.
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Attendance.Rules.Testing", "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(".Present(days: 5).Absent(\"I\").Present(days: 1).Session(\"I\").Session(\"\\\\\")", readme, StringComparison.Ordinal);
        Assert.Contains("RegisterNotation.Parse(@\"2025-09-08 /\\ /\\ /\\ /\\ /\\ II /\\ I\\\", yearGroup: \"7\");", readme, StringComparison.Ordinal);
        Assert.Contains("    .ShouldNotHaveAction(\"truancy-warning-letter\")\n    .ShouldHaveAttendance(81.25m)\n    .ShouldBePersistentlyAbsent();", readme, StringComparison.Ordinal);
    }
}
