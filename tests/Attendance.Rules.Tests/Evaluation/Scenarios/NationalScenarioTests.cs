using System.Collections.Concurrent;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

using static Attendance.Rules.Tests.Evaluation.Scenarios.Scenario;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// The national base (england-2024), rule by rule, on registers in the compact notation. The rules
/// the schools inherit unchanged (sickness return, deletion review, unresolved N, and at Hall Green
/// the 10-day attendance return) are run against each inheriting policy too. Every expected date and
/// figure is worked out by hand from engine-semantics.md and decisions.md.
/// </summary>
public class NationalScenarioTests
{
    private const string National = "england-2024";
    private static readonly ConcurrentDictionary<string, CompiledPolicy> Compiled = new(StringComparer.Ordinal);

    public static TheoryData<string> AllThree => new() { National, "stanborough", "hall-green-primary" };

    public static TheoryData<string> WithTheNationalAttendanceReturn => new() { National, "hall-green-primary" };

    private static CompiledPolicy Policy(string id) => Compiled.GetOrAdd(id, i => PolicyEvaluator.Compile(
        i == National ? PolicyLoader.LoadEmbedded(National) : PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, i + ".yaml"))));

    private static PupilEvaluation Evaluate(string notation, LocalDate asOf, string policy = National, SchoolCalendar? calendar = null) =>
        Policy(policy).Evaluate(RegisterNotation.Parse(notation), asOf, calendar);

    /// <summary>A school week from its Monday: the Monday's token, then present Tuesday to Friday.</summary>
    private static string Week(string monday, string mondayToken) => $"{monday} {mondayToken} {Days(P, 4)}";

    [Fact]
    public void The_national_base_has_the_five_rules_these_scenarios_cover()
    {
        Assert.Equal(
            ["penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved"],
            Policy(National).Policy.Rules.Select(r => r.Id));
    }

    [Theory]
    [InlineData("stanborough", "la-sickness-return")]
    [InlineData("stanborough", "deletion-review")]
    [InlineData("stanborough", "n-code-unresolved")]
    [InlineData("hall-green-primary", "la-attendance-return")]
    [InlineData("hall-green-primary", "la-sickness-return")]
    [InlineData("hall-green-primary", "deletion-review")]
    [InlineData("hall-green-primary", "n-code-unresolved")]
    public void A_school_inherits_these_national_rules_unchanged(string school, string ruleId)
    {
        var national = Policy(National).Policy.FindRule(ruleId);
        Assert.NotNull(national);
        Assert.Equal(national, Policy(school).Policy.FindRule(ruleId));
    }

    [Fact]
    public void A_school_policy_that_only_extends_the_national_base_gives_the_same_actions_and_hits()
    {
        var tiny = PolicyEvaluator.Compile(PolicyLoader.LoadFromString("""
            id: tiny-school
            version: "1"
            name: Tiny School
            document: { title: Tiny policy }
            extends: england-2024
            """, "tiny-school.yaml"));
        var register = RegisterNotation.Parse("2025-09-01 " + Days(P, 5) + " NO " + Days("OO", 19) + " " + Days(P, 5));
        var asOf = D(2025, 10, 10);

        var viaSchool = tiny.Evaluate(register, asOf);
        var direct = Policy(National).Evaluate(register, asOf);

        Assert.Equal(direct.Actions, viaSchool.Actions);
        Assert.Equal(direct.ThresholdHits, viaSchool.ThresholdHits);
        Assert.Equal(
            ["penalty-notice-threshold", "n-code-unresolved", "penalty-notice-threshold", "la-attendance-return", "penalty-notice-threshold", "penalty-notice-threshold", "deletion-review"],
            viaSchool.Actions.Select(a => a.RuleId));
    }

    // ---- penalty-notice-threshold: 10 sessions of G, N, O or U within a rolling 10 school weeks ----

    /// <summary>
    /// One unauthorised session a week: Mondays 15 September to 17 November 2025 (half-term 27–31
    /// October has no marks), then the tenth on Wednesday 26 November PM. Ten school weeks, 15
    /// September to 24 November, because the half-term week is not a school week.
    /// </summary>
    private static string TenAcrossHalfTerm(string firstTwoWeeks, string halfTermWeek, string lastWeek) =>
        string.Join(' ',
            "2025-09-01", firstTwoWeeks,
            Week("2025-09-15", "O\\"), Week("2025-09-22", "G\\"), Week("2025-09-29", "U\\"), Week("2025-10-06", "N\\"),
            Week("2025-10-13", "O\\"), Week("2025-10-20", "G\\"), halfTermWeek,
            Week("2025-11-03", "U\\"), Week("2025-11-10", "O\\"), Week("2025-11-17", "G\\"),
            "2025-11-24", lastWeek);

    private static readonly string TenInTenSchoolWeeks = TenAcrossHalfTerm(Days(P, 10), string.Empty, "/\\ /\\ /U /\\ /\\");

    [Fact]
    public void Ten_unauthorised_sessions_in_ten_school_weeks_across_half_term_make_one_hit_on_the_tenth_session()
    {
        var evaluation = Evaluate(TenInTenSchoolWeeks, D(2025, 11, 28));

        var hit = Assert.Single(Hits(evaluation, "penalty-notice-threshold"));
        Assert.Equal(D(2025, 11, 26), hit.Date);
        Assert.Equal(D(2025, 9, 15), hit.FirstWeek);
        Assert.Equal(D(2025, 11, 24), hit.LastWeek);
        Session[] counted =
        [
            Am(2025, 9, 15), Am(2025, 9, 22), Am(2025, 9, 29), Am(2025, 10, 6), Am(2025, 10, 13),
            Am(2025, 10, 20), Am(2025, 11, 3), Am(2025, 11, 10), Am(2025, 11, 17), Pm(2025, 11, 26),
        ];
        Assert.Equal(counted, hit.CountedSessions);

        var action = Assert.Single(Actions(evaluation, "penalty-notice-threshold"));
        Assert.Equal(ActionKind.Referral, action.Kind);
        Assert.Null(action.Stage);
        Assert.Equal(D(2025, 11, 26), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal(counted, action.Sessions);
        Assert.StartsWith("10 unauthorised sessions (G, N, O, U) in the 10 school weeks 15 Sep 2025–30 Nov 2025 reached 10: 2025-09-15 AM O, 2025-09-22 AM G, 2025-09-29 AM U, 2025-10-06 AM N,", action.Evidence, StringComparison.Ordinal);
        Assert.Contains("2025-11-17 AM G, 2025-11-26 PM U; if a penalty notice is issued: no earlier notice: a first notice", action.Evidence, StringComparison.Ordinal);
        Assert.Equal("A notice to improve may come first, with an improvement period of 3 to 6 weeks", Assert.Single(action.FollowUps).Title);
    }

    [Fact]
    public void The_penalty_notice_threshold_is_not_reached_a_session_before_the_tenth()
    {
        // The day before, and the same day with the register one session short (Wednesday AM only).
        Assert.Empty(Evaluate(TenInTenSchoolWeeks, D(2025, 11, 25)).ThresholdHits);
        var oneShort = TenAcrossHalfTerm(Days(P, 10), string.Empty, "/\\ /\\ /-");
        Assert.Empty(Evaluate(oneShort, D(2025, 11, 26)).ThresholdHits);
        Assert.DoesNotContain(Evaluate(oneShort, D(2025, 11, 26)).Actions, a => a.RuleId == "penalty-notice-threshold");
    }

    [Fact]
    public void The_same_ten_sessions_spread_over_eleven_school_weeks_make_no_hit()
    {
        // The first session moves back a week, to Monday 8 September; the window seen from 26
        // November (24 November and the 9 school weeks before it) starts on 22 September.
        var register = TenAcrossHalfTerm(Days(P, 5) + " " + Week("2025-09-08", "O\\"), string.Empty, "/\\ /\\ /U /\\ /\\")
            .Replace(Week("2025-09-15", "O\\"), Week("2025-09-15", P), StringComparison.Ordinal);
        Assert.Equal(10, RegisterNotation.Parse(register).Marks.Count(m => m.Code!.IsUnauthorisedAbsence));

        Assert.Empty(Hits(Evaluate(register, D(2025, 12, 19)), "penalty-notice-threshold"));
    }

    [Fact]
    public void A_half_term_week_with_marks_is_a_school_week_and_pushes_the_first_session_out_of_the_window()
    {
        // The same ten sessions, but the pupil was marked present in the week of 27 October.
        var register = TenAcrossHalfTerm(Days(P, 10), "2025-10-27 " + Days(P, 5), "/\\ /\\ /U /\\ /\\");

        Assert.Empty(Hits(Evaluate(register, D(2025, 11, 28)), "penalty-notice-threshold"));
    }

    /// <summary>
    /// Summer term 2024 on the 2006 codes (G, O, N, U, and the withdrawn H), the summer holiday,
    /// then autumn 2024 on the 2024 codes (O, G, U, N, and the new K and C1).
    /// </summary>
    private static string AcrossTheSummer(string lastWeeks) => string.Join(' ',
        "2024-06-03", Days(P, 10),
        Week("2024-06-17", "GG"), "2024-06-24", Days(P, 5),
        Week("2024-07-01", "O\\"), Week("2024-07-08", "N\\"), "2024-07-15 U\\ /\\ HH HH /\\",
        "2024-09-02 O\\ KK /\\ /\\ /\\", Week("2024-09-09", "G\\"), "2024-09-16 U\\ C1C1 /\\ /\\ /\\", Week("2024-09-23", "O\\"),
        lastWeeks);

    [Fact]
    public void A_window_reaches_back_across_the_summer_holiday_and_the_2024_code_change()
    {
        var register = AcrossTheSummer(Week("2024-09-30", "N\\"));

        var evaluation = Evaluate(register, D(2024, 10, 4));

        var hit = Assert.Single(Hits(evaluation, "penalty-notice-threshold"));
        Assert.Equal(D(2024, 9, 30), hit.Date);
        Assert.Equal(D(2024, 6, 17), hit.FirstWeek);
        Assert.Equal(D(2024, 9, 30), hit.LastWeek);
        Assert.Equal(
            [
                Am(2024, 6, 17), Pm(2024, 6, 17), Am(2024, 7, 1), Am(2024, 7, 8), Am(2024, 7, 15),
                Am(2024, 9, 2), Am(2024, 9, 9), Am(2024, 9, 16), Am(2024, 9, 23), Am(2024, 9, 30),
            ],
            hit.CountedSessions);
        var action = Assert.Single(Actions(evaluation, "penalty-notice-threshold"));
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.StartsWith("10 unauthorised sessions (G, N, O, U) in the 10 school weeks 17 Jun 2024–6 Oct 2024 reached 10: 2024-06-17 AM G, 2024-06-17 PM G, 2024-07-01 AM O,", action.Evidence, StringComparison.Ordinal);

        Assert.Empty(Hits(Evaluate(register, D(2024, 9, 29)), "penalty-notice-threshold"));
    }

    [Fact]
    public void A_week_later_the_June_sessions_have_left_the_window_across_the_summer()
    {
        // The tenth session a school week later (7 October): the window is 24 June to 7 October,
        // which leaves out 17 June's two sessions, so only 8 count.
        var register = AcrossTheSummer("2024-09-30 " + Days(P, 5) + " " + Week("2024-10-07", "N\\"));

        Assert.Empty(Hits(Evaluate(register, D(2024, 10, 11)), "penalty-notice-threshold"));
    }

    [Fact]
    public void Twenty_unauthorised_sessions_in_a_row_make_two_hits_with_no_session_counted_twice()
    {
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("OO", 10) + " " + Days(P, 5);

        var evaluation = Evaluate(register, D(2025, 9, 26));

        var hits = Hits(evaluation, "penalty-notice-threshold");
        Assert.Equal(2, hits.Count);
        Assert.Equal(D(2025, 9, 12), hits[0].Date);
        Assert.Equal(D(2025, 9, 1), hits[0].FirstWeek);
        Assert.Equal(D(2025, 9, 8), hits[0].LastWeek);
        Assert.Equal(D(2025, 9, 19), hits[1].Date);
        Assert.Equal(D(2025, 9, 1), hits[1].FirstWeek);
        Assert.Equal(D(2025, 9, 15), hits[1].LastWeek);
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(
            Enumerable.Range(8, 5).SelectMany(d => new[] { Am(2025, 9, d), Pm(2025, 9, d) }),
            hits[0].CountedSessions);
        Assert.Equal(
            Enumerable.Range(15, 5).SelectMany(d => new[] { Am(2025, 9, d), Pm(2025, 9, d) }),
            hits[1].CountedSessions);
        Assert.Equal(
            [(D(2025, 9, 12), SessionOfDay.PM), (D(2025, 9, 19), SessionOfDay.PM)],
            Actions(evaluation, "penalty-notice-threshold").Select(a => (a.Date, a.Session)));
    }

    [Fact]
    public void After_a_hit_the_count_starts_again_from_fresh_sessions_only()
    {
        // 19 in a row: one hit on the 10th; the 9 left are not enough until a 10th fresh one comes.
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("OO", 9) + " O\\ " + Days(P, 5) + " 2025-09-29 " + Days(P, 2) + " U\\ " + Days(P, 2);

        var hits = Hits(Evaluate(register, D(2025, 10, 3)), "penalty-notice-threshold");

        Assert.Equal(2, hits.Count);
        Assert.Equal(D(2025, 9, 12), hits[0].Date);
        Assert.Equal(D(2025, 10, 1), hits[1].Date);
        Assert.Equal(10, hits[1].Sessions);
        Assert.Equal(Am(2025, 9, 15), hits[1].CountedSessions[0]);
        Assert.Equal(Am(2025, 10, 1), hits[1].CountedSessions[^1]);
        Assert.Single(Hits(Evaluate(register, D(2025, 9, 30)), "penalty-notice-threshold"));
    }

    [Fact]
    public void An_N_session_counts_towards_the_national_threshold()
    {
        // Nine O and one N (Monday 8 September AM): the national codes are G, N, O and U.
        var register = "2025-09-01 " + Days(P, 5) + " NO " + Days("OO", 4) + " " + Days(P, 5);

        var hit = Assert.Single(Hits(Evaluate(register, D(2025, 9, 19)), "penalty-notice-threshold"));

        Assert.Equal(D(2025, 9, 12), hit.Date);
        Assert.Contains(Am(2025, 9, 8), hit.CountedSessions);
    }

    // ---- la-attendance-return: 10 school days in a row, every session G, N, O or U ----

    [Theory]
    [MemberData(nameof(WithTheNationalAttendanceReturn))]
    public void Ten_school_days_of_unauthorised_absence_in_a_row_are_returned_to_the_LA_on_the_tenth(string policy)
    {
        var register = "2025-09-01 " + Days(P, 5) + " GN OU OO UU GG " + Days("OO", 5) + " " + Days(P, 5);

        var evaluation = Evaluate(register, D(2025, 9, 26), policy);

        var action = Assert.Single(Actions(evaluation, "la-attendance-return"));
        Assert.Equal(ActionKind.Notification, action.Kind);
        Assert.Equal(D(2025, 9, 19), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("10 consecutive school days of G, N, O, U to 19 Sep 2025, at least 10", action.Evidence);

        Assert.Empty(Actions(Evaluate(register, D(2025, 9, 18), policy), "la-attendance-return"));
        var oneShort = "2025-09-01 " + Days(P, 5) + " GN OU OO UU GG " + Days("OO", 4) + " O-";
        Assert.Empty(Actions(Evaluate(oneShort, D(2025, 9, 19), policy), "la-attendance-return"));
    }

    [Theory]
    [MemberData(nameof(WithTheNationalAttendanceReturn))]
    public void Nine_days_and_a_half_day_present_do_not_make_an_attendance_return(string policy)
    {
        // An authorised day (I) or a half day present breaks the run.
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("OO", 9) + " O\\ " + Days("OO", 9) + " II " + Days("UU", 9) + " " + P;

        Assert.Empty(Actions(Evaluate(register, D(2025, 10, 17), policy), "la-attendance-return"));
    }

    [Theory]
    [MemberData(nameof(WithTheNationalAttendanceReturn))]
    public void A_half_term_holiday_does_not_break_a_run_of_unauthorised_days(string policy)
    {
        var register = "2025-10-13 " + Days(P, 5) + " " + Days("OO", 5) + " ~5 " + Days("OO", 5) + " " + Days(P, 5);

        var action = Assert.Single(Actions(Evaluate(register, D(2025, 11, 14), policy), "la-attendance-return"));

        Assert.Equal(D(2025, 11, 7), action.Date);
        Assert.Equal("10 consecutive school days of G, N, O, U to 7 Nov 2025, at least 10", action.Evidence);
    }

    [Theory]
    [MemberData(nameof(WithTheNationalAttendanceReturn))]
    public void The_attendance_return_is_made_once_per_academic_year(string policy)
    {
        var register = string.Join(' ',
            "2025-09-01", Days(P, 5), Days("OO", 12), Days(P, 5),
            "2025-11-03", Days("UU", 10), Days(P, 5),
            "2026-09-07", Days("GG", 10), Days(P, 5));

        var actions = Actions(Evaluate(register, D(2026, 9, 25), policy), "la-attendance-return");

        Assert.Equal([D(2025, 9, 19), D(2026, 9, 18)], actions.Select(a => a.Date));
    }

    // ---- la-sickness-return: 15 school days (30 sessions) of I in the academic year ----

    /// <summary>I sessions: 10 from 8 September, 10 from 22 September, 9 from 6 October; then Monday 13 October.</summary>
    private static string IllnessRegister(string monday13October) => string.Join(' ',
        "2025-09-01", Days(P, 5), Days("II", 5), Days(P, 5), Days("II", 5), Days(P, 5), Days("II", 4), "I\\",
        "2025-10-13", monday13October, Days(P, 4));

    [Theory]
    [MemberData(nameof(AllThree))]
    public void The_sickness_return_falls_due_on_the_thirtieth_session_of_illness(string policy)
    {
        var register = IllnessRegister("I\\");

        var evaluation = Evaluate(register, D(2025, 10, 17), policy);

        var hit = Assert.Single(Hits(evaluation, "la-sickness-return"));
        Assert.Equal(D(2025, 10, 13), hit.Date);
        Assert.Equal(D(2025, 9, 1), hit.FirstWeek); // a rule with `when`: the week its window (the academic year) opens in the register
        Assert.Equal(D(2025, 10, 13), hit.LastWeek);
        Assert.Equal(30, hit.Sessions);
        var action = Assert.Single(Actions(evaluation, "la-sickness-return"));
        Assert.Equal(ActionKind.Notification, action.Kind);
        Assert.Equal(D(2025, 10, 13), action.Date);
        Assert.Equal(SessionOfDay.AM, action.Session);
        Assert.Equal("30 sessions of I in the academic year 2025/26, at least 30", action.Evidence);
        Assert.Equal(["2025-09-08 AM", "2025-09-08 PM"], action.Sessions.Take(2).Select(x => x.ToString()));
        Assert.Equal("2025-10-13 AM", action.Sessions[^1].ToString());

        Assert.Empty(Hits(Evaluate(register, D(2025, 10, 12), policy), "la-sickness-return"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void Twenty_nine_sessions_of_illness_and_a_medical_appointment_make_no_sickness_return(string policy)
    {
        Assert.Empty(Hits(Evaluate(IllnessRegister("M\\"), D(2025, 10, 17), policy), "la-sickness-return"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void Illness_is_counted_per_academic_year(string policy)
    {
        // 29 I sessions in July 2025 and one in September 2025: two academic years, no return.
        var register = "2025-06-30 " + Days("II", 14) + " I\\ 2025-09-01 I\\ " + Days(P, 4);

        Assert.Empty(Hits(Evaluate(register, D(2025, 9, 5), policy), "la-sickness-return"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void A_second_sickness_return_needs_thirty_fresh_sessions_of_illness(string policy)
    {
        // session_count repeats from fresh sessions by default: 30 days of I (1 September to 10
        // October) make returns on the 30th and 60th sessions; 59 make one.
        var sixty = "2025-09-01 " + Days("II", 30) + " " + Days(P, 5);
        var fiftyNine = "2025-09-01 " + Days("II", 29) + " I\\ " + Days(P, 5);

        var hits = Hits(Evaluate(sixty, D(2025, 10, 17), policy), "la-sickness-return");

        Assert.Equal([D(2025, 9, 19), D(2025, 10, 10)], hits.Select(h => h.Date));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Single(Hits(Evaluate(fiftyNine, D(2025, 10, 17), policy), "la-sickness-return"));
    }

    // ---- deletion-review: 20 school days in a row, every session G, N or O ----

    [Theory]
    [MemberData(nameof(AllThree))]
    public void Twenty_school_days_of_G_N_or_O_in_a_row_call_for_a_deletion_review_on_the_twentieth(string policy)
    {
        var register = "2025-09-01 " + Days(P, 5) + " GN " + Days("OO", 18) + " NG " + Days(P, 5);

        var evaluation = Evaluate(register, D(2025, 10, 10), policy);

        var action = Assert.Single(Actions(evaluation, "deletion-review"));
        Assert.Equal(ActionKind.Safeguarding, action.Kind);
        Assert.Equal(D(2025, 10, 3), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("20 consecutive school days (2025-09-08 to 2025-10-03) with every session G, N, O as recorded reached 20", action.Evidence);

        Assert.Empty(Actions(Evaluate(register, D(2025, 10, 2), policy), "deletion-review"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void A_U_day_breaks_the_run_for_a_deletion_review(string policy)
    {
        // 19 days of O, a day of U (in school, late: not G, N or O), 19 more days of O.
        var register = "2025-09-01 " + Days(P, 5) + " " + Days("OO", 19) + " UU " + Days("OO", 19) + " " + P;

        Assert.Empty(Actions(Evaluate(register, D(2025, 11, 7), policy), "deletion-review"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void The_deletion_review_falls_due_once_per_academic_year(string policy)
    {
        // A run of 25 days (due on the 20th, not again on days 21 to 25), a second run of 20 days
        // the same year (not due), then a run of 20 days the next year (due).
        var register = string.Join(' ',
            "2025-09-01", Days(P, 5), Days("OO", 25), Days(P, 5), Days("OO", 20), Days(P, 5),
            "2026-09-07", Days("OO", 20), P);

        var actions = Actions(Evaluate(register, D(2026, 10, 5), policy), "deletion-review");

        Assert.Equal([D(2025, 10, 3), D(2026, 10, 2)], actions.Select(a => a.Date));
    }

    // ---- n-code-unresolved: an N still on the register at the end of the 5th school day after it ----

    [Theory]
    [MemberData(nameof(AllThree))]
    public void An_N_still_unresolved_falls_due_at_the_end_of_the_fifth_weekday_after_it(string policy)
    {
        var register = "2025-09-08 /\\ /\\ N\\ /\\ /\\ " + Days(P, 10);

        var evaluation = Evaluate(register, D(2025, 9, 26), policy);

        var action = Assert.Single(Actions(evaluation, "n-code-unresolved"));
        Assert.Equal(ActionKind.DataQuality, action.Kind);
        Assert.Equal(D(2025, 9, 17), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("N recorded for 2025-09-10 AM still unresolved at the end of the 5th weekday after it (2025-09-17)", action.Evidence);
        Assert.Equal([Am(2025, 9, 10)], action.Sessions);

        Assert.Empty(Actions(Evaluate(register, D(2025, 9, 16), policy), "n-code-unresolved"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void An_N_replaced_by_another_code_is_not_unresolved(string policy)
    {
        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ /\\ O\\ /\\ /\\ " + Days(P, 10), D(2025, 9, 26), policy), "n-code-unresolved"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void Each_unresolved_N_day_falls_due_on_its_own(string policy)
    {
        var register = "2025-09-08 /\\ /\\ N\\ /N /\\ " + Days(P, 10);

        var actions = Actions(Evaluate(register, D(2025, 9, 26), policy), "n-code-unresolved");

        Assert.Equal([D(2025, 9, 17), D(2025, 9, 18)], actions.Select(a => a.Date));
        Assert.Equal([Pm(2025, 9, 11)], actions[1].Sessions);
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void With_a_calendar_the_five_days_are_school_days_and_skip_half_term(string policy)
    {
        // N on Friday 24 October 2025, the last day before half-term (27–31 October).
        var register = "2025-10-20 " + Days(P, 4) + " N\\ ~5 " + Days(P, 10);
        var calendar = SchoolCalendar.Create([new DateInterval(D(2025, 9, 1), D(2025, 10, 24)), new DateInterval(D(2025, 11, 3), D(2025, 12, 19))]);

        var withCalendar = Assert.Single(Actions(Evaluate(register, D(2025, 11, 14), policy, calendar), "n-code-unresolved"));
        var without = Assert.Single(Actions(Evaluate(register, D(2025, 11, 14), policy), "n-code-unresolved"));

        Assert.Equal(D(2025, 11, 7), withCalendar.Date);
        Assert.Equal("N recorded for 2025-10-24 AM still unresolved at the end of the 5th school day after it (2025-11-07)", withCalendar.Evidence);
        Assert.Equal(D(2025, 10, 31), without.Date);
        Assert.Empty(Actions(Evaluate(register, D(2025, 11, 6), policy, calendar), "n-code-unresolved"));
    }

    [Theory]
    [MemberData(nameof(AllThree))]
    public void An_N_in_the_calendar_s_last_days_is_not_due_when_no_school_day_follows(string policy)
    {
        // N on Wednesday 17 December 2025; the calendar's last term ends on Friday 19 December and
        // the evaluation is a year later: there are never five school days after it, so nothing is due.
        var register = "2025-12-15 " + Days(P, 2) + " N\\ " + Days(P, 2);
        var calendar = SchoolCalendar.Create([new DateInterval(D(2025, 9, 1), D(2025, 12, 19))]);

        var evaluation = Evaluate(register, D(2026, 12, 18), policy, calendar);

        Assert.Empty(Actions(evaluation, "n-code-unresolved"));
        Assert.Single(Actions(Evaluate(register, D(2026, 12, 18), policy), "n-code-unresolved"));
    }
}
