using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

using static Attendance.Rules.Tests.Evaluation.Scenarios.Scenario;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// Stanborough School's rules, each on registers in the compact notation. The national rules it
/// inherits unchanged (la-sickness-return, deletion-review, n-code-unresolved) run against this
/// policy in <see cref="NationalScenarioTests"/>. Expected dates and figures are worked out by hand.
/// </summary>
public class StanboroughScenarioTests
{
    private static readonly Lazy<CompiledPolicy> Compiled = new(() => PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml"))));

    private static PupilEvaluation Evaluate(string notation, LocalDate asOf) => Compiled.Value.Evaluate(RegisterNotation.Parse(notation), asOf);

    [Fact]
    public void Stanborough_has_the_rules_these_scenarios_cover()
    {
        Assert.Equal(
            [
                "penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved",
                "first-day-calling", "la-no-contact-10th-day", "attendance-concern",
            ],
            Compiled.Value.Policy.Rules.Select(r => r.Id));
    }

    // ---- penalty-notice-threshold: 10 sessions of G, O or U (not N) within a rolling 10 school weeks ----

    [Fact]
    public void Ten_sessions_of_G_O_or_U_make_a_penalty_notice_hit_on_the_tenth()
    {
        // Week of 8 Sep: G, O, U, O, O; week of 15 Sep: G, U, U, O; Tuesday 23 Sep AM: O.
        var register = "2025-09-01 " + Days(P, 5) + " GO U\\ /\\ OO /\\ /\\ G\\ UU /\\ /O /\\ O\\ " + Days(P, 3);

        var evaluation = Evaluate(register, D(2025, 9, 26));

        var hit = Assert.Single(Hits(evaluation, "penalty-notice-threshold"));
        Assert.Equal(D(2025, 9, 23), hit.Date);
        Assert.Equal(D(2025, 9, 1), hit.FirstWeek);
        Assert.Equal(D(2025, 9, 22), hit.LastWeek);
        Assert.Equal(10, hit.Sessions);
        var action = Assert.Single(Actions(evaluation, "penalty-notice-threshold"));
        Assert.Equal(ActionKind.Referral, action.Kind);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("A penalty notice must be considered", action.Title);
        Assert.StartsWith("10 sessions of G, O, U in the 10 school weeks 1 Sep 2025–28 Sep 2025 reached 10: 2025-09-08 AM G, 2025-09-08 PM O, 2025-09-09 AM U,", action.Evidence, StringComparison.Ordinal);
        Assert.Contains("2025-09-19 PM O, 2025-09-23 AM O; if a penalty notice is issued:", action.Evidence, StringComparison.Ordinal);

        Assert.Empty(Hits(Evaluate(register, D(2025, 9, 22)), "penalty-notice-threshold"));
    }

    [Fact]
    public void An_N_session_does_not_count_towards_the_schools_penalty_notice_threshold()
    {
        // Nine O and one N by Friday 12 September (a national hit); here the tenth G, O or U
        // session is Monday 15 September AM, and the N is not among the sessions counted.
        var register = "2025-09-01 " + Days(P, 5) + " NO " + Days("OO", 4) + " O\\ " + Days(P, 4);

        Assert.Empty(Hits(Evaluate(register, D(2025, 9, 12)), "penalty-notice-threshold"));
        var hit = Assert.Single(Hits(Evaluate(register, D(2025, 9, 19)), "penalty-notice-threshold"));
        Assert.Equal(D(2025, 9, 15), hit.Date);
        Assert.DoesNotContain(Am(2025, 9, 8), hit.CountedSessions);
        Assert.Equal(Pm(2025, 9, 8), hit.CountedSessions[0]);
        Assert.Equal(Am(2025, 9, 15), hit.CountedSessions[^1]);
    }

    [Fact]
    public void Twenty_U_sessions_in_a_row_make_two_penalty_notice_hits_with_disjoint_sessions()
    {
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("UU", 10) + " " + Days(P, 5);

        var hits = Hits(Evaluate(register, D(2025, 9, 26)), "penalty-notice-threshold");

        Assert.Equal([D(2025, 9, 12), D(2025, 9, 19)], hits.Select(h => h.Date));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(20, hits.Sum(h => h.Sessions));
    }

    // ---- la-attendance-return: 20 sessions of G, N, O or U in the academic year ----

    /// <summary>One unauthorised morning a day from 8 September (G, N, O, U in turn); the 20th is Friday 3 October.</summary>
    private static string OneMorningADay(string friday3October) =>
        "2025-09-01 " + Days(P, 5) + " " + Days("G\\ N\\ O\\ U\\", 4) + " G\\ N\\ O\\ " + friday3October + " " + Days(P, 5);

    [Fact]
    public void Twenty_unauthorised_sessions_either_consecutive_or_irregular_are_reported_to_the_LA_on_the_twentieth()
    {
        var register = OneMorningADay("U\\");

        var evaluation = Evaluate(register, D(2025, 10, 10));

        var hit = Assert.Single(Hits(evaluation, "la-attendance-return"));
        Assert.Equal(D(2025, 10, 3), hit.Date);
        Assert.Equal(D(2025, 9, 8), hit.FirstWeek);
        Assert.Equal(D(2025, 9, 29), hit.LastWeek);
        Assert.Equal(20, hit.Sessions);
        var action = Assert.Single(Actions(evaluation, "la-attendance-return"));
        Assert.Equal(ActionKind.Notification, action.Kind);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.StartsWith("20 sessions of G, N, O, U in the academic year 2025/26 reached 20: 2025-09-08 AM G, 2025-09-09 AM N, 2025-09-10 AM O, 2025-09-11 AM U,", action.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("2025-10-03 AM U", action.Evidence, StringComparison.Ordinal);

        Assert.Empty(Hits(Evaluate(register, D(2025, 10, 2)), "la-attendance-return"));
    }

    [Fact]
    public void Nineteen_unauthorised_sessions_and_an_authorised_one_are_not_reported()
    {
        Assert.Empty(Hits(Evaluate(OneMorningADay("I\\"), D(2025, 10, 10)), "la-attendance-return"));
    }

    [Fact]
    public void Unauthorised_sessions_of_the_previous_academic_year_do_not_count()
    {
        // 19 in July 2025 and one in September 2025.
        var register = "2025-07-07 " + Days("OO", 9) + " O\\ 2025-09-01 U\\ " + Days(P, 4);

        Assert.Empty(Hits(Evaluate(register, D(2025, 9, 5)), "la-attendance-return"));
    }

    [Fact]
    public void Forty_unauthorised_sessions_make_two_reports_from_disjoint_sessions()
    {
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("OO", 20) + " " + Days(P, 5);

        var hits = Hits(Evaluate(register, D(2025, 10, 10)), "la-attendance-return");

        Assert.Equal([D(2025, 9, 19), D(2025, 10, 3)], hits.Select(h => h.Date));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(Am(2025, 9, 22), hits[1].CountedSessions[0]);
    }

    // ---- first-day-calling: a call on every school day with an N ----

    [Fact]
    public void First_day_calling_falls_due_on_the_session_marked_N()
    {
        var evaluation = Evaluate("2025-09-08 /\\ /\\ /N /\\ /\\", D(2025, 9, 12));

        var action = Assert.Single(Actions(evaluation, "first-day-calling"));
        Assert.Equal(ActionKind.Safeguarding, action.Kind);
        Assert.Equal(D(2025, 9, 10), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("2025-09-10 PM marked N", action.Evidence);
        Assert.Equal("Telephone emergency contact numbers, send letters home, and a home visit may be made", Assert.Single(action.FollowUps).Title);

        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ /\\ /-", D(2025, 9, 10)), "first-day-calling"));
    }

    [Fact]
    public void Absences_with_other_unauthorised_codes_do_not_call_for_a_first_day_call()
    {
        Assert.Empty(Actions(Evaluate("2025-09-08 OO GG UU I\\ /\\", D(2025, 9, 12)), "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_falls_due_every_school_day_with_an_N_once_a_day()
    {
        var actions = Actions(Evaluate("2025-09-08 NN NN /N /\\ N\\", D(2025, 9, 12)), "first-day-calling");

        Assert.Equal(
            [(D(2025, 9, 8), SessionOfDay.AM), (D(2025, 9, 9), SessionOfDay.AM), (D(2025, 9, 10), SessionOfDay.PM), (D(2025, 9, 12), SessionOfDay.AM)],
            actions.Select(a => (a.Date, a.Session)));
    }

    // ---- la-no-contact-10th-day: 10 school days in a row, every session N or O ----

    [Fact]
    public void The_LA_is_informed_on_the_tenth_day_of_absence_with_no_contact()
    {
        var register = "2025-09-01 " + Days(P, 5) + " NN NN NO " + Days("OO", 7) + " " + Days(P, 5);

        var evaluation = Evaluate(register, D(2025, 9, 26));

        var action = Assert.Single(Actions(evaluation, "la-no-contact-10th-day"));
        Assert.Equal(ActionKind.Notification, action.Kind);
        Assert.Equal(D(2025, 9, 19), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("10 consecutive school days (2025-09-08 to 2025-09-19) with every session N, O reached 10", action.Evidence);

        Assert.Empty(Actions(Evaluate(register, D(2025, 9, 18)), "la-no-contact-10th-day"));
    }

    [Fact]
    public void Nine_days_without_contact_then_a_day_of_G_is_not_ten_days_without_contact()
    {
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("NO", 9) + " GG " + Days("OO", 9) + " UU";

        Assert.Empty(Actions(Evaluate(register, D(2025, 10, 3)), "la-no-contact-10th-day"));
    }

    [Fact]
    public void The_LA_is_informed_of_no_contact_once_per_academic_year()
    {
        var register = string.Join(' ',
            "2025-09-01", Days(P, 5), Days("NN", 10), Days(P, 5),
            "2025-11-03", Days("OO", 10), Days(P, 5),
            "2026-09-07", Days("NO", 10), Days(P, 5));

        var actions = Actions(Evaluate(register, D(2026, 9, 25)), "la-no-contact-10th-day");

        Assert.Equal([D(2025, 9, 19), D(2026, 9, 18)], actions.Select(a => a.Date));
    }

    // ---- attendance-concern: stage 1 below 96%; stage 2 when attendance falls below its value at stage 1 ----

    private static readonly string[] StageOneFollowUps =
    [
        "Arrange a meeting with the relevant pastoral team member",
        "Consider and offer reasonable adjustments",
        "Offer a Families First Assessment",
        "Create a personalised robust support plan, such as an attendance contract",
        "Offer signposting support to other agencies or services",
    ];

    /// <summary>24 days present, then Friday 3 October "II" (48 of 50, exactly 96%), then the given days from Monday 6 October.</summary>
    private static string ExactlyNinetySixThen(string fromMonday6October) =>
        "2025-09-01 " + Days(P, 24) + " II 2025-10-06 " + fromMonday6October;

    [Fact]
    public void The_stage_1_letter_falls_due_when_attendance_first_falls_below_96_percent()
    {
        var register = ExactlyNinetySixThen("I\\ " + Days(P, 4));

        var evaluation = Evaluate(register, D(2025, 10, 10));

        var action = Assert.Single(Actions(evaluation, "attendance-concern"));
        Assert.Equal(ActionKind.Letter, action.Kind);
        Assert.Equal(1, action.Stage);
        Assert.Equal(D(2025, 10, 6), action.Date);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("attendance 94.12% (48 of 51 possible sessions) fell below 96%", action.Evidence);
        Assert.Equal(StageOneFollowUps, action.FollowUps.Select(f => f.Title));

        Assert.Empty(Actions(Evaluate(register, D(2025, 10, 5)), "attendance-concern"));
    }

    [Fact]
    public void Attendance_of_exactly_96_percent_is_not_below_96_percent()
    {
        var register = ExactlyNinetySixThen(Days(P, 10));

        var evaluation = Evaluate(register, D(2025, 10, 3));
        Assert.Equal(96.00m, evaluation.Figures.AttendancePercent);
        Assert.Empty(Actions(evaluation, "attendance-concern"));
        Assert.Empty(Actions(Evaluate(register, D(2025, 10, 17)), "attendance-concern"));
    }

    /// <summary>
    /// Stage 1 on Monday 6 October AM at 48 of 51; 16 sessions present to Thursday 16 October AM
    /// (64 of 67); Thursday PM absent: 64 of 68, exactly 48 of 51; then Friday 17 October.
    /// </summary>
    /// <summary>
    /// Stage 1 on Monday 6 October AM (48 of 51); the day ends at 49 of 52 (94.23%), stage 1's value.
    /// 23 days present, then three days "/I" bring Tuesday 11 November back to exactly 98 of 104 = 49
    /// of 52 without ever going below; then Wednesday 12 November as given, and a week present.
    /// </summary>
    private static string StageOneThenBackToItsValue(string wednesday12November) =>
        ExactlyNinetySixThen("I\\ " + Days(P, 23) + " /I /I /I " + wednesday12November + " " + Days(P, 5));

    [Fact]
    public void Stage_2_falls_due_when_attendance_falls_below_its_value_at_stage_1()
    {
        var register = StageOneThenBackToItsValue("I\\");

        var evaluation = Evaluate(register, D(2025, 11, 19));

        var actions = Actions(evaluation, "attendance-concern");
        Assert.Equal([1, 2], actions.Select(a => a.Stage!.Value));
        var stage2 = actions[1];
        Assert.Equal(ActionKind.Referral, stage2.Kind);
        Assert.Equal(D(2025, 11, 12), stage2.Date);
        Assert.Equal(SessionOfDay.AM, stage2.Session);
        Assert.Equal("Seek advice from the Local Authority Statutory Attendance Support Team and consider appropriate legal sanctions", stage2.Title);
        Assert.Equal("attendance 93.33% (98 of 105 possible sessions) is below 94.23% (49 of 52) at stage 1 on 2025-10-06", stage2.Evidence);
        Assert.Equal("Consider making safeguarding visit to your home", Assert.Single(stage2.FollowUps).Title);

        Assert.Equal([1], Actions(Evaluate(register, D(2025, 11, 11)), "attendance-concern").Select(a => a.Stage!.Value));
    }

    [Fact]
    public void Attendance_back_at_exactly_its_stage_1_value_has_not_deteriorated()
    {
        var evaluation = Evaluate(StageOneThenBackToItsValue(P), D(2025, 11, 19));

        Assert.Equal([1], Actions(evaluation, "attendance-concern").Select(a => a.Stage!.Value));
    }

    [Fact]
    public void Stage_1s_value_is_taken_at_the_end_of_its_day_so_the_afternoon_of_the_same_absence_is_no_decline()
    {
        // Regression (issue 13): Monday 6 October, stage 1 at AM (48 of 51); PM absent too, the day
        // ends at 48 of 52. Present every day after: 49 of 53 on Tuesday AM is above 48 of 52, so no
        // stage 2 (it fell due on Tuesday when stage 1's value was taken at its morning session).
        var register = ExactlyNinetySixThen("II " + Days(P, 4) + " I\\");

        Assert.Equal([1], Actions(Evaluate(register, D(2025, 10, 10)), "attendance-concern").Select(a => a.Stage!.Value));

        // An absence the next Monday morning takes it below 48 of 52: 56 of 61 is 91.80%, below 92.31%.
        var stage2 = Actions(Evaluate(register, D(2025, 10, 13)), "attendance-concern")[1];
        Assert.Equal(D(2025, 10, 13), stage2.Date);
        Assert.Equal(SessionOfDay.AM, stage2.Session);
        Assert.Equal("attendance 91.80% (56 of 61 possible sessions) is below 92.31% (48 of 52) at stage 1 on 2025-10-06", stage2.Evidence);
    }

    [Fact]
    public void Each_stage_falls_due_once_per_academic_year_and_stage_1_again_the_next_year()
    {
        // Stage 1 on 6 October AM (48 of 51; 49 of 52 at the day's end). 25 sessions present lift attendance to 73 of 76
        // (96.05%); Thursday 23 October AM absent: 73 of 77 (94.81%), below 96% again but no second
        // letter, and not below 49 of 52, so no stage 2. Stage 2 on 12 November in a second register
        // never repeats however far attendance falls. The next year the first absence is a letter.
        var recovered = ExactlyNinetySixThen("I\\ " + Days(P, 12) + " I\\ /\\ 2026-09-07 /I " + Days(P, 4));
        var fallingFurther = StageOneThenBackToItsValue("I\\") + " " + Days("II", 5);

        var actions = Actions(Evaluate(recovered, D(2026, 9, 11)), "attendance-concern");
        Assert.Equal([(D(2025, 10, 6), 1), (D(2026, 9, 7), 1)], actions.Select(a => (a.Date, a.Stage!.Value)));
        Assert.Equal("attendance 50.00% (1 of 2 possible sessions) fell below 96%", actions[1].Evidence);
        Assert.Equal(SessionOfDay.PM, actions[1].Session);
        Assert.Equal([1, 2], Actions(Evaluate(fallingFurther, D(2025, 11, 28)), "attendance-concern").Select(a => a.Stage!.Value));
    }

    // ---- new-pupil-return: the first session after Z ----

    [Fact]
    public void A_new_entry_is_notified_from_the_first_session_after_Z()
    {
        var register = "2025-09-01 " + Days("ZZ", 8) + " " + Days(P, 7);

        var evaluation = Evaluate(register, D(2025, 9, 19));

        var action = Assert.Single(Actions(evaluation, "new-pupil-return"));
        Assert.Equal(ActionKind.Notification, action.Kind);
        Assert.Equal(D(2025, 9, 11), action.Date);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("2025-09-11 AM / follows a session marked Z: a new entry to the admission register; due by the end of 2025-09-16, the 5th day after", action.Evidence);

        Assert.Empty(Actions(Evaluate(register, D(2025, 9, 10)), "new-pupil-return"));
    }

    [Fact]
    public void A_pupil_who_joins_at_lunchtime_is_a_new_entry_from_the_afternoon()
    {
        var action = Assert.Single(Actions(Evaluate("2025-09-08 ZZ Z\\ /\\", D(2025, 9, 10)), "new-pupil-return"));

        Assert.Equal(D(2025, 9, 9), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
    }

    [Fact]
    public void No_new_entry_while_the_pupil_is_still_Z_or_was_on_roll_from_the_start()
    {
        Assert.Empty(Actions(Evaluate("2025-09-01 " + Days("ZZ", 10), D(2025, 9, 12)), "new-pupil-return"));
        Assert.Empty(Actions(Evaluate("2025-09-01 " + Days(P, 10), D(2025, 9, 12)), "new-pupil-return"));
    }

    [Fact]
    public void Each_new_entry_is_notified()
    {
        // Z, on roll, Z again, on roll again: each entry to the admission register is a new entry.
        var register = "2025-09-01 ZZ ZZ /\\ /\\ ZZ /\\ 2026-09-07 ZZ /\\";

        var actions = Actions(Evaluate(register, D(2026, 9, 8)), "new-pupil-return");

        Assert.Equal([D(2025, 9, 3), D(2025, 9, 8), D(2026, 9, 8)], actions.Select(a => a.Date));
    }

    [Fact]
    public void With_an_admission_date_the_new_entry_is_notified_on_it()
    {
        var register = Attendance.Rules.Registers.PupilRegister.Create("p1", RegisterNotation.Marks("2025-09-08 ZZ ZZ /\\ /\\"), "8", Attendance.Rules.Registers.PupilRoll.Create(admissionDate: D(2025, 9, 10)));

        var action = Assert.Single(Actions(Compiled.Value.Evaluate(register, D(2025, 9, 12)), "new-pupil-return"));

        Assert.Equal(D(2025, 9, 10), action.Date);
        Assert.Equal("admitted on 2025-09-10 (the admission date); due by the end of 2025-09-15, the 5th day after", action.Evidence);
    }
}
