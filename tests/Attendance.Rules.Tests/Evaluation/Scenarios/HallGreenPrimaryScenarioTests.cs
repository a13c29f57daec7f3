using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

using static Attendance.Rules.Tests.Evaluation.Scenarios.Scenario;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// Hall Green Primary School's rules, each on registers in the compact notation. The national rules
/// it inherits unchanged (la-attendance-return, la-sickness-return, deletion-review,
/// n-code-unresolved) run against this policy in <see cref="NationalScenarioTests"/>. Expected dates
/// and figures are worked out by hand.
/// </summary>
public class HallGreenPrimaryScenarioTests
{
    private static readonly Lazy<CompiledPolicy> Compiled = new(() => PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "hall-green-primary.yaml"))));
    private static readonly Lazy<CompiledPolicy> National = new(() => PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024")));

    private static PupilEvaluation Evaluate(string notation, LocalDate asOf) => Compiled.Value.Evaluate(RegisterNotation.Parse(notation), asOf);

    [Fact]
    public void Hall_Green_has_the_rules_these_scenarios_cover()
    {
        Assert.Equal(
            [
                "penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved",
                "first-day-calling", "attendance-target-contact", "attendance-concern", "medical-evidence-multiple-periods",
            ],
            Compiled.Value.Policy.Rules.Select(r => r.Id));
    }

    // ---- medical-evidence-multiple-periods: the second separate spell of illness in the year ----

    [Fact]
    public void The_second_spell_of_illness_brings_the_request_and_says_how_many()
    {
        var e = Evaluate("2025-09-08 II /\\ /\\ II", new LocalDate(2025, 9, 11));

        var action = Assert.Single(e.Actions, a => a.RuleId == "medical-evidence-multiple-periods");
        Assert.Equal(new LocalDate(2025, 9, 11), action.Date);
        Assert.Equal(ActionKind.Letter, action.Kind);
        Assert.Equal("2 spells of I in the academic year 2025/26, at least 2", action.Evidence);
    }

    [Theory]
    [InlineData("2025-09-12 II II /\\", "2025-09-16")] // Friday and Monday: the weekend does not break the spell
    [InlineData("2025-09-08 I\\ /\\ II", "2025-09-10")] // a half day of illness is not a period
    public void One_spell_or_a_half_day_is_not_multiple_periods(string register, string asOf)
    {
        var e = Evaluate(register, LocalDatePattern.Iso.Parse(asOf).GetValueOrThrow());

        Assert.DoesNotContain(e.Actions, a => a.RuleId == "medical-evidence-multiple-periods");
    }

    // ---- penalty-notice-threshold: 10 sessions of G, O or U (not N) within a rolling 10 school weeks ----

    [Fact]
    public void An_unauthorised_holiday_before_half_term_and_a_late_mark_after_it_make_a_hit_on_the_tenth_session()
    {
        // G from Monday 20 to Friday 24 October AM (9 sessions), half-term, U on Monday 3 November.
        var register = "2025-10-13 " + Days(P, 5) + " GG GG GG GG G\\ 2025-11-03 U\\ " + Days(P, 4);

        var evaluation = Evaluate(register, D(2025, 11, 7));

        var hit = Assert.Single(Hits(evaluation, "penalty-notice-threshold"));
        Assert.Equal(D(2025, 11, 3), hit.Date);
        Assert.Equal(D(2025, 10, 13), hit.FirstWeek);
        Assert.Equal(D(2025, 11, 3), hit.LastWeek);
        Assert.Equal(10, hit.Sessions);
        var action = Assert.Single(Actions(evaluation, "penalty-notice-threshold"));
        Assert.Equal(ActionKind.Referral, action.Kind);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.StartsWith("10 sessions of G, O, U in the 10 school weeks 13 Oct 2025–9 Nov 2025 reached 10: 2025-10-20 AM G, 2025-10-20 PM G,", action.Evidence, StringComparison.Ordinal);
        Assert.Contains("2025-10-24 AM G, 2025-11-03 AM U; if a penalty notice is issued: no earlier notice: a first notice, £160 (£80 if paid within 21 days)", action.Evidence, StringComparison.Ordinal);

        Assert.Empty(Hits(Evaluate(register, D(2025, 11, 2)), "penalty-notice-threshold"));
    }

    [Fact]
    public void N_sessions_count_towards_the_national_threshold_but_not_Hall_Greens()
    {
        // Week of 8 September: five N and five O (a national hit on Friday 12 September PM). Hall
        // Green counts the O only: its tenth is Wednesday 17 September AM.
        var register = RegisterNotation.Parse("2025-09-01 " + Days(P, 5) + " NN NN NO OO OO OO OO O\\ " + Days(P, 2));

        var national = Assert.Single(National.Value.Evaluate(register, D(2025, 9, 19)).ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        var school = Assert.Single(Compiled.Value.Evaluate(register, D(2025, 9, 19)).ThresholdHits, h => h.RuleId == "penalty-notice-threshold");

        Assert.Equal(D(2025, 9, 12), national.Date);
        Assert.Equal(D(2025, 9, 17), school.Date);
        Assert.Equal(Am(2025, 9, 10), national.CountedSessions[4]);
        Assert.DoesNotContain(school.CountedSessions, s => s < Session.Afternoon(D(2025, 9, 10)));
        Assert.Equal(Am(2025, 9, 17), school.CountedSessions[^1]);
    }

    [Fact]
    public void Twenty_unauthorised_sessions_in_a_row_make_two_hits_with_disjoint_sessions()
    {
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("GO", 10) + " " + Days(P, 5);

        var hits = Hits(Evaluate(register, D(2025, 9, 26)), "penalty-notice-threshold");

        Assert.Equal([D(2025, 9, 12), D(2025, 9, 19)], hits.Select(h => h.Date));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(20, hits.Sum(h => h.Sessions));
    }

    // ---- first-day-calling: a call on every school day with an N ----

    [Fact]
    public void First_day_calling_falls_due_on_the_morning_marked_N()
    {
        var evaluation = Evaluate("2025-09-08 /\\ N\\ /\\", D(2025, 9, 10));

        var action = Assert.Single(Actions(evaluation, "first-day-calling"));
        Assert.Equal(ActionKind.Safeguarding, action.Kind);
        Assert.Equal(D(2025, 9, 9), action.Date);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("2025-09-09 AM marked N", action.Evidence);
        Assert.Single(action.FollowUps);

        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ N\\ /\\", D(2025, 9, 8)), "first-day-calling"));
    }

    [Fact]
    public void An_O_or_a_G_day_is_not_a_first_day_call()
    {
        Assert.Empty(Actions(Evaluate("2025-09-08 OO GG /\\", D(2025, 9, 10)), "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_falls_due_on_every_day_of_an_unexplained_absence()
    {
        var actions = Actions(Evaluate("2025-09-08 NN NN NN NN NN /\\", D(2025, 9, 15)), "first-day-calling");

        Assert.Equal([8, 9, 10, 11, 12], actions.Select(a => a.Date.Day));
        Assert.All(actions, a => Assert.Equal(SessionOfDay.AM, a.Session));
    }

    // ---- attendance-target-contact: year-to-date attendance below 95.5% ----

    /// <summary>
    /// 95 school days present from 1 September 2025 (half-term 27–31 October, Christmas 22 December
    /// to 2 January), Monday 2 February AM present: 191 present; then 9 sessions of I to Friday 6
    /// February: 191 of 200, exactly 95.5%. Then the given days from Monday 9 February.
    /// </summary>
    private static string ExactlyTargetThen(string fromMonday9February) =>
        "2025-09-01 " + Days(P, 40) + " ~5 " + Days(P, 35) + " ~10 " + Days(P, 20) + " /I " + Days("II", 4) + " 2026-02-09 " + fromMonday9February;

    [Fact]
    public void Contact_falls_due_when_attendance_first_falls_below_the_95_5_percent_target()
    {
        var register = ExactlyTargetThen("II " + Days(P, 4));

        var evaluation = Evaluate(register, D(2026, 2, 13));

        var action = Assert.Single(Actions(evaluation, "attendance-target-contact"));
        Assert.Equal(ActionKind.Letter, action.Kind);
        Assert.Null(action.Stage);
        Assert.Equal(D(2026, 2, 9), action.Date);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("attendance 95.02% (191 of 201 possible sessions) this academic year fell below 95.5%", action.Evidence);

        Assert.Empty(Actions(Evaluate(register, D(2026, 2, 8)), "attendance-target-contact"));
    }

    [Fact]
    public void Attendance_of_exactly_95_5_percent_is_not_below_the_target()
    {
        var register = ExactlyTargetThen(Days(P, 5));

        var atTarget = Evaluate(register, D(2026, 2, 6));
        Assert.Equal(95.50m, atTarget.Figures.AttendancePercent);
        Assert.Empty(Actions(atTarget, "attendance-target-contact"));
        Assert.Empty(Actions(Evaluate(register, D(2026, 2, 13)), "attendance-target-contact"));
    }

    [Fact]
    public void Contact_below_the_target_and_the_stage_1_letter_below_95_percent_are_separate_rules()
    {
        // 191 of 201 (95.02%) on Monday 9 February AM: contact; 191 of 202 (94.55%) at PM: stage 1.
        var register = ExactlyTargetThen("II " + Days(P, 4));

        var evaluation = Evaluate(register, D(2026, 2, 13));

        Assert.Equal(
            [("attendance-target-contact", SessionOfDay.AM), ("attendance-concern", SessionOfDay.PM)],
            evaluation.Actions.Where(a => a.Date == D(2026, 2, 9)).Select(a => (a.RuleId, a.Session)));
        Assert.Equal("attendance 94.55% (191 of 202 possible sessions) fell below 95%", Assert.Single(Actions(evaluation, "attendance-concern")).Evidence);
        Assert.Empty(Actions(Evaluate(ExactlyTargetThen("I-"), D(2026, 2, 9)), "attendance-concern"));
    }

    [Fact]
    public void Contact_below_the_target_is_made_once_per_academic_year_with_no_grace_period()
    {
        // Monday 1 September AM absent: 0 of 1, contact at once. 21 sessions present lift attendance
        // to 22 of 23 (95.65%) on Tuesday 16 September AM; PM absent: 22 of 24, below again, no
        // second contact. The next year, Tuesday 8 September 2026 AM: 2 of 3, contact again.
        var register = "2025-09-01 I\\ " + Days(P, 10) + " /I " + Days(P, 3) + " 2026-09-07 /\\ I\\ " + Days(P, 3);

        var actions = Actions(Evaluate(register, D(2026, 9, 11)), "attendance-target-contact");

        Assert.Equal([(D(2025, 9, 1), SessionOfDay.AM), (D(2026, 9, 8), SessionOfDay.AM)], actions.Select(a => (a.Date, a.Session)));
        Assert.Equal("attendance 0.00% (0 of 1 possible sessions) this academic year fell below 95.5%", actions[0].Evidence);
    }

    // ---- attendance-concern: stage 1 below 95%; stage 3 when attendance falls below its value at stage 1 ----

    /// <summary>Nine days present, Friday 12 September "/I" (19 of 20, exactly 95%), then the given days from Monday 15 September.</summary>
    private static string ExactlyNinetyFiveThen(string fromMonday15September) => "2025-09-01 " + Days(P, 9) + " /I " + fromMonday15September;

    [Fact]
    public void The_stage_1_letter_falls_due_when_attendance_first_falls_below_95_percent()
    {
        var register = ExactlyNinetyFiveThen("I\\ " + Days(P, 4));

        var evaluation = Evaluate(register, D(2025, 9, 19));

        var action = Assert.Single(Actions(evaluation, "attendance-concern"));
        Assert.Equal(ActionKind.Letter, action.Kind);
        Assert.Equal(1, action.Stage);
        Assert.Equal(D(2025, 9, 15), action.Date);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("Write to you if your child's attendance is below 95% (Stage 1)", action.Title);
        Assert.Equal("attendance 90.48% (19 of 21 possible sessions) fell below 95%", action.Evidence);
        Assert.Equal(
            [
                "Arrange a meeting to discuss the situation with our Senior Attendance Champion (Stage 2)",
                "Create a personalised action/support plan, such as an attendance contract",
                "Offer signposting support to other agencies or services",
            ],
            action.FollowUps.Select(f => f.Title));

        Assert.Empty(Actions(Evaluate(register, D(2025, 9, 14)), "attendance-concern"));
    }

    [Fact]
    public void Attendance_of_exactly_95_percent_is_not_below_95_percent_though_it_is_below_the_target()
    {
        var evaluation = Evaluate(ExactlyNinetyFiveThen(Days(P, 5)), D(2025, 9, 19));

        Assert.Empty(Actions(evaluation, "attendance-concern"));
        var contact = Assert.Single(Actions(evaluation, "attendance-target-contact"));
        Assert.Equal((D(2025, 9, 12), SessionOfDay.PM), (contact.Date, contact.Session));
    }

    /// <summary>
    /// Stage 1 on Monday 15 September AM at 19 of 21; the day ends at 20 of 22 (90.91%), stage 1's
    /// value. Present to Friday 26 September (38 of 40); Monday 29 and Tuesday 30 September "/I" bring
    /// it back to exactly 40 of 44 without going below; then Wednesday 1 October as given.
    /// </summary>
    private static string StageOneThenBackToItsValue(string wednesday1October) =>
        ExactlyNinetyFiveThen("I\\ " + Days(P, 9) + " /I /I " + wednesday1October + " " + Days(P, 3));

    [Fact]
    public void Stage_3_refers_to_the_LA_when_attendance_falls_below_its_value_at_stage_1()
    {
        var register = StageOneThenBackToItsValue("I\\");

        var evaluation = Evaluate(register, D(2025, 10, 3));

        var actions = Actions(evaluation, "attendance-concern");
        Assert.Equal([1, 3], actions.Select(a => a.Stage!.Value));
        var stage3 = actions[1];
        Assert.Equal(ActionKind.Referral, stage3.Kind);
        Assert.Equal(D(2025, 10, 1), stage3.Date);
        Assert.Equal(SessionOfDay.AM, stage3.Session);
        Assert.Equal("Refer the matter to the Local Authority for relevant legal sanctions (Stage 3)", stage3.Title);
        Assert.Equal("attendance 88.89% (40 of 45 possible sessions) is below 90.91% (20 of 22) at stage 1 on 2025-09-15", stage3.Evidence);
        Assert.Empty(stage3.FollowUps);

        Assert.Equal([1], Actions(Evaluate(register, D(2025, 9, 30)), "attendance-concern").Select(a => a.Stage!.Value));
    }

    [Fact]
    public void Attendance_back_at_exactly_its_stage_1_value_is_not_referred()
    {
        Assert.Equal([1], Actions(Evaluate(StageOneThenBackToItsValue(P), D(2025, 10, 3)), "attendance-concern").Select(a => a.Stage!.Value));
    }

    [Fact]
    public void Stage_1s_value_is_taken_at_the_end_of_its_day_so_the_afternoon_of_the_same_absence_is_no_decline()
    {
        // Regression (issue 13): Monday 15 September, stage 1 at AM (19 of 21); PM absent too, the day
        // ends at 19 of 22. Present all week: 20 of 23 on Tuesday AM is above 19 of 22, so no stage 3
        // (it was referred on Tuesday when stage 1's value was taken at its morning session).
        var register = ExactlyNinetyFiveThen("II " + Days(P, 4) + " II");

        Assert.Equal([1], Actions(Evaluate(register, D(2025, 9, 19)), "attendance-concern").Select(a => a.Stage!.Value));

        // Absent all the next Monday: 27 of 31 (87.10%) at AM is still above 86.36%; 27 of 32 at PM is below.
        var stage3 = Actions(Evaluate(register, D(2025, 9, 22)), "attendance-concern")[1];
        Assert.Equal((D(2025, 9, 22), SessionOfDay.PM), (stage3.Date, stage3.Session));
        Assert.Equal("attendance 84.38% (27 of 32 possible sessions) is below 86.36% (19 of 22) at stage 1 on 2025-09-15", stage3.Evidence);
    }

    [Fact]
    public void Each_stage_falls_due_once_per_academic_year_and_stage_1_again_the_next_year()
    {
        var register = StageOneThenBackToItsValue("I\\") + " " + Days("II", 5) + " 2026-09-07 I\\ " + Days(P, 4);

        var actions = Actions(Evaluate(register, D(2026, 9, 11)), "attendance-concern");

        Assert.Equal([(D(2025, 9, 15), 1), (D(2025, 10, 1), 3), (D(2026, 9, 7), 1)], actions.Select(a => (a.Date, a.Stage!.Value)));
        Assert.Equal("attendance 0.00% (0 of 1 possible sessions) fell below 95%", actions[2].Evidence);
    }
}
