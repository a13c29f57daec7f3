using System.Globalization;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using static Attendance.Rules.Tests.Evaluation.Scenarios.SchoolYear2025;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// Willoughby Primary School's policy (policies/willoughby-primary.yaml) rule by rule: each fires on
/// the right date and session and not a session earlier, not when just short of its threshold, and
/// repeats only as the policy says. Expected values are worked out from engine-semantics.md and
/// decisions.md. Registers use the notation of <see cref="RegisterNotation"/>; weekends are skipped.
/// </summary>
public class WilloughbyScenarioTests
{
    private static readonly CompiledPolicy Willoughby =
        PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "willoughby-primary.yaml")));

    private static List<PolicyAction> Actions(PupilRegister register, string asOf, string ruleId, SchoolCalendar? calendar = null) =>
        [.. Willoughby.Evaluate(register, Date(asOf), calendar).Actions.Where(a => a.RuleId == ruleId)];

    private static List<PolicyAction> Actions(string notation, string asOf, string ruleId, SchoolCalendar? calendar = null) =>
        Actions(RegisterNotation.Parse(notation), asOf, ruleId, calendar);

    [Fact]
    public void The_scenarios_below_cover_every_rule_of_the_policy() =>
        Assert.Equal(
            ["penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved",
             "first-day-calling", "medical-evidence-request", "attendance-below-90-contact", "persistent-absence-meetings",
             "full-attendance-praise", "half-termly-report"],
            Willoughby.Policy.Rules.Select(r => r.Id));

    // first-day-calling: one safeguarding action per school day with an N mark.

    [Fact]
    public void First_day_calling_falls_due_at_the_N_session_and_not_a_session_earlier()
    {
        var action = Assert.Single(Actions(@"2025-09-08 /\ /\ N\", "2025-09-10", "first-day-calling"));
        AssertAction(action, "2025-09-10", SessionOfDay.AM, ActionKind.Safeguarding,
            "Call the pupil's parent on the morning of the first day of unexplained absence");
        Assert.Equal("2025-09-10 AM marked N", action.Evidence);
        Assert.Equal(3, action.FollowUps.Count);

        var afternoon = Assert.Single(Actions(@"2025-09-08 /\ /N", "2025-09-09", "first-day-calling"));
        AssertAction(afternoon, "2025-09-09", SessionOfDay.PM, ActionKind.Safeguarding,
            "Call the pupil's parent on the morning of the first day of unexplained absence");

        Assert.Empty(Actions(@"2025-09-08 /\ /\", "2025-09-10", "first-day-calling"));
        Assert.Empty(Actions(@"2025-09-08 /\ /-", "2025-09-09", "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_is_not_due_for_absences_whose_reason_is_recorded()
    {
        Assert.Empty(Actions(@"2025-09-08 OO II UG MR C\", "2025-09-12", "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_falls_due_once_on_each_school_day_with_an_N_mark()
    {
        var actions = Actions(@"2025-09-08 /\ N\ NN /N /\ 2025-09-15 N\ /\", "2025-09-16", "first-day-calling");
        Assert.Equal(
            ["2025-09-09 AM", "2025-09-10 AM", "2025-09-11 PM", "2025-09-15 AM"],
            actions.Select(a => $"{a.Date:yyyy-MM-dd} {a.Session}"));
    }

    // n-code-unresolved: an N still unresolved at the end of the 5th weekday after it (school days with a calendar).

    [Fact]
    public void An_unresolved_N_falls_due_at_the_end_of_the_5th_weekday_after_it_and_not_before()
    {
        const string register = @"2025-09-08 /\ /\ N\ /\ /\ 2025-09-15 /\ /\ /\";
        var action = Assert.Single(Actions(register, "2025-09-17", "n-code-unresolved"));
        AssertAction(action, "2025-09-17", SessionOfDay.PM, ActionKind.DataQuality,
            "Identify the correct attendance code no later than 5 working days after the session");
        Assert.Equal("N recorded for 2025-09-10 AM still unresolved at the end of the 5th weekday after it (2025-09-17)", action.Evidence);
        Assert.Equal([Session.Morning(Date("2025-09-10"))], action.Sessions);

        Assert.Empty(Actions(register, "2025-09-16", "n-code-unresolved"));
    }

    [Fact]
    public void Without_a_calendar_an_unresolved_N_counts_weekdays_up_to_the_evaluation_date_even_without_marks()
    {
        // N on Friday 12 September; the register has no later marks. Weekdays: 15, 16, 17, 18, 19.
        var action = Assert.Single(Actions(@"2025-09-12 N\", "2025-09-19", "n-code-unresolved"));
        Assert.Equal(Date("2025-09-19"), action.Date);
        Assert.Empty(Actions(@"2025-09-12 N\", "2025-09-18", "n-code-unresolved"));
    }

    [Fact]
    public void With_a_calendar_an_unresolved_N_counts_school_days_past_the_half_term_and_a_training_day()
    {
        // N on Thursday 23 October. The calendar closes 27–31 October (half term) and 3 November (training day):
        // school days after it are 24 Oct, 4, 5, 6, 7 Nov. Without a calendar the weekdays are 24, 27, 28, 29, 30 Oct.
        var calendar = SchoolCalendar.Create(
            [new DateInterval(Date("2025-09-08"), Date("2025-12-19"))],
            [Date("2025-10-27"), Date("2025-10-28"), Date("2025-10-29"), Date("2025-10-30"), Date("2025-10-31"), Date("2025-11-03")]);
        const string register = @"2025-10-20 /\ /\ /\ N\ /\ 2025-11-04 /\ /\ /\ /\";

        var action = Assert.Single(Actions(register, "2025-11-07", "n-code-unresolved", calendar));
        AssertAction(action, "2025-11-07", SessionOfDay.PM, ActionKind.DataQuality,
            "Identify the correct attendance code no later than 5 working days after the session");
        Assert.Equal("N recorded for 2025-10-23 AM still unresolved at the end of the 5th school day after it (2025-11-07)", action.Evidence);
        Assert.Empty(Actions(register, "2025-11-06", "n-code-unresolved", calendar));

        Assert.Equal(Date("2025-10-30"), Assert.Single(Actions(register, "2025-11-07", "n-code-unresolved")).Date);
    }

    [Fact]
    public void An_N_replaced_by_its_reason_is_not_reported_as_unresolved()
    {
        Assert.Empty(Actions(@"2025-09-08 /\ /\ O\ /\ /\ 2025-09-15 /\ /\ /\ /\ /\", "2025-09-19", "n-code-unresolved"));
    }

    [Fact]
    public void Each_day_with_an_N_has_its_own_deadline()
    {
        // N on Monday 8 (AM), Wednesday 10 (PM) and both sessions of Thursday 11 September.
        var actions = Actions(@"2025-09-08 N\ /\ /N NN /\ 2025-09-15 /\ /\ /\ /\", "2025-09-18", "n-code-unresolved");
        Assert.Equal(
            ["2025-09-15 for 2025-09-08 AM", "2025-09-17 for 2025-09-10 PM", "2025-09-18 for 2025-09-11 AM"],
            actions.Select(a => $"{a.Date:yyyy-MM-dd} for {Assert.Single(a.Sessions)}"));
    }

    // medical-evidence-request: more than 5 consecutive school days of illness (I on both sessions), again after a lapse.

    [Fact]
    public void Medical_evidence_is_asked_for_on_the_6th_consecutive_school_day_of_illness_across_a_weekend()
    {
        const string register = @"2025-09-08 /\ /\ II II II 2025-09-15 II II II /\";
        var action = Assert.Single(Actions(register, "2025-09-18", "medical-evidence-request"));
        AssertAction(action, "2025-09-17", SessionOfDay.PM, ActionKind.Letter, "Ask for medical evidence where the absence is longer than 5 days");
        Assert.Equal("6 consecutive school days (2025-09-10 to 2025-09-17) with every session I reached 6", action.Evidence);

        Assert.Empty(Actions(register, "2025-09-16", "medical-evidence-request"));
        Assert.Empty(Actions(@"2025-09-08 /\ /\ II II II 2025-09-15 II II I-", "2025-09-17", "medical-evidence-request"));
    }

    [Fact]
    public void Five_days_of_illness_or_six_with_one_session_attended_do_not_ask_for_medical_evidence()
    {
        Assert.Empty(Actions(@"2025-09-08 II II II II II 2025-09-15 /\ /\", "2025-09-16", "medical-evidence-request"));
        Assert.Empty(Actions(@"2025-09-08 II II II II II 2025-09-15 I\ II II", "2025-09-17", "medical-evidence-request"));
    }

    [Fact]
    public void A_closure_day_neither_extends_nor_breaks_a_run_of_illness()
    {
        // Mon 1, Tue 2, (Wed closed), Thu 3, Fri 4, Mon 5, Tue 6.
        const string register = @"2025-09-08 II II ## II II 2025-09-15 II II";
        var action = Assert.Single(Actions(register, "2025-09-16", "medical-evidence-request"));
        Assert.Equal(Date("2025-09-16"), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("6 consecutive school days (2025-09-08 to 2025-09-16) with every session I reached 6", action.Evidence);
        Assert.Empty(Actions(register, "2025-09-15", "medical-evidence-request"));
    }

    [Fact]
    public void Medical_evidence_is_asked_for_once_per_run_of_illness_and_again_for_a_later_run()
    {
        // A run of 8 days (letter on the 6th), a day in school, then a run of 6 days (a second letter).
        const string register = @"2025-09-08 II II II II II 2025-09-15 II II II /\ II 2025-09-22 II II II II II";
        var actions = Actions(register, "2025-09-26", "medical-evidence-request");
        Assert.Equal([Date("2025-09-15"), Date("2025-09-26")], actions.Select(a => a.Date));
        Assert.Equal("6 consecutive school days (2025-09-19 to 2025-09-26) with every session I reached 6", actions[1].Evidence);
    }

    // attendance-below-90-contact (strictly below 90%) and persistent-absence-meetings (at or below 90%).
    // Nine days present (18 sessions), then Friday 19 September II (18 of 20 = 90%), then Monday 22 AM I (18 of 21).

    private const string NinetyPercent = @"2025-09-08 /\ /\ /\ /\ /\ 2025-09-15 /\ /\ /\ /\ II 2025-09-22 I\";

    [Fact]
    public void Parents_are_contacted_at_the_first_session_below_90_percent_and_not_at_exactly_90()
    {
        var action = Assert.Single(Actions(NinetyPercent, "2025-09-22", "attendance-below-90-contact"));
        AssertAction(action, "2025-09-22", SessionOfDay.AM, ActionKind.Letter, "When attendance is dropping below 90%, parents will be contacted");
        Assert.Equal("attendance 85.71% (18 of 21 possible sessions) this academic year fell below 90%", action.Evidence);

        Assert.Empty(Actions(NinetyPercent, "2025-09-19", "attendance-below-90-contact"));
    }

    [Fact]
    public void Persistent_absence_meetings_fall_due_at_exactly_90_percent_and_not_a_session_earlier()
    {
        var action = Assert.Single(Actions(NinetyPercent, "2025-09-22", "persistent-absence-meetings"));
        AssertAction(action, "2025-09-19", SessionOfDay.PM, ActionKind.Meeting,
            "Hold regular meetings with the parents of pupils who are persistently or severely absent");
        Assert.Equal("absence 10.00% (2 of 20 possible sessions) in the academic year 2025/26, at or above 10%", action.Evidence);

        Assert.Empty(Actions(@"2025-09-08 /\ /\ /\ /\ /\ 2025-09-15 /\ /\ /\ /\ I-", "2025-09-19", "persistent-absence-meetings"));
    }

    [Fact]
    public void Attendance_just_above_90_percent_brings_neither_contact_nor_meetings()
    {
        // 18 of 19, 19 of 20, then 19 of 21 = 90.48%.
        const string register = @"2025-09-08 /\ /\ /\ /\ /\ 2025-09-15 /\ /\ /\ /\ I\ 2025-09-22 I-";
        Assert.Empty(Actions(register, "2025-09-22", "attendance-below-90-contact"));
        Assert.Empty(Actions(register, "2025-09-22", "persistent-absence-meetings"));
    }

    [Fact]
    public void Contact_and_meetings_fall_due_once_per_academic_year_even_when_attendance_recovers_and_drops_again()
    {
        // After 22 Sep AM (18 of 21) presence recovers: 29 of 32 (90.63%) on 29 Sep; II on 30 Sep drops it to
        // 29 of 34 (85.29%) in the same year: no second action. The next academic year starts afresh, and its
        // first session, an absence, is 0 of 1.
        var register = NinetyPercent + @" /\ /\ /\ /\ 2025-09-29 /\ II /\ 2026-09-07 I\";
        var contact = Actions(register, "2026-09-07", "attendance-below-90-contact");
        Assert.Equal([Date("2025-09-22"), Date("2026-09-07")], contact.Select(a => a.Date));
        Assert.Equal("attendance 0.00% (0 of 1 possible sessions) this academic year fell below 90%", contact[1].Evidence);
        Assert.Equal(SessionOfDay.AM, contact[1].Session);

        var meetings = Actions(register, "2026-09-07", "persistent-absence-meetings");
        Assert.Equal([Date("2025-09-19"), Date("2026-09-07")], meetings.Select(a => a.Date));
    }

    // penalty-notice-threshold: 10 sessions of G, N, O, U in a rolling 10 school weeks; again only from fresh sessions.

    private static readonly (string, string)[] MondayOs =
    [
        ("2025-09-08", @"O\"), ("2025-09-15", @"O\"), ("2025-09-22", @"O\"), ("2025-09-29", @"O\"), ("2025-10-06", @"O\"),
        ("2025-10-13", @"O\"), ("2025-10-20", @"O\"), ("2025-11-03", @"O\"), ("2025-11-10", @"O\"), ("2025-11-17", @"O\"),
    ];

    [Fact]
    public void The_penalty_notice_threshold_is_met_at_the_10th_unauthorised_session_in_10_school_weeks_spanning_half_term()
    {
        // One O each Monday of the first 10 school weeks; the half-term week is not a school week.
        var evaluation = Willoughby.Evaluate(Register("2025-11-21", MondayOs), Date("2025-11-21"));
        var action = Assert.Single(evaluation.Actions, a => a.RuleId == "penalty-notice-threshold");
        AssertAction(action, "2025-11-17", SessionOfDay.AM, ActionKind.Referral, "Whether the national threshold for considering a penalty notice has been met");
        Assert.StartsWith(
            "10 sessions of G, N, O, U in the 10 school weeks 8 Sep 2025–23 Nov 2025 reached 10: 2025-09-08 AM O, 2025-09-15 AM O, ",
            action.Evidence);
        Assert.Contains("2025-11-10 AM O, 2025-11-17 AM O", action.Evidence);
        Assert.Equal(3, action.FollowUps.Count);

        var hit = Assert.Single(evaluation.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.Equal(Date("2025-11-17"), hit.Date);
        Assert.Equal(Date("2025-09-08"), hit.FirstWeek);
        Assert.Equal(Date("2025-11-17"), hit.LastWeek);
        Assert.Equal(MondayOs.Select(m => Session.Morning(Date(m.Item1))), hit.CountedSessions);
        Assert.Equal(hit.CountedSessions, action.Sessions);

        Assert.Empty(Actions(Register("2025-11-21", MondayOs), "2025-11-16", "penalty-notice-threshold"));
        Assert.Empty(Actions(Register("2025-11-21", MondayOs[..^1]), "2025-11-21", "penalty-notice-threshold"));
    }

    [Fact]
    public void Ten_unauthorised_sessions_over_11_school_weeks_but_never_10_within_10_do_not_meet_the_threshold()
    {
        // O on the Monday of school weeks 1 and 3 to 11: any 10 consecutive school weeks hold 9.
        (string, string)[] days = [("2025-09-08", @"O\"), .. MondayOs[2..], ("2025-11-24", @"O\")];
        var evaluation = Willoughby.Evaluate(Register("2025-12-19", days), Date("2025-12-19"));
        Assert.DoesNotContain(evaluation.Actions, a => a.RuleId == "penalty-notice-threshold");
        Assert.DoesNotContain(evaluation.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
    }

    [Fact]
    public void The_penalty_notice_threshold_is_met_again_only_by_10_fresh_sessions()
    {
        var twenty = $"2025-09-08 {Days("OO", 10)}";
        var hits = Willoughby.Evaluate(RegisterNotation.Parse(twenty), Date("2025-09-19")).ThresholdHits
            .Where(h => h.RuleId == "penalty-notice-threshold").ToList();
        Assert.Equal([Date("2025-09-12"), Date("2025-09-19")], hits.Select(h => h.Date));
        Assert.Equal(10, hits[0].Sessions);
        Assert.Equal(10, hits[1].Sessions);
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(Session.Morning(Date("2025-09-15")), hits[1].CountedSessions[0]);
        Assert.Equal(
            [(Date("2025-09-12"), SessionOfDay.PM), (Date("2025-09-19"), SessionOfDay.PM)],
            Actions(twenty, "2025-09-19", "penalty-notice-threshold").Select(a => (a.Date, a.Session)));

        var nineteen = $@"2025-09-08 {Days("OO", 9)} O\";
        Assert.Equal([Date("2025-09-12")], Actions(nineteen, "2025-09-19", "penalty-notice-threshold").Select(a => a.Date));
    }

    // la-attendance-return (national): 10 consecutive school days of G, N, O, U; once per academic year.

    [Fact]
    public void The_attendance_return_falls_due_on_the_10th_consecutive_school_day_of_unauthorised_absence()
    {
        const string register = @"2025-09-08 GG NN OO UU GN 2025-09-15 OU OO OO OO OO";
        var action = Assert.Single(Actions(register, "2025-09-19", "la-attendance-return"));
        AssertAction(action, "2025-09-19", SessionOfDay.PM, ActionKind.Notification,
            "Attendance return to the local authority (10 school days of unauthorised absence)");
        Assert.Equal("10 consecutive school days of G, N, O, U to 19 Sep 2025, at least 10", action.Evidence);

        Assert.Empty(Actions(register, "2025-09-18", "la-attendance-return"));
        Assert.Empty(Actions(@"2025-09-08 GG NN OO UU GN 2025-09-15 OU OO OO OO O-", "2025-09-19", "la-attendance-return"));
    }

    [Fact]
    public void Nine_days_or_ten_broken_by_an_authorised_session_do_not_make_an_attendance_return()
    {
        Assert.Empty(Actions($@"2025-09-08 {Days("OO", 9)} /\ OO", "2025-09-22", "la-attendance-return"));
        Assert.Empty(Actions($"2025-09-08 {Days("OO", 4)} OI {Days("OO", 5)}", "2025-09-19", "la-attendance-return"));
    }

    [Fact]
    public void The_attendance_return_falls_due_once_per_academic_year()
    {
        // 10 days (return on 19 Sep), a day in school, 10 more days in the same year (none), a day in school;
        // then 10 days in the next academic year (a return on 18 Sep 2026).
        var register = $@"2025-09-08 {Days("OO", 10)} /\ {Days("OO", 10)} /\ 2026-09-07 {Days("OO", 10)}";
        Assert.Equal(
            [Date("2025-09-19"), Date("2026-09-18")],
            Actions(register, "2026-09-18", "la-attendance-return").Select(a => a.Date));
    }

    // la-sickness-return (national): 15 school days (30 sessions) of I in the academic year, consecutive or not.

    private const string MondayWednesdayFridayIll = @"II /\ II /\ II";

    [Fact]
    public void The_sickness_return_falls_due_at_the_30th_session_of_illness_in_the_year_consecutive_or_not()
    {
        // II on Monday, Wednesday and Friday for 5 weeks: the 30th I is Friday 10 October PM.
        var register = $"2025-09-08 {Days(MondayWednesdayFridayIll, 5)}";
        var action = Assert.Single(Actions(register, "2025-10-10", "la-sickness-return"));
        AssertAction(action, "2025-10-10", SessionOfDay.PM, ActionKind.Notification,
            "Sickness return to the local authority (15 school days of illness)");
        Assert.Equal("30 sessions of I in the academic year 2025/26, at least 30", action.Evidence);
        Assert.Equal(["2025-09-08 AM", "2025-09-08 PM", "2025-09-10 AM"], action.Sessions.Take(3).Select(s => s.ToString()));
        Assert.Equal("2025-10-10 PM", action.Sessions[^1].ToString());
        Assert.Equal(30, action.Sessions.Count);

        Assert.Empty(Actions($@"2025-09-08 {Days(MondayWednesdayFridayIll, 4)} II /\ II /\ I\", "2025-10-10", "la-sickness-return"));
    }

    [Fact]
    public void Illness_in_two_academic_years_is_not_added_together_for_the_sickness_return()
    {
        // 20 sessions in July 2025 (2024/25) and 10 in September 2025 (2025/26).
        const string register = @"2025-07-07 II II II II II 2025-07-14 II II II II II 2025-09-08 II II II II II";
        Assert.Empty(Actions(register, "2025-09-12", "la-sickness-return"));
    }

    [Fact]
    public void The_sickness_return_falls_due_again_only_after_30_fresh_sessions_of_illness()
    {
        // 30 consecutive days of II: returns on the 15th and the 30th day.
        var actions = Actions($"2025-09-08 {Days("II", 30)}", "2025-10-17", "la-sickness-return");
        Assert.Equal([Date("2025-09-26"), Date("2025-10-17")], actions.Select(a => a.Date));
        Assert.Empty(actions[0].Sessions.Intersect(actions[1].Sessions));
        Assert.Equal("30 sessions of I in the academic year 2025/26, at least 30", actions[1].Evidence);
        Assert.Equal("2025-09-29 AM", actions[1].Sessions[0].ToString());

        Assert.Single(Actions($@"2025-09-08 {Days("II", 29)} I\", "2025-10-17", "la-sickness-return"));
    }

    // deletion-review (national): 20 consecutive school days, every session G, N or O.

    [Fact]
    public void Deletion_review_falls_due_on_the_20th_school_day_of_G_N_or_O_across_half_term()
    {
        // From Monday 6 October: 15 days to 24 October, half term, 5 days to Friday 7 November.
        var days = SchoolDays().Where(d => d >= Date("2025-10-06") && d <= Date("2025-11-07"))
            .Select((d, i) => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (i % 3) switch { 0 => "GG", 1 => "NO", _ => "OO" }))
            .ToArray();
        var register = Register("2025-11-07", days);
        var action = Assert.Single(Actions(register, "2025-11-07", "deletion-review"));
        AssertAction(action, "2025-11-07", SessionOfDay.PM, ActionKind.Safeguarding,
            "Review for deletion from the admission register (20 school days of G, N or O)");
        Assert.Equal("20 consecutive school days (2025-10-06 to 2025-11-07) with every session G, N, O as recorded reached 20", action.Evidence);

        Assert.Empty(Actions(register, "2025-11-06", "deletion-review"));
    }

    [Fact]
    public void Deletion_review_is_not_due_when_one_session_of_the_20_days_is_U()
    {
        Assert.Empty(Actions($"2025-09-08 {Days("OO", 12)} OU {Days("OO", 7)}", "2025-10-03", "deletion-review"));
        Assert.Empty(Actions($@"2025-09-08 {Days("OO", 19)} /\", "2025-10-03", "deletion-review"));
    }

    [Fact]
    public void Deletion_review_falls_due_once_per_academic_year()
    {
        var actions = Actions($@"2025-09-08 {Days("OO", 20)} /\ {Days("OO", 20)}", "2025-11-07", "deletion-review");
        Assert.Equal([Date("2025-10-03")], actions.Select(a => a.Date));
    }

    // full-attendance-praise: 100% attendance judged on the last school day of each term and of the year.

    [Fact]
    public void Praise_for_a_full_term_is_dated_its_last_day_once_a_break_of_10_weekdays_shows_the_term_has_ended()
    {
        // Autumn 8 Sep–19 Dec, all present. Weekdays after 19 Dec: 22–26, 29–31 Dec, 1 Jan (9), 2 Jan (10).
        var autumn = Register("2025-12-19");
        var action = Assert.Single(Actions(autumn, "2026-01-02", "full-attendance-praise"));
        AssertAction(action, "2025-12-19", SessionOfDay.PM, ActionKind.Reward, "Children who are maintaining 100% attendance will be praised");
        Assert.Equal("attendance 100.00% (140 of 140 possible sessions) over the term (terms inferred from the register) is at least 100%", action.Evidence);

        Assert.Empty(Actions(autumn, "2026-01-01", "full-attendance-praise"));
        Assert.Empty(Actions(autumn, "2025-12-19", "full-attendance-praise"));
        Assert.Equal(Date("2025-12-19"), Assert.Single(Actions(Register("2026-01-05"), "2026-01-05", "full-attendance-praise")).Date);
    }

    [Fact]
    public void With_a_calendar_praise_for_a_full_term_falls_due_on_its_last_day_and_not_a_day_earlier()
    {
        var action = Assert.Single(Actions(Register("2025-12-19"), "2025-12-19", "full-attendance-praise", TermCalendar));
        Assert.Equal(Date("2025-12-19"), action.Date);
        Assert.Equal(SessionOfDay.PM, action.Session);
        Assert.Equal("attendance 100.00% (140 of 140 possible sessions) over the term is at least 100%", action.Evidence);

        Assert.Empty(Actions(Register("2025-12-18"), "2025-12-18", "full-attendance-praise", TermCalendar));
    }

    [Fact]
    public void One_absence_in_a_term_loses_that_term_and_the_year_but_not_the_other_terms()
    {
        var register = Register("2026-07-17", ("2025-11-12", @"I\"));
        var actions = Actions(register, "2026-07-31", "full-attendance-praise");
        Assert.Equal(
            ["2026-03-27 attendance 100.00% (110 of 110 possible sessions) over the term",
             "2026-07-17 attendance 100.00% (130 of 130 possible sessions) over the term"],
            actions.Select(a => $"{a.Date:yyyy-MM-dd} {a.Evidence[..a.Evidence.IndexOf(" (terms", StringComparison.Ordinal)]}"));
    }

    [Fact]
    public void Praise_falls_due_for_every_term_and_for_the_year()
    {
        var year = Register("2026-07-17");
        var actions = Actions(year, "2026-07-31", "full-attendance-praise");
        Assert.Equal(
            ["2025-12-19 PM 140 of 140", "2026-03-27 PM 110 of 110", "2026-07-17 PM 130 of 130", "2026-07-17 PM 380 of 380"],
            actions.Select(a => $"{a.Date:yyyy-MM-dd} {a.Session} {a.Evidence.Split('(', ')')[1].Replace(" possible sessions", string.Empty, StringComparison.Ordinal)}"));
        Assert.Equal("attendance 100.00% (380 of 380 possible sessions) over the academic year 2025/26 is at least 100%", actions[3].Evidence);

        // On 30 July only 9 weekdays have passed since 17 July: neither the summer term nor the year is known to have ended.
        Assert.Equal([Date("2025-12-19"), Date("2026-03-27")], Actions(year, "2026-07-30", "full-attendance-praise").Select(a => a.Date));
    }

    // half-termly-report: due on the last school day of each half term (a break of 5 weekdays without a calendar).

    [Fact]
    public void The_half_termly_report_is_dated_the_last_day_before_half_term_once_a_whole_week_has_passed()
    {
        var firstHalf = Register("2025-10-24");
        var action = Assert.Single(Actions(firstHalf, "2025-10-31", "half-termly-report"));
        AssertAction(action, "2025-10-24", SessionOfDay.PM, ActionKind.Letter, "Reporting to parents (half-termly written reports)");
        Assert.Equal("last school day of the half term (inferred from the register): 2025-10-24", action.Evidence);

        Assert.Empty(Actions(firstHalf, "2025-10-30", "half-termly-report"));
        Assert.Empty(Actions(firstHalf, "2025-10-23", "half-termly-report"));
    }

    [Fact]
    public void With_a_calendar_the_half_termly_report_falls_due_on_the_last_day_before_half_term_itself()
    {
        // The calendar closes 27–31 October, so on 24 October it is already known to end the half term.
        var action = Assert.Single(Actions(Register("2025-10-24"), "2025-10-24", "half-termly-report", TermCalendar));
        AssertAction(action, "2025-10-24", SessionOfDay.PM, ActionKind.Letter, "Reporting to parents (half-termly written reports)");
        Assert.Equal("last school day of the half term: 2025-10-24", action.Evidence);

        Assert.Empty(Actions(Register("2025-10-23"), "2025-10-23", "half-termly-report", TermCalendar));
    }

    [Fact]
    public void A_break_of_4_weekdays_does_not_end_a_half_term_but_one_of_5_does()
    {
        // No marks Monday 15 to Thursday 18 September (4 weekdays); the last day, Friday 26, is followed by 5.
        const string register = @"2025-09-08 /\ /\ /\ /\ /\ 2025-09-19 /\ 2025-09-22 /\ /\ /\ /\ /\";
        Assert.Empty(Actions(register, "2025-10-02", "half-termly-report"));
        Assert.Equal([Date("2025-09-26")], Actions(register, "2025-10-03", "half-termly-report").Select(a => a.Date));
    }

    [Fact]
    public void The_half_termly_report_falls_due_at_the_end_of_each_of_the_six_half_terms()
    {
        var actions = Actions(Register("2026-07-17"), "2026-07-31", "half-termly-report");
        Assert.Equal(
            ["2025-10-24", "2025-12-19", "2026-02-13", "2026-03-27", "2026-05-22", "2026-07-17"],
            actions.Select(a => a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.All(actions, a => Assert.Equal(SessionOfDay.PM, a.Session));
    }
}
