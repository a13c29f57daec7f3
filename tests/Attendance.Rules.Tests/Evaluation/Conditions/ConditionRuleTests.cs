using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using static Attendance.Rules.Tests.Evaluation.Conditions.ConditionKit;

namespace Attendance.Rules.Tests.Evaluation.Conditions;

/// <summary>Rules with `when`: judged points, comparisons, combinators, references and repeats, each against hand-counted registers (Monday 1 September 2025 on).</summary>
public class ConditionRuleTests
{
    private const string Below95 = "{ measure: attendance, below: 95 }";

    [Fact]
    public void A_day_judged_rule_counts_the_whole_day_and_a_session_judged_one_falls_due_at_the_session()
    {
        const string register = "2025-09-01 /\\ O\\";
        var day = Evaluate(Compile(Rule("r", Below95)), register, D(2025, 9, 2));
        var session = Evaluate(Compile(Rule("r", Below95, "    judged: session\n")), register, D(2025, 9, 2));

        Assert.Equal(["2025-09-02 PM"], Due(day, "r"));
        Assert.Equal("attendance 75.00% (3 of 4 possible sessions) in the academic year 2025/26, below 95%", day.Actions.Single().Evidence);
        Assert.Equal(["2025-09-02 AM"], Due(session, "r"));
    }

    [Fact]
    public void The_policy_default_minimum_of_possible_sessions_holds_a_percentage_until_it_is_reached_and_a_comparison_may_set_its_own()
    {
        var register = "2025-09-01 OO " + Days(P, 9);

        Assert.Equal(["2025-09-12 PM"], Due(Evaluate(Compile(Rule("r", Below95), "defaults: { min_possible_sessions: 20 }\n"), register, D(2025, 9, 12)), "r"));
        Assert.Equal(["2025-09-02 PM"], Due(Evaluate(Compile(Rule("r", "{ measure: attendance, below: 95, min_possible_sessions: 4 }"), "defaults: { min_possible_sessions: 20 }\n"), register, D(2025, 9, 12)), "r"));
        Assert.Equal(["2025-09-01 PM"], Due(Evaluate(Compile(Rule("r", Below95)), register, D(2025, 9, 12)), "r"));
    }

    [Theory]
    [InlineData("at_least: 10", 5, "2025-09-05 PM")]
    [InlineData("more_than: 10", 5, null)]
    [InlineData("more_than: 10", 6, "2025-09-08 PM")]
    [InlineData("equals: 10", 6, "2025-09-05 PM")]
    [InlineData("at_most: 1", 6, null)]
    public void Count_operators_are_exact_at_their_boundary(string op, int days, string? due)
    {
        var policy = Compile(Rule("r", "{ measure: { count: [O] }, " + op + " }"));

        var actual = Due(Evaluate(policy, "2025-09-01 " + Days("OO", 5) + (days > 5 ? " O\\" : string.Empty), D(2025, 9, 8)), "r");

        Assert.Equal(due is null ? [] : [due], actual);
    }

    [Fact]
    public void Not_inside_all_excludes_absence_that_is_solely_a_holiday()
    {
        var policy = Compile(Rule("r", "\n      all:\n        - { measure: { count: unauthorised }, at_least: 10 }\n        - not: { measure: { count: [G] }, at_least: 10 }\n"));

        Assert.Empty(Due(Evaluate(policy, "2025-09-01 " + Days("GG", 5), D(2025, 9, 5)), "r"));
        var mixed = Evaluate(policy, "2025-09-01 " + Days("GG", 4) + " GO", D(2025, 9, 5));
        Assert.Equal(["2025-09-05 PM"], Due(mixed, "r"));
        Assert.Contains("10 unauthorised sessions (G, N, O, U) in the academic year", mixed.Actions.Single().Evidence, StringComparison.Ordinal);
        Assert.Contains("; and not (9 sessions of G", mixed.Actions.Single().Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_falls_due_when_one_branch_holds_and_names_only_the_branches_that_held()
    {
        var policy = Compile(Rule("r", "\n      any:\n        - { measure: { count: [O] }, at_least: 2 }\n        - { measure: late, at_least: 2 }\n"));

        var e = Evaluate(policy, "2025-09-01 L\\ L\\", D(2025, 9, 2));

        Assert.Equal(["2025-09-02 PM"], Due(e, "r"));
        Assert.Equal("2 late in the academic year 2025/26, at least 2", e.Actions.Single().Evidence);
    }

    private static string Meeting(string op) =>
        Rule("letter", Below95) + Rule("meeting", "{ measure: { change: attendance, since: letter }, over: { within: { school_days: 10 }, after: letter }, " + op + ": 0 }", "    after: letter\n", "meeting");

    [Fact]
    public void Unchanged_attendance_at_the_end_of_a_monitoring_period_is_not_improved_but_not_declined()
    {
        // Letter at the end of Tuesday 2 September (2 of 4); each of the next 10 school days "/O"
        // keeps 50%: at the end of Tuesday 16 September, 12 of 24, a change of 0.
        var register = "2025-09-01 /\\ OO " + Days("/O", 10);

        var notImproved = Evaluate(Compile(Meeting("at_or_below")), register, D(2025, 9, 16));
        Assert.Equal(["2025-09-02 PM"], Due(notImproved, "letter"));
        Assert.Equal(["2025-09-16 PM"], Due(notImproved, "meeting"));
        Assert.Empty(Due(Evaluate(Compile(Meeting("at_or_below")), register, D(2025, 9, 15)), "meeting"));
        Assert.Empty(Due(Evaluate(Compile(Meeting("below")), register, D(2025, 9, 16)), "meeting"));
        Assert.Empty(Due(Evaluate(Compile(Meeting("at_or_below")), "2025-09-01 /\\ OO " + Days(P, 10), D(2025, 9, 16)), "meeting"));
    }

    [Fact]
    public void A_decline_is_measured_from_the_end_of_the_letters_day_so_its_afternoon_is_no_decline()
    {
        // Regression (issue 13): a letter at Monday's morning absence (session-judged); the
        // afternoon is absent too. Present every day after: no decline, though Tuesday's figure is
        // below the one at Monday morning's session.
        var rules = Rule("letter", Below95, "    judged: session\n")
            + Rule("declined", "{ measure: { change: attendance, since: letter }, below: 0 }", "    after: letter\n    judged: session\n", "meeting");
        var e = Evaluate(Compile(rules), "2025-09-01 OO " + Days(P, 4), D(2025, 9, 5));

        Assert.Equal(["2025-09-01 AM"], Due(e, "letter"));
        Assert.Empty(Due(e, "declined"));
    }

    [Theory]
    [InlineData(29, "2025-10-14 PM")]
    [InlineData(30, null)]
    public void Any_further_absence_within_an_early_monitoring_period_falls_due_at_once_and_not_after_it(int presentDays, string? due)
    {
        var rules = Rule("letter", Below95)
            + Rule("referral", "{ measure: { count: [O] }, over: { within: { school_days: 30 }, after: letter, early: true }, at_least: 1 }", string.Empty, "referral");

        var e = Evaluate(Compile(rules), "2025-09-01 /\\ OO " + Days(P, presentDays) + " O\\", D(2025, 10, 31));

        Assert.Equal(due is null ? [] : [due], Due(e, "referral"));
    }

    [Fact]
    public void Rolling_school_weeks_pass_over_a_holiday_week_and_calendar_weeks_do_not()
    {
        const string register = "2025-09-01 O\\ /\\ /\\ /\\ /\\ ~5 O\\";
        var policy = Compile(Rule("school", "{ measure: { count: [O] }, over: { rolling: { school_weeks: 2 } }, at_least: 2 }")
            + Rule("calendar", "{ measure: { count: [O] }, over: { rolling: { weeks: 2 } }, at_least: 2 }"));

        var e = Evaluate(policy, register, D(2025, 9, 15));

        Assert.Equal(["2025-09-15 PM"], Due(e, "school"));
        Assert.Empty(Due(e, "calendar"));
    }

    [Fact]
    public void Runs_days_and_spells_count_days_with_both_sessions_and_half_days_break_runs()
    {
        var policy = Compile(Rule("run", "{ measure: { run: [I] }, at_least: 3 }") + Rule("days", "{ measure: { days: [I] }, at_least: 2 }") + Rule("spells", "{ measure: { spells: [I] }, at_least: 2 }"));

        var e = Evaluate(policy, "2025-09-01 II I\\ II II II", D(2025, 9, 5));

        Assert.Equal(["2025-09-05 PM"], Due(e, "run"));
        Assert.Equal(["2025-09-03 PM"], Due(e, "days"));
        Assert.Equal(["2025-09-03 PM"], Due(e, "spells"));
        Assert.Equal("3 consecutive school days of I to 5 Sep 2025, at least 3", e.Actions.First(a => a.RuleId == "run").Evidence);
    }

    [Theory]
    [InlineData("once_per_year", new[] { "2025-09-02 PM" })]
    [InlineData("on_lapse", new[] { "2025-09-02 PM", "2025-09-05 PM" })]
    [InlineData("every_time", new[] { "2025-09-02 PM", "2025-09-05 PM", "2025-09-08 PM" })]
    public void Repeat_modes_differ_only_after_the_first_time(string repeat, string[] due)
    {
        var policy = Compile(Rule("r", "{ measure: { run: [O] }, at_least: 2 }", $"    repeat: {repeat}\n"));

        Assert.Equal(due, Due(Evaluate(policy, "2025-09-01 OO OO /\\ OO OO OO", D(2025, 9, 8)), "r"));
    }

    [Fact]
    public void A_fresh_count_records_threshold_hits_that_never_share_a_session()
    {
        var fresh = Compile(Rule("r", "{ measure: { count: unauthorised }, over: { rolling: { school_weeks: 10 } }, at_least: 3 }", "    judged: session\n    repeat: fresh\n", "referral"));
        var e = Evaluate(fresh, "2025-09-01 OO O\\ OO O\\", D(2025, 9, 4));

        Assert.Equal(["2025-09-02 AM", "2025-09-04 AM"], Due(e, "r"));
        Assert.Equal(2, e.ThresholdHits.Count);
        Assert.All(e.ThresholdHits, h => Assert.Equal(3, h.Sessions));
        Assert.Empty(e.ThresholdHits[0].CountedSessions.Intersect(e.ThresholdHits[1].CountedSessions));
        Assert.Equal(D(2025, 9, 1), e.ThresholdHits[0].FirstWeek);
    }

    [Fact]
    public void Repeat_fresh_is_refused_on_a_condition_that_is_not_one_count()
    {
        var result = global::Attendance.Rules.Loading.PolicyLoader.ReadString("id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\nrules:\n" + Rule("r", Below95, "    repeat: fresh\n"), "t.yaml");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == global::Attendance.Rules.Loading.DiagnosticSeverity.Error);
        Assert.Equal(10, error.Line);
        Assert.Contains("'repeat: fresh' counts each session towards one hit only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_are_judged_as_of_the_evaluation_date_beside_the_flags()
    {
        const string indicators = "indicators:\n  - { id: below-target, title: Below 97%, when: { measure: attendance, below: 97 }, source: \"s\" }\n  - { id: over-10, title: Over 10%, when: { measure: absence, above: 10 }, source: \"s\" }\n";
        var policy = Compile(Rule("r", "{ measure: { count: [X] }, at_least: 1 }"), indicators);

        var exactlyTen = Evaluate(policy, "2025-09-01 " + Days(P, 9) + " OO", D(2025, 9, 12));
        Assert.Equal([("below-target", true), ("over-10", false)], exactlyTen.Indicators.Select(i => (i.Id, i.Holds)));
        Assert.True(exactlyTen.Figures.IsPersistentAbsence);
        Assert.Equal("absence 10.00% (2 of 20 possible sessions) in the academic year 2025/26, above 10%", exactlyTen.Indicators[1].Evidence);

        var buffer = new EvaluationBuffer();
        var summary = policy.Evaluate(Testing.RegisterNotation.Parse("2025-09-01 " + Days(P, 8) + " OO OO"), D(2025, 9, 15), buffer);
        Assert.Equal([true, true], summary.Indicators.ToArray());
    }

    [Theory]
    [InlineData("7", true)]
    [InlineData("8", false)]
    [InlineData(null, true)]
    public void Applies_to_limits_a_rule_to_its_year_groups_and_includes_a_pupil_of_unknown_year(string? yearGroup, bool due)
    {
        var policy = Compile(Rule("r", Below95, "    applies_to: { year_groups: [\"7\"] }\n"));

        Assert.Equal(due, Due(Evaluate(policy, "2025-09-01 OO", D(2025, 9, 1), yearGroup), "r").Count == 1);
    }

    [Fact]
    public void Compulsory_age_only_leaves_out_a_reception_pupil()
    {
        var policy = Compile(Rule("r", Below95, "    applies_to: { compulsory_age: true }\n"));

        Assert.Empty(Due(Evaluate(policy, "2025-09-01 OO", D(2025, 9, 1), "R"), "r"));
        Assert.Single(Due(Evaluate(policy, "2025-09-01 OO", D(2025, 9, 1), "3"), "r"));
    }

    [Fact]
    public void Compulsory_age_is_judged_day_by_day_from_the_date_of_birth_where_it_is_known()
    {
        // Born 15 October 2020: in Reception in 2025/26, of compulsory school age from 31 December 2025.
        var policy = Compile(Rule("r", "{ measure: { count: [O] }, over: { rolling: { school_days: 1 } }, at_least: 1 }", "    applies_to: { compulsory_age: true }\n    repeat: every_time\n"));
        var roll = PupilRoll.Create(dateOfBirth: D(2020, 10, 15));
        var register = RegisterNotation.Parse("2025-12-15 OO OO OO OO OO ~15 OO OO", "p1", "R", roll);

        var due = Due(policy.Evaluate(register, D(2026, 1, 13)), "r");

        Assert.Equal(["2026-01-12 PM", "2026-01-13 PM"], due);
        Assert.Empty(Due(policy.Evaluate(RegisterNotation.Parse("2025-12-15 OO OO OO OO OO ~15 OO OO", "p1", "R"), D(2026, 1, 13)), "r"));
    }

    [Theory]
    [InlineData("day")]
    [InlineData("session")]
    public void A_count_reached_before_compulsory_age_falls_due_on_the_first_day_of_it_without_a_new_session(string judged)
    {
        // A count is judged only where it rises, where the year starts and where the pupil comes into
        // scope: here the pupil comes into scope on a day of attendance, with the count already reached.
        var policy = Compile(Rule("r", "{ measure: { count: [O] }, at_least: 3 }", $"    applies_to: {{ compulsory_age: true }}\n    judged: {judged}\n"));
        var roll = PupilRoll.Create(dateOfBirth: D(2020, 10, 15));
        var register = RegisterNotation.Parse("2025-12-15 OO OO OO OO OO ~15 /\\ /\\", "p1", "R", roll);

        var due = Due(policy.Evaluate(register, D(2026, 1, 13)), "r");

        Assert.Equal([judged == "day" ? "2026-01-12 PM" : "2026-01-12 AM"], due);
    }

    [Fact]
    public void A_year_11_pupil_is_no_longer_of_compulsory_age_after_the_school_leaving_date()
    {
        // Born 31 August 2010: 16 in the summer holiday, so compulsory school age ends on 26 June 2026.
        var policy = Compile(Rule("r", "{ measure: { count: [O] }, over: { rolling: { school_days: 1 } }, at_least: 1 }", "    applies_to: { compulsory_age: true }\n    repeat: every_time\n"));
        var roll = PupilRoll.Create(dateOfBirth: D(2010, 8, 31));

        var due = Due(policy.Evaluate(RegisterNotation.Parse("2026-06-25 OO OO OO", "p1", "11", roll), D(2026, 6, 29)), "r");

        Assert.Equal(["2026-06-25 PM", "2026-06-26 PM"], due);
    }

    [Fact]
    public void After_waits_for_an_action_on_an_earlier_school_day()
    {
        var policy = Compile(Rule("a", "{ measure: { count: [I] }, at_least: 1 }") + Rule("b", "{ measure: { count: [O] }, at_least: 1 }", "    after: a\n"));

        Assert.Equal(["2025-09-03 PM"], Due(Evaluate(policy, "2025-09-01 O\\ I\\ O\\", D(2025, 9, 3)), "b"));
        Assert.Equal(["2025-09-03 PM"], Due(Evaluate(policy, "2025-09-01 O\\ IO /\\", D(2025, 9, 3)), "b"));
        Assert.Empty(Due(Evaluate(policy, "2025-09-01 O\\ IO", D(2025, 9, 2)), "b"));
    }

    [Fact]
    public void A_window_of_one_session_makes_each_late_after_the_third_a_detention()
    {
        var policy = Compile(Rule("detention", "\n      all:\n        - { measure: late, over: term, at_least: 3 }\n        - { measure: late, over: { rolling: { sessions: 1 } }, at_least: 1 }\n", "    judged: session\n    repeat: every_time\n", "sanction"));

        Assert.Equal(["2025-09-03 AM", "2025-09-03 PM"], Due(Evaluate(policy, "2025-09-01 L\\ L\\ LL /\\", D(2025, 9, 4)), "detention"));
    }

    [Fact]
    public void Punctuality_is_the_share_of_sessions_attended_on_time()
    {
        var policy = Compile(Rule("r", "{ measure: punctuality, below: 95 }"));

        var e = Evaluate(policy, "2025-09-01 /\\ L\\", D(2025, 9, 2));

        Assert.Equal(["2025-09-02 PM"], Due(e, "r"));
        Assert.Equal("punctuality 75.00% (3 of 4 sessions attended on time) in the academic year 2025/26, below 95%", e.Actions.Single().Evidence);
        Assert.Empty(Due(Evaluate(policy, "2025-09-01 OO", D(2025, 9, 1)), "r"));
    }

    [Fact]
    public void A_projection_needs_a_calendar_and_uses_the_school_days_left_in_the_year()
    {
        var policy = Compile(Rule("r", "{ measure: { projected: attendance }, over: { rolling: { school_days: 1 } }, below: 90 }"));
        var calendar = SchoolCalendar.Create([new NodaTime.DateInterval(D(2025, 9, 1), D(2025, 9, 5))]);

        // Monday present, Tuesday absent: at Tuesday's rate (0%) over the 3 days left, 2 of 10 = 20%.
        var e = Evaluate(policy, "2025-09-01 /\\ OO", D(2025, 9, 2), calendar: calendar);
        Assert.Equal(["2025-09-02 PM"], Due(e, "r"));
        Assert.Contains("projected attendance 20.00% at the end of the academic year", e.Actions.Single().Evidence, StringComparison.Ordinal);
        Assert.Empty(Due(Evaluate(policy, "2025-09-01 /\\ OO", D(2025, 9, 2)), "r"));
    }

    // ---- found by a second review ----

    [Fact]
    public void Evidence_of_a_morning_point_reads_the_day_as_it_was_then()
    {
        var policy = Compile(Rule("r", "{ not: { measure: { run: [O] }, at_least: 1 } }", "    judged: session\n"));

        var e = Evaluate(policy, "2025-09-01 OO", D(2025, 9, 1));

        Assert.Equal(["2025-09-01 AM"], Due(e, "r"));
        Assert.Equal("not (0 consecutive school days of O to 1 Sep 2025, at least 1)", e.Actions.Single().Evidence);
    }

    [Fact]
    public void Evidence_of_not_over_any_names_every_part()
    {
        var policy = Compile(Rule("r", "{ not: { any: [ { measure: late, at_least: 1 }, { measure: { count: [O] }, at_least: 1 } ] } }"));

        var e = Evaluate(policy, "2025-09-01 /\\", D(2025, 9, 1));

        Assert.Equal("not (0 late in the academic year 2025/26, at least 1; or 0 sessions of O in the academic year 2025/26, at least 1)", e.Actions.Single().Evidence);
    }

    [Fact]
    public void A_count_once_a_year_does_not_count_last_years_sessions_again_in_a_rolling_window()
    {
        var policy = Compile(Rule("r", "{ measure: { count: [O] }, over: { rolling: { school_weeks: 10 } }, at_least: 4 }", "    judged: session\n"));

        var e = Evaluate(policy, "2025-07-14 OO OO /\\ /\\ /\\ 2025-09-01 O/", D(2025, 9, 1));

        Assert.Equal(["2025-07-15 PM"], Due(e, "r"));
        Assert.Single(e.ThresholdHits);
    }

    [Fact]
    public void Indicators_have_no_value_when_the_evaluation_dates_year_has_no_school_day()
    {
        var policy = Compile(Rule("r", "{ measure: { count: [X] }, at_least: 1 }"), "indicators:\n  - { id: high, title: High absence, when: { measure: absence, at_or_above: 10 }, source: \"s\" }\n");

        var e = Evaluate(policy, "2025-07-14 OO OO OO OO OO", D(2025, 9, 10));

        Assert.False(Assert.Single(e.Indicators).Holds);
        Assert.Equal("no school day in the academic year to the evaluation date", e.Indicators[0].Evidence);
        Assert.Null(e.Figures.AttendancePercent);
    }

    [Fact]
    public void Previous_cannot_be_a_rule_id()
    {
        var result = global::Attendance.Rules.Loading.PolicyLoader.ReadString("id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\nrules:\n" + Rule("previous", Below95), "t.yaml");

        Assert.Contains(result.Diagnostics, d => d.Message == "'previous' is the word for the stage before, so it cannot be a rule id" && d.Line == 6);
    }

    [Fact]
    public void A_scheduled_step_with_a_condition_falls_due_only_for_pupils_for_whom_it_holds()
    {
        var policy = Compile("  - id: review\n    type: scheduled\n    title: Weekly review\n    action: meeting\n    every: week\n    when: { measure: attendance, below: 90 }\n    source: \"s\"\n");

        var e = Evaluate(policy, "2025-09-01 " + Days(P, 5) + " OO OO " + Days(P, 3), D(2025, 9, 14));

        Assert.Equal(["2025-09-12 PM"], Due(e, "review"));
        Assert.Equal("last school day of the school week: 2025-09-12; attendance 80.00% (16 of 20 possible sessions) in the academic year 2025/26, below 90%", e.Actions.Single().Evidence);
        Assert.Empty(Due(Evaluate(policy, "2025-09-01 " + Days(P, 10), D(2025, 9, 14)), "review"));
    }

    [Fact]
    public void A_closed_day_at_the_start_of_a_new_year_is_in_no_term_yet()
    {
        // Regression (second review): a session-judged rule over the term on an INSET day (#) on
        // 1 September measured July's absence again.
        var policy = Compile(Rule("r", "{ measure: absence, over: term, above: 0 }", "    judged: session\n"));

        var e = Evaluate(policy, "2025-07-14 O\\ /\\ /\\ /\\ /\\ 2025-09-01 ##", D(2025, 9, 1));

        Assert.Equal(["2025-07-14 AM"], Due(e, "r"));
    }
}
