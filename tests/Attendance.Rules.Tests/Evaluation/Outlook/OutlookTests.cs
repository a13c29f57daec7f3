using Attendance.Rules.Evaluation;
using Attendance.Rules.Evaluation.Outlook;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using Attendance.Rules.Testing;
using Attendance.Rules.Tests.Evaluation.Conditions;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation.Outlook;

public class OutlookTests
{
    private static readonly CompiledPolicy Stanborough = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml")));

    private static Distance Line(PupilEvaluation e, string id, int? stage = null) => e.Outlook.Distances.Single(d => d.Id == id && d.StageNumber == stage);

    [Fact]
    public void Eight_of_ten_sessions_in_the_rolling_window_are_two_sessions_from_the_penalty_notice_threshold()
    {
        // Monday 8 September 2025: four days of O, then a day present.
        var e = Stanborough.Evaluate(RegisterNotation.Parse("2025-09-08 OO OO OO OO /\\"), new LocalDate(2025, 9, 12));
        var d = Line(e, "penalty-notice-threshold");
        Assert.Equal(DistanceKind.Sessions, d.Kind);
        Assert.Equal(2, d.Steps);
        Assert.Equal(8, d.Value);
        Assert.Equal(10m, d.Threshold);
        Assert.Equal(SessionKind.Codes, d.Of);
        Assert.Equal("O", d.Code);
        Assert.Equal(new LocalDate(2025, 9, 15), d.DueOn); // Monday's two sessions
        Assert.Equal(new LocalDate(2025, 11, 17), d.WindowLeavesOn); // the eleventh school week: 8 September's week has left
        Assert.Equal("8 sessions of 10: 2 more sessions of G, O, U before 17 Nov 2025 reach it (at the earliest 15 Sep 2025)", d.Describe());
    }

    [Fact]
    public void An_absence_of_one_in_twenty_is_two_absent_sessions_from_persistent_absence()
    {
        // 20 possible, 1 absent (5%): 2 more give 3 of 22 (13.6%), 1 more gives 2 of 21 (9.5%).
        var e = Stanborough.Evaluate(RegisterNotation.Parse("2025-09-08 O\\ " + ConditionKit.Days("/\\", 9)), new LocalDate(2025, 9, 19));
        var d = Line(e, "persistent-absence");
        Assert.Equal(DistanceSubject.PersistentAbsence, d.Subject);
        Assert.Equal((DistanceKind.Sessions, 2, SessionKind.Absent), (d.Kind, d.Steps, d.Of));
        Assert.Equal((1L, 20L, 10m), (d.Value, d.OutOf, d.Threshold));
        Assert.Equal("absence 5.00%, line 10%: 2 more absent sessions reach it (at the earliest 22 Sep 2025)", d.Describe());
    }

    [Fact]
    public void Attendance_of_95_percent_is_one_absent_session_from_the_96_percent_stage_letter_and_the_stage_after_it_waits()
    {
        // 24 of 25 is 96% (not below); 24 of 26 is 92.3%.
        var e = Stanborough.Evaluate(RegisterNotation.Parse("2025-09-08 " + ConditionKit.Days("/\\", 12) + " O-"), new LocalDate(2025, 9, 24));
        var stage = Line(e, "attendance-concern", 1);
        Assert.Equal(DistanceSubject.Stage, stage.Subject);
        Assert.Equal((DistanceKind.Sessions, 1), (stage.Kind, stage.Steps));
        Assert.Equal(new LocalDate(2025, 9, 24), stage.DueOn); // the afternoon of the half-marked day
        Assert.DoesNotContain(e.Outlook.Distances, d => d.Id == "attendance-concern" && d.StageNumber == 2); // only the next stage is measured
    }

    [Fact]
    public void A_stage_that_has_fallen_due_is_followed_by_the_next_one_which_counts_only_from_the_next_school_day()
    {
        var policy = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml")));

        // Stage 1 (below 96%) falls due on the Friday afternoon; stage 2 needs an absence on a later school day.
        var e = policy.Evaluate(RegisterNotation.Parse("2025-09-08 " + ConditionKit.Days("/\\", 4) + " /O"), new LocalDate(2025, 9, 12));
        Assert.Contains(e.Actions, a => a.RuleId == "attendance-monitoring-stages" && a.Stage == 1);
        var next = Line(e, "attendance-monitoring-stages", 2);
        Assert.Equal((DistanceKind.Sessions, 1, new LocalDate(2025, 9, 15)), (next.Kind, next.Steps, next.DueOn));
    }

    [Fact]
    public void A_once_a_year_line_already_due_is_reached_and_the_monitoring_stages_say_why_they_have_no_number()
    {
        var policy = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml")));
        var e = policy.Evaluate(RegisterNotation.Parse("2025-09-08 " + ConditionKit.Days("/\\", 4) + " /O OO"), new LocalDate(2025, 9, 15));
        var privileges = e.Outlook.Distances.Single(d => d.Subject == DistanceSubject.Rule && d.Title.StartsWith("Where attendance drops below 96", StringComparison.Ordinal));
        Assert.Equal(DistanceKind.Reached, privileges.Kind);
        var stage3 = Line(e, "attendance-monitoring-stages", 3);
        Assert.Equal(DistanceKind.NotMeasurable, stage3.Kind);
        Assert.Contains("monitoring period", stage3.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_calendar_the_year_end_gives_the_best_reachable_and_the_rate_so_far_and_without_one_it_is_not_available()
    {
        var calendar = SchoolCalendar.Create([new DateInterval(new LocalDate(2025, 9, 8), new LocalDate(2025, 9, 19))]);
        var register = RegisterNotation.Parse("2025-09-08 O\\ /\\ /\\ /\\ /\\");
        var with = Stanborough.Evaluate(register, new LocalDate(2025, 9, 12), calendar).Outlook.YearEnd;
        Assert.True(with.IsAvailable);
        Assert.Equal(10, with.RemainingSessions);
        Assert.Equal(95.00m, with.BestPercent); // 19 of 20
        Assert.Equal(90.00m, with.AtCurrentRatePercent); // 9 of 10, and 18 of 20 at that rate
        var without = Stanborough.Evaluate(register, new LocalDate(2025, 9, 12)).Outlook.YearEnd;
        Assert.False(without.IsAvailable);
        Assert.Null(without.BestPercent);
        Assert.Equal((9L, 10L), (without.Attended, without.Possible));
    }

    [Fact]
    public void A_referral_for_a_pupil_outside_the_compulsory_year_groups_does_not_apply()
    {
        var e = Stanborough.Evaluate(RegisterNotation.Parse("2025-09-08 OO /\\", "p1", "12"), new LocalDate(2025, 9, 9));
        Assert.Equal(DistanceKind.DoesNotApply, Line(e, "penalty-notice-threshold").Kind);
    }

    [Fact]
    public void A_v2_rule_over_the_year_is_measured_and_conditions_that_are_not_numbers_say_why()
    {
        var policy = ConditionKit.Compile(
            ConditionKit.Rule("below-90", "{ measure: attendance, below: 90 }")
            + ConditionKit.Rule("both", "{ all: [ { measure: attendance, below: 90 }, { measure: { count: unauthorised }, at_least: 4 } ] }")
            + ConditionKit.Rule("mixed", "{ all: [ { measure: attendance, below: 90 }, { measure: { count: [I] }, at_least: 4 } ] }")
            + ConditionKit.Rule("not-holiday", "{ all: [ { measure: { count: unauthorised }, at_least: 3 }, { not: { measure: { count: [G] }, at_least: 1 } } ] }")
            + ConditionKit.Rule("rolling", "{ measure: { count: unauthorised }, over: { rolling: { weeks: 4 } }, at_least: 4 }")
            + ConditionKit.Rule("weekly", "{ measure: attendance, below: 90 }", "    judged: week\n"),
            "defaults: { min_possible_sessions: 20 }\nindicators:\n  - { id: target, title: Below 97%, when: { measure: attendance, below: 97 }, source: s }\n");
        // 20 possible, 1 absent: 19 of 20 is 95%.
        var e = policy.Evaluate(RegisterNotation.Parse("2025-09-08 O\\ " + ConditionKit.Days("/\\", 9)), new LocalDate(2025, 9, 19));
        var below = Line(e, "below-90");
        Assert.Equal((DistanceKind.Sessions, 2, SessionKind.Absent), (below.Kind, below.Steps, below.Of)); // 19 of 22 is 86.4%, 19 of 21 is 90.5%
        Assert.Equal((19L, 20L, 90m), (below.Value, below.OutOf, below.Threshold));
        var both = Line(e, "both");
        Assert.Equal((DistanceKind.Sessions, 3, "O"), (both.Kind, both.Steps, both.Code)); // the count needs 3 more O, attendance 2
        Assert.Null(both.Measure);
        Assert.Equal(DistanceKind.NotMeasurable, Line(e, "mixed").Kind);
        Assert.Contains("different kinds of session", Line(e, "mixed").Why, StringComparison.Ordinal);
        Assert.Contains("`not`", Line(e, "not-holiday").Why, StringComparison.Ordinal);
        Assert.Contains("academic year", Line(e, "rolling").Why, StringComparison.Ordinal);
        Assert.Contains("last school day of a week", Line(e, "weekly").Why, StringComparison.Ordinal);
        var target = Line(e, "target");
        Assert.Equal((DistanceSubject.Indicator, DistanceKind.Reached), (target.Subject, target.Kind));
    }

    [Fact]
    public void Added_sessions_bear_out_the_v2_distances()
    {
        var policy = ConditionKit.Compile(
            ConditionKit.Rule("both", "{ all: [ { measure: attendance, below: 90 }, { measure: { count: unauthorised }, at_least: 4 } ] }"),
            "defaults: { min_possible_sessions: 20 }\n");
        var register = RegisterNotation.Parse("2025-09-08 O\\ " + ConditionKit.Days("/\\", 9));
        var before = policy.Evaluate(register, new LocalDate(2025, 9, 19));
        var d = Line(before, "both");
        var exactly = DistanceProperties.Further(register, null, d, d.Steps)!.Value;
        var fewer = DistanceProperties.Further(register, null, d, d.Steps - 1)!.Value;
        Assert.True(DistanceProperties.FallsDue(policy, before, exactly, null, d));
        Assert.False(DistanceProperties.FallsDue(policy, before, fewer, null, d));
    }

    [Theory]
    [MemberData(nameof(EvaluationBufferTests.Schools), MemberType = typeof(EvaluationBufferTests))]
    public void A_warm_buffer_gives_the_full_evaluation_s_distances_without_allocating(string school)
    {
        var (compiled, registers) = EvaluationBufferTests.Cohort(school);
        var asOf = new LocalDate(2026, 3, 13);
        var buffer = new EvaluationBuffer();
        var measured = 0;
        foreach (var register in registers)
        {
            var full = compiled.Evaluate(register, asOf).Outlook;
            var summary = compiled.Evaluate(register, asOf, buffer);
            Assert.Equal(full.Distances, summary.Distances.ToArray());
            Assert.Equal(full.YearEnd, summary.YearEnd);
            measured += full.Distances.Count(d => d.Kind == DistanceKind.Sessions);
        }

        Assert.True(measured > registers.Length, $"only {measured} lines with a number of sessions: the comparison is too weak");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var steps = 0L;
        foreach (var register in registers)
        {
            foreach (var d in compiled.Evaluate(register, asOf, buffer).Distances)
            {
                steps += d.Steps;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(steps > 0);
    }
}
