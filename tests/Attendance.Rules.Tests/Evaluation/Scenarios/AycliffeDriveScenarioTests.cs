using System.Globalization;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using static Attendance.Rules.Tests.Evaluation.Scenarios.SchoolYear2025;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// Aycliffe Drive Primary School's policy (policies/aycliffe-drive-primary.yaml) rule by rule: each
/// fires on the right date and session and not a session earlier, not when just short of its
/// threshold, and repeats only as the policy says. The national penalty-notice threshold stays in
/// force beside the school's 15 sessions over the current and previous term. Expected values are
/// worked out from engine-semantics.md and decisions.md.
/// </summary>
public class AycliffeDriveScenarioTests
{
    private static readonly CompiledPolicy Aycliffe =
        PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "aycliffe-drive-primary.yaml")));

    private static List<PolicyAction> Actions(PupilRegister register, string asOf, string ruleId, SchoolCalendar? calendar = null) =>
        [.. Aycliffe.Evaluate(register, Date(asOf), calendar).Actions.Where(a => a.RuleId == ruleId)];

    private static List<PolicyAction> Actions(string notation, string asOf, string ruleId, SchoolCalendar? calendar = null) =>
        Actions(RegisterNotation.Parse(notation), asOf, ruleId, calendar);

    private static List<ThresholdHit> Hits(PupilRegister register, string asOf, string ruleId, SchoolCalendar? calendar = null) =>
        [.. Aycliffe.Evaluate(register, Date(asOf), calendar).ThresholdHits.Where(h => h.RuleId == ruleId)];

    private static string DateAndSession(PolicyAction action) =>
        string.Create(CultureInfo.InvariantCulture, $"{action.Date:yyyy-MM-dd} {action.Session}");

    [Fact]
    public void The_scenarios_below_cover_every_rule_of_the_policy() =>
        Assert.Equal(
            ["penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved",
             "first-day-calling", "no-contact-letter", "local-penalty-notice-15-sessions", "persistent-absence", "religious-observance-maximum",
             "part-time-timetable-start", "part-time-timetable-end", "good-attendance-certificate"],
            Aycliffe.Policy.Rules.Select(r => r.Id));

    // first-day-calling: one safeguarding action per school day with an N mark.

    [Fact]
    public void First_day_calling_falls_due_at_the_N_session_and_not_a_session_earlier()
    {
        var action = Assert.Single(Actions(@"2025-09-08 /\ /N", "2025-09-09", "first-day-calling"));
        AssertAction(action, "2025-09-09", SessionOfDay.PM, ActionKind.Safeguarding,
            "Contacting parents if they have not reported their child's absence by 9.00 am");
        Assert.Equal("2025-09-09 PM marked N", action.Evidence);
        Assert.Equal(["Home visits to engage families and ensure children are safe"], action.FollowUps.Select(f => f.Title));

        Assert.Empty(Actions(@"2025-09-08 /\ /-", "2025-09-09", "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_is_not_due_for_a_late_arrival_or_a_recorded_reason()
    {
        Assert.Empty(Actions(@"2025-09-08 L\ U\ O\ GG I\", "2025-09-12", "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_falls_due_on_every_school_day_the_N_continues_across_a_weekend()
    {
        var actions = Actions(@"2025-09-11 NN NN 2025-09-15 NN /\", "2025-09-16", "first-day-calling");
        Assert.Equal(["2025-09-11 AM", "2025-09-12 AM", "2025-09-15 AM"], actions.Select(DateAndSession));
    }

    // no-contact-letter: a letter for each absence that starts with an N still on the register (no contact gave its reason).

    [Fact]
    public void A_letter_falls_due_at_the_first_N_session_of_each_absence_whose_reason_was_never_obtained()
    {
        var actions = Actions(@"2025-09-08 /N NN /\ IN /\", "2025-09-12", "no-contact-letter");

        Assert.Equal(["2025-09-08 PM", "2025-09-11 PM"], actions.Select(DateAndSession));
        Assert.All(actions, a => Assert.Equal(ActionKind.Letter, a.Kind));
        Assert.Equal("Sending a letter if no contact is made", actions[0].Title);
    }

    [Fact]
    public void No_letter_where_contact_gave_the_reason()
    {
        // The reason was obtained: the register holds I, O and G, not N.
        Assert.Empty(Actions(@"2025-09-08 II O\ GG /\", "2025-09-11", "no-contact-letter"));
    }

    // n-code-unresolved (national): an N still unresolved at the end of the 5th school day after its own.

    [Fact]
    public void With_the_calendar_an_N_before_half_term_is_unresolved_at_the_end_of_the_5th_school_day_after_it()
    {
        // N on Friday 24 October; half term 27–31 October; school days 3, 4, 5, 6, 7 November.
        var register = Register("2025-11-07", ("2025-10-24", @"N\"));
        var action = Assert.Single(Actions(register, "2025-11-07", "n-code-unresolved", TermCalendar));
        AssertAction(action, "2025-11-07", SessionOfDay.PM, ActionKind.DataQuality, "Reason for absence not established within 5 school days");
        Assert.Equal("N recorded for 2025-10-24 AM still unresolved at the end of the 5th school day after it (2025-11-07)", action.Evidence);
        Assert.Empty(Actions(register, "2025-11-06", "n-code-unresolved", TermCalendar));

        // Without the calendar the deadline counts weekdays, half term included: 27–31 October.
        Assert.Equal(Date("2025-10-31"), Assert.Single(Actions(register, "2025-11-07", "n-code-unresolved")).Date);
        Assert.Empty(Actions(register, "2025-10-30", "n-code-unresolved"));
    }

    [Fact]
    public void An_N_later_corrected_to_illness_is_not_unresolved()
    {
        Assert.Empty(Actions(Register("2025-11-07", ("2025-10-24", @"I\")), "2025-11-07", "n-code-unresolved", TermCalendar));
    }

    [Fact]
    public void Each_day_with_an_N_is_reported_once_when_unresolved()
    {
        // N on both sessions of Monday 8 and on Tuesday 9 September.
        var actions = Actions(@"2025-09-08 NN N\ /\ /\ /\ 2025-09-15 /\ /\ /\", "2025-09-17", "n-code-unresolved");
        Assert.Equal([Date("2025-09-15"), Date("2025-09-16")], actions.Select(a => a.Date));
    }

    // local-penalty-notice-15-sessions: at least 15 unauthorised sessions in the current and previous term, one count.

    private static readonly (string, string)[] EightInAutumn =
        [("2025-09-08", "OO"), ("2025-09-09", "OO"), ("2025-09-10", "OO"), ("2025-09-11", "OO")];

    private static readonly (string, string)[] SevenInSpring =
        [("2026-01-05", "OO"), ("2026-01-06", "OO"), ("2026-01-07", "OO"), ("2026-01-08", @"O\")];

    [Fact]
    public void The_local_threshold_counts_the_previous_term_with_the_current_one_and_is_met_at_the_15th_session()
    {
        // 8 sessions in the first week of autumn, 7 in the first week of spring; no 10 within 10 school weeks.
        var register = Register("2026-01-09", [.. EightInAutumn, .. SevenInSpring]);
        var action = Assert.Single(Actions(register, "2026-01-09", "local-penalty-notice-15-sessions"));
        AssertAction(action, "2026-01-08", SessionOfDay.AM, ActionKind.Referral, "Head Teacher may ask the Local Authority to issue a Penalty Notice");
        Assert.StartsWith(
            "15 sessions of G, N, O, U in the current and previous term (terms inferred from the register) reached 15: 2025-09-08 AM O, ",
            action.Evidence);
        Assert.Contains("2025-09-11 PM O, 2026-01-05 AM O, ", action.Evidence);
        Assert.Contains("2026-01-08 AM O", action.Evidence);

        var hit = Assert.Single(Hits(register, "2026-01-09", "local-penalty-notice-15-sessions"));
        Assert.Equal(Date("2026-01-08"), hit.Date);
        Assert.Equal(Date("2025-09-08"), hit.FirstWeek);
        Assert.Equal(Date("2026-01-05"), hit.LastWeek);
        Assert.Equal(15, hit.Sessions);

        Assert.Empty(Actions(register, "2026-01-07", "local-penalty-notice-15-sessions"));
        Assert.Empty(Actions(register, "2026-01-09", "penalty-notice-threshold"));
    }

    [Fact]
    public void With_the_calendar_the_terms_of_the_local_threshold_come_from_it()
    {
        var register = Register("2026-01-09", [.. EightInAutumn, .. SevenInSpring]);
        var action = Assert.Single(Actions(register, "2026-01-09", "local-penalty-notice-15-sessions", TermCalendar));
        Assert.Equal(Date("2026-01-08"), action.Date);
        Assert.StartsWith("15 sessions of G, N, O, U in the current and previous term reached 15: ", action.Evidence);
    }

    [Fact]
    public void Fourteen_sessions_or_sessions_two_terms_apart_do_not_meet_the_local_threshold()
    {
        Assert.Empty(Actions(Register("2026-01-09", [.. EightInAutumn[1..], ("2025-09-08", @"/O"), .. SevenInSpring]), "2026-01-09", "local-penalty-notice-15-sessions"));

        // Autumn is two terms before summer: its 8 sessions no longer count.
        (string, string)[] sevenInSummer = [("2026-04-13", "OO"), ("2026-04-14", "OO"), ("2026-04-15", "OO"), ("2026-04-16", @"O\")];
        Assert.Empty(Actions(Register("2026-04-17", [.. EightInAutumn, .. sevenInSummer]), "2026-04-17", "local-penalty-notice-15-sessions"));
    }

    [Fact]
    public void The_local_threshold_is_met_again_only_by_15_fresh_sessions()
    {
        // 15 days of OO: the 15th session is Wednesday 17 September AM, the 30th Friday 26 September PM.
        var thirty = RegisterNotation.Parse($"2025-09-08 {Days("OO", 15)}");
        var hits = Hits(thirty, "2025-09-26", "local-penalty-notice-15-sessions");
        Assert.Equal([Date("2025-09-17"), Date("2025-09-26")], hits.Select(h => h.Date));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(Session.Afternoon(Date("2025-09-17")), hits[1].CountedSessions[0]);
        Assert.Equal(["2025-09-17 AM", "2025-09-26 PM"], Actions(thirty, "2025-09-26", "local-penalty-notice-15-sessions").Select(DateAndSession));

        Assert.Single(Actions($@"2025-09-08 {Days("OO", 14)} O\", "2025-09-26", "local-penalty-notice-15-sessions"));
    }

    // penalty-notice-threshold (national): 10 unauthorised sessions in a rolling 10 school weeks, beside the local rule.

    [Fact]
    public void The_national_threshold_still_applies_beside_the_local_one_and_is_met_first()
    {
        // 15 sessions in a row: the national threshold at the 10th (Friday 12 PM), the local one at the 15th (Wednesday 17 AM).
        const string register = @"2025-09-08 OO UU GG NN OO 2025-09-15 OO OO O\";
        var national = Assert.Single(Actions(register, "2025-09-17", "penalty-notice-threshold"));
        AssertAction(national, "2025-09-12", SessionOfDay.PM, ActionKind.Referral, "Consider a penalty notice (10 unauthorised sessions in 10 school weeks)");
        Assert.StartsWith(
            "10 unauthorised sessions (G, N, O, U) in the 10 school weeks 8 Sep 2025–14 Sep 2025 reached 10: 2025-09-08 AM O, 2025-09-08 PM O, 2025-09-09 AM U, ",
            national.Evidence);
        Assert.Contains("2025-09-12 PM O", national.Evidence);

        var local = Assert.Single(Actions(register, "2025-09-17", "local-penalty-notice-15-sessions"));
        Assert.Equal("2025-09-17 AM", DateAndSession(local));
        Assert.Equal(15, local.Sessions.Count);

        // Ten sessions meet the national threshold only.
        Assert.Single(Actions(@"2025-09-08 OO OO OO OO OO 2025-09-15 /\ /\", "2025-09-16", "penalty-notice-threshold"));
        Assert.Empty(Actions(@"2025-09-08 OO OO OO OO OO 2025-09-15 /\ /\", "2025-09-16", "local-penalty-notice-15-sessions"));
    }

    [Fact]
    public void The_national_threshold_is_met_at_the_10th_session_within_10_school_weeks_and_not_a_session_earlier()
    {
        // A G on the Tuesday of each school week from 9 September: the 10th is 18 November (the half-term week does not count).
        (string, string)[] tuesdays =
        [
            ("2025-09-09", @"G\"), ("2025-09-16", @"G\"), ("2025-09-23", @"G\"), ("2025-09-30", @"G\"), ("2025-10-07", @"G\"),
            ("2025-10-14", @"G\"), ("2025-10-21", @"G\"), ("2025-11-04", @"G\"), ("2025-11-11", @"G\"), ("2025-11-18", @"/G"),
        ];
        var register = Register("2025-11-21", tuesdays);
        var action = Assert.Single(Actions(register, "2025-11-21", "penalty-notice-threshold"));
        AssertAction(action, "2025-11-18", SessionOfDay.PM, ActionKind.Referral, "Consider a penalty notice (10 unauthorised sessions in 10 school weeks)");
        Assert.StartsWith("10 unauthorised sessions (G, N, O, U) in the 10 school weeks 8 Sep 2025–23 Nov 2025 reached 10: 2025-09-09 AM G, ", action.Evidence);
        var hit = Assert.Single(Hits(register, "2025-11-21", "penalty-notice-threshold"));
        Assert.Equal((Date("2025-09-08"), Date("2025-11-17")), (hit.FirstWeek, hit.LastWeek));

        Assert.Empty(Actions(Register("2025-11-21", tuesdays[..^1]), "2025-11-21", "penalty-notice-threshold"));
        Assert.Empty(Actions(register, "2025-11-17", "penalty-notice-threshold"));
    }

    [Fact]
    public void Nine_unauthorised_sessions_in_10_school_weeks_do_not_meet_the_national_threshold()
    {
        // 9 in the first school week; a 10th in the 10th school week (17 November) meets the threshold,
        // in the 11th (24 November) it does not: that window has lost the first week.
        (string, string)[] days =
        [
            ("2025-09-08", "OO"), ("2025-09-09", "OO"), ("2025-09-10", "OO"), ("2025-09-11", "OO"), ("2025-09-12", @"O\"),
        ];
        Assert.Empty(Actions(Register("2025-11-28", days), "2025-11-28", "penalty-notice-threshold"));
        Assert.Empty(Actions(Register("2025-11-28", [.. days, ("2025-11-24", @"O\")]), "2025-11-28", "penalty-notice-threshold"));
        Assert.Equal(Date("2025-11-17"), Assert.Single(Actions(Register("2025-11-28", [.. days, ("2025-11-17", @"O\")]), "2025-11-28", "penalty-notice-threshold")).Date);
    }

    [Fact]
    public void The_national_threshold_is_met_again_only_by_10_fresh_sessions()
    {
        var hits = Hits(RegisterNotation.Parse($"2025-09-08 {Days("UU", 10)}"), "2025-09-19", "penalty-notice-threshold");
        Assert.Equal([Date("2025-09-12"), Date("2025-09-19")], hits.Select(h => h.Date));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Single(Hits(RegisterNotation.Parse($@"2025-09-08 {Days("UU", 9)} U\"), "2025-09-19", "penalty-notice-threshold"));
    }

    // la-attendance-return: the school's 10 Day Absence Form (10 consecutive school days of G, N, O, U).

    [Fact]
    public void The_10_day_absence_form_falls_due_on_the_10th_school_day_of_unauthorised_absence_across_half_term()
    {
        var days = SchoolDays().Where(d => d >= Date("2025-10-20") && d <= Date("2025-11-07"))
            .Select(d => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "NO")).ToArray();
        var register = Register("2025-11-10", days);
        var action = Assert.Single(Actions(register, "2025-11-10", "la-attendance-return"));
        AssertAction(action, "2025-11-07", SessionOfDay.PM, ActionKind.Notification, "10 Day Absence Form to the Local Authority");
        Assert.Equal("10 consecutive school days (2025-10-20 to 2025-11-07) with every session G, N, O, U reached 10", action.Evidence);

        Assert.Empty(Actions(register, "2025-11-06", "la-attendance-return"));
    }

    [Fact]
    public void Nine_days_of_unauthorised_absence_do_not_need_the_10_day_absence_form()
    {
        Assert.Empty(Actions($@"2025-09-08 {Days("GG", 9)} /\ {Days("GG", 9)}", "2025-10-02", "la-attendance-return"));
    }

    [Fact]
    public void The_10_day_absence_form_falls_due_once_per_academic_year()
    {
        var register = $@"2025-09-08 {Days("UU", 10)} /\ {Days("UU", 10)} /\ 2026-09-07 {Days("UU", 10)}";
        Assert.Equal([Date("2025-09-19"), Date("2026-09-18")], Actions(register, "2026-09-18", "la-attendance-return").Select(a => a.Date));
    }

    // la-sickness-return (national): 15 school days (30 sessions) of illness in the academic year.

    [Fact]
    public void The_sickness_return_falls_due_on_the_15th_day_of_illness_and_not_a_session_earlier()
    {
        var action = Assert.Single(Actions($"2025-09-08 {Days("II", 15)}", "2025-09-26", "la-sickness-return"));
        AssertAction(action, "2025-09-26", SessionOfDay.PM, ActionKind.Notification, "Sickness return to the local authority (15 school days of illness)");
        Assert.Equal("30 sessions of I in the academic year 2025/26, at least 30", action.Evidence);
        Assert.Equal("2025-09-08 AM", action.Sessions[0].ToString());

        Assert.Empty(Actions($"2025-09-08 {Days("II", 14)} I-", "2025-09-26", "la-sickness-return"));
    }

    [Fact]
    public void Twenty_nine_sessions_of_illness_in_a_year_do_not_make_a_sickness_return()
    {
        // 14 days and one session in autumn, none after: the year holds 29.
        (string, string)[] ill = [.. SchoolDays().Take(14).Select(d => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "II")), ("2025-09-26", @"I\")];
        Assert.Empty(Actions(Register("2026-07-17", ill), "2026-07-31", "la-sickness-return"));
    }

    [Fact]
    public void The_sickness_return_falls_due_again_for_30_fresh_sessions_in_another_term()
    {
        // 15 days of illness in autumn and 15 more in spring: two returns, each counting its own 30 sessions.
        var autumn = SchoolDays().Where(d => d >= Date("2025-11-03")).Take(15);
        var spring = SchoolDays().Where(d => d >= Date("2026-01-05")).Take(15);
        var register = Register("2026-03-27", [.. autumn.Concat(spring).Select(d => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "II"))]);
        var actions = Actions(register, "2026-03-27", "la-sickness-return");
        Assert.Equal([Date("2025-11-21"), Date("2026-01-23")], actions.Select(a => a.Date));
        Assert.Equal("30 sessions of I in the academic year 2025/26, at least 30", actions[1].Evidence);
        Assert.Equal("2026-01-05 AM", actions[1].Sessions[0].ToString());
    }

    // deletion-review (national): 20 consecutive school days of G, N or O.

    [Fact]
    public void A_closure_day_neither_extends_nor_breaks_the_20_days_before_a_deletion_review()
    {
        // 9 days of O, a planned closure on Friday 19 September, 11 more days of O: the 20th is Monday 6 October.
        var register = $"2025-09-08 {Days("OO", 9)} ## {Days("OO", 11)}";
        var action = Assert.Single(Actions(register, "2025-10-06", "deletion-review"));
        AssertAction(action, "2025-10-06", SessionOfDay.PM, ActionKind.Safeguarding, "Review for deletion from the admission register (20 school days of G, N or O)");
        Assert.Equal("20 consecutive school days (2025-09-08 to 2025-10-06) with every session G, N, O as recorded reached 20", action.Evidence);

        Assert.Empty(Actions(register, "2025-10-03", "deletion-review"));
    }

    [Fact]
    public void Nineteen_days_of_absence_or_twenty_with_a_late_arrival_after_registers_close_make_no_deletion_review()
    {
        Assert.Empty(Actions($@"2025-09-08 {Days("NN", 19)} /\", "2025-10-03", "deletion-review"));
        Assert.Empty(Actions($"2025-09-08 {Days("NN", 10)} UN {Days("NN", 9)}", "2025-10-03", "deletion-review"));
    }

    [Fact]
    public void The_deletion_review_falls_due_once_per_academic_year()
    {
        Assert.Equal([Date("2025-10-03")], Actions($@"2025-09-08 {Days("GG", 20)} /\ {Days("GG", 25)}", "2025-11-14", "deletion-review").Select(a => a.Date));
    }

    // persistent-absence: the school's letter when attendance falls strictly below 90%; the national flag stays at 10% or more.

    private const string NinetyPercent = @"2025-09-08 /\ /\ /\ /\ /\ 2025-09-15 /\ /\ /\ /\ II 2025-09-22 I\";

    [Fact]
    public void The_persistent_absence_letter_falls_due_below_90_percent_while_the_national_flag_is_raised_at_90()
    {
        var atNinety = Aycliffe.Evaluate(RegisterNotation.Parse(NinetyPercent), Date("2025-09-19"));
        Assert.True(atNinety.Figures.IsPersistentAbsence);
        Assert.Equal(90.00m, atNinety.Figures.AttendancePercent);
        Assert.DoesNotContain(atNinety.Actions, a => a.RuleId == "persistent-absence");

        var action = Assert.Single(Actions(NinetyPercent, "2025-09-22", "persistent-absence"));
        AssertAction(action, "2025-09-22", SessionOfDay.AM, ActionKind.Letter, "Persistent absence - attendance falls below 90%");
        Assert.Equal("attendance 85.71% (18 of 21 possible sessions) this academic year fell below 90%", action.Evidence);
        Assert.Equal(4, action.FollowUps.Count);
    }

    [Fact]
    public void Attendance_of_90_48_percent_brings_no_persistent_absence_letter()
    {
        Assert.Empty(Actions(@"2025-09-08 /\ /\ /\ /\ /\ 2025-09-15 /\ /\ /\ /\ I\ 2025-09-22 I-", "2025-09-22", "persistent-absence"));
    }

    [Fact]
    public void The_persistent_absence_letter_falls_due_once_per_academic_year()
    {
        var register = NinetyPercent + @" /\ /\ /\ /\ 2025-09-29 /\ II OO 2026-09-07 /\ O\";
        var actions = Actions(register, "2026-09-08", "persistent-absence");
        Assert.Equal(["2025-09-22 AM", "2026-09-08 AM"], actions.Select(DateAndSession));
        Assert.Equal("attendance 66.67% (2 of 3 possible sessions) this academic year fell below 90%", actions[1].Evidence);
    }

    // religious-observance-maximum: more than 2 days of R = the 5th R session of the academic year.

    [Fact]
    public void Religious_observance_beyond_2_days_is_flagged_at_the_5th_R_session_and_not_a_session_earlier()
    {
        const string register = @"2025-09-08 R\ /\ RR /\ R\ 2025-09-15 /\ /R /\";
        var action = Assert.Single(Actions(register, "2025-09-17", "religious-observance-maximum"));
        AssertAction(action, "2025-09-16", SessionOfDay.PM, ActionKind.DataQuality, "Religious Observance - a maximum of 2 days absence is allowed");
        Assert.Equal(
            "5 sessions of R in the academic year 2025/26 reached 5: 2025-09-08 AM R, 2025-09-10 AM R, 2025-09-10 PM R, 2025-09-12 AM R, 2025-09-16 PM R",
            action.Evidence);

        Assert.Empty(Actions(register, "2025-09-15", "religious-observance-maximum"));
        Assert.Empty(Actions(@"2025-09-08 R\ /\ RR /\ R\ 2025-09-15 /\ /\ /\", "2025-09-17", "religious-observance-maximum"));
    }

    [Fact]
    public void R_sessions_of_the_previous_academic_year_do_not_count_towards_the_2_days()
    {
        // 4 in July 2025 and 4 in September 2025: 2 days in each year. A fifth in September is the 5th of 2025/26.
        const string register = @"2025-07-14 RR RR 2025-09-08 RR RR /\";
        Assert.Empty(Actions(register, "2025-09-10", "religious-observance-maximum"));
        Assert.Equal("2025-09-10 AM", DateAndSession(Assert.Single(Actions(@"2025-07-14 RR RR 2025-09-08 RR RR R\", "2025-09-10", "religious-observance-maximum"))));
    }

    [Fact]
    public void Religious_observance_is_flagged_again_only_after_5_more_R_sessions()
    {
        var actions = Actions(@"2025-09-08 RR RR RR RR RR", "2025-09-12", "religious-observance-maximum");
        Assert.Equal(["2025-09-10 AM", "2025-09-12 PM"], actions.Select(DateAndSession));
        Assert.Single(Actions(@"2025-09-08 RR RR RR RR R\", "2025-09-12", "religious-observance-maximum"));
    }

    // part-time-timetable-start and -end: a notification at each session where C2 starts and where it ends.

    [Fact]
    public void A_part_time_timetable_start_and_end_are_each_notified_at_their_session()
    {
        const string register = @"2025-09-08 /\ /\ /C2 C2C2 C2C2 2025-09-15 /\";
        var start = Assert.Single(Actions(register, "2025-09-15", "part-time-timetable-start"));
        AssertAction(start, "2025-09-10", SessionOfDay.PM, ActionKind.Notification, "Return information within five days of the pupil starting a part-time timetable");
        Assert.Equal("2025-09-10 PM C2 starts C2; due within 5 school days", start.Evidence);

        var end = Assert.Single(Actions(register, "2025-09-15", "part-time-timetable-end"));
        AssertAction(end, "2025-09-15", SessionOfDay.AM, ActionKind.Notification, "Return information within five days of the pupil ending a part-time timetable");
        Assert.Equal("C2 ended: 2025-09-15 AM / follows a session marked C2; due within 5 school days", end.Evidence);

        Assert.Empty(Actions(@"2025-09-08 /\ /\ /-", "2025-09-10", "part-time-timetable-start"));
        Assert.Empty(Actions(register, "2025-09-12", "part-time-timetable-end"));
    }

    [Fact]
    public void Other_leave_of_absence_is_not_a_part_time_timetable()
    {
        Assert.Empty(Actions(@"2025-09-08 /\ CC CC /\", "2025-09-11", "part-time-timetable-start"));
        Assert.Empty(Actions(@"2025-09-08 /\ CC CC /\", "2025-09-11", "part-time-timetable-end"));
    }

    [Fact]
    public void Each_part_time_timetable_starts_and_ends_once()
    {
        const string register = @"2025-09-08 C2C2 C2C2 /\ /\ 2025-09-15 /C2 C2C2 C2- 2025-09-22 /\";
        Assert.Equal(["2025-09-08 AM", "2025-09-15 PM"], Actions(register, "2025-09-22", "part-time-timetable-start").Select(DateAndSession));
        Assert.Equal(["2025-09-10 AM", "2025-09-22 AM"], Actions(register, "2025-09-22", "part-time-timetable-end").Select(DateAndSession));
    }

    [Fact]
    public void A_planned_closure_during_a_part_time_timetable_neither_ends_nor_restarts_it()
    {
        const string register = @"2025-09-08 /\ C2C2 ## C2C2 /\";
        Assert.Equal(["2025-09-09 AM"], Actions(register, "2025-09-12", "part-time-timetable-start").Select(DateAndSession));
        Assert.Equal(["2025-09-12 AM"], Actions(register, "2025-09-12", "part-time-timetable-end").Select(DateAndSession));
    }

    // good-attendance-certificate: 100% attendance judged on the last school day of each term and of the year.

    [Fact]
    public void With_the_calendar_the_term_certificate_falls_due_on_the_last_day_of_term_and_a_closure_is_no_absence()
    {
        // A planned closure (##) on 3 November is not a possible session: 138 of 138.
        var register = Register("2025-12-19", ("2025-11-03", "##"));
        var action = Assert.Single(Actions(register, "2025-12-19", "good-attendance-certificate", TermCalendar));
        AssertAction(action, "2025-12-19", SessionOfDay.PM, ActionKind.Reward, "Good attendance certificate for 100% attendance");
        Assert.Equal("attendance 100.00% (138 of 138 possible sessions) over the term is at least 100%", action.Evidence);

        Assert.Empty(Actions(Register("2025-12-18", ("2025-11-03", "##")), "2025-12-18", "good-attendance-certificate", TermCalendar));
    }

    [Fact]
    public void One_medical_appointment_loses_the_term_and_year_certificates()
    {
        var register = Register("2026-07-17", ("2026-02-04", @"/M"));
        var actions = Actions(register, "2026-07-31", "good-attendance-certificate", TermCalendar);
        Assert.Equal(
            ["2025-12-19 140 of 140 over the term", "2026-07-17 130 of 130 over the term"],
            actions.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Date:yyyy-MM-dd} {a.Evidence[(a.Evidence.IndexOf('(') + 1)..].Replace(" possible sessions)", string.Empty, StringComparison.Ordinal).Replace(" is at least 100%", string.Empty, StringComparison.Ordinal)}")));
    }

    [Fact]
    public void With_the_calendar_the_certificates_of_the_last_term_and_of_the_year_fall_due_on_its_last_school_day()
    {
        var year = Register("2026-07-17");
        var actions = Actions(year, "2026-07-17", "good-attendance-certificate", TermCalendar);
        Assert.Equal(["2025-12-19 PM", "2026-03-27 PM", "2026-07-17 PM", "2026-07-17 PM"], actions.Select(DateAndSession));
        Assert.Equal("attendance 100.00% (130 of 130 possible sessions) over the term is at least 100%", actions[2].Evidence);
        Assert.Equal("attendance 100.00% (380 of 380 possible sessions) over the academic year 2025/26 is at least 100%", actions[3].Evidence);

        Assert.Equal([Date("2025-12-19"), Date("2026-03-27")], Actions(Register("2026-07-16"), "2026-07-16", "good-attendance-certificate", TermCalendar).Select(a => a.Date));
    }
}
