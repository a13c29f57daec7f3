using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// Laurence Jackson's policy (with the national rules it inherits), rule by rule: each fires on the
/// date and session the semantics give and not a session earlier, not when just short of its
/// threshold, and repeats only as the policy says. Expected values are worked out by hand from
/// engine-semantics.md and decisions.md; the comments show the arithmetic.
/// </summary>
public class LaurenceJacksonScenarioTests
{
    private const string Present = @"/\";

    private static readonly CompiledPolicy Policy =
        PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml")));

    // ----- The policy's rules -----------------------------------------------------------------

    [Fact]
    public void The_scenarios_cover_every_rule_of_the_resolved_policy()
    {
        // Inherited national rules first (the statutory sickness return kept), then the school's.
        Assert.Equal(
        [
            "penalty-notice-threshold", "la-attendance-return", "la-sickness-return", "new-pupil-return", "deletion-review", "n-code-unresolved",
            "first-day-calling", "attendance-monitoring-stages", "illness-without-medical-evidence", "trip-privileges-withdrawn",
            "truancy-warning-letter", "further-truancy-penalty-notice", "missing-education-risk", "inform-la-health-absence",
            "absence-over-50-percent", "half-termly-attendance-report", "weekly-tutor-review", "weekly-attendance-update",
        ],
            Policy.Policy.Rules.Select(r => r.Id));
    }

    // ----- attendance-monitoring-stages: the walk from Stage 1 to Stage 4 ------------------------

    /// <summary>
    /// 8 Sep–10 Oct present (50 sessions); Mon 13 Oct II; Tue 14 Oct II; Wed 15 present; Thu 16 I then
    /// present; Fri 17–Fri 24 Oct present but Wed 22 AM I; half term 27–31 Oct; Mon 3–Thu 6 Nov present
    /// but Tue 4 PM I. <see cref="WalkToStage4"/> adds Fri 7 Nov–Thu 4 Dec, present but for the very
    /// last session, Thu 4 Dec PM, M.
    /// </summary>
    private const string Walk =
        "2025-09-08 /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /\\ /\\ " +
        "II II /\\ I\\ /\\ " +
        "/\\ /\\ I\\ /\\ /\\ ~5 " +
        "/\\ /I /\\ /\\ ";

    private static readonly string WalkToStage4 = Walk + "/\\  /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /\\ /\\  /\\ /\\ /\\ /M";

    [Fact]
    public void Stages_1_to_4_fall_due_in_turn_with_the_stage_3_monitoring_period_running_through_the_half_term()
    {
        var actions = Actions(Evaluate(WalkToStage4, "2025-12-05"), "attendance-monitoring-stages");

        // Stage 1: Mon 13 Oct PM is 50 of 52 = 96.15% (not below); Tue 14 AM is 50 of 53 = 94.34%.
        // Stage 2: Tue 14 PM is absent but on stage 1's own day; Thu 16 AM is the first absence after it.
        // Stage 3: the 10 school days after Thu 16 Oct are 17, 20-24 Oct and 3-6 Nov (the half term uses
        // none); at the end of Thu 6 Nov attendance is 71 of 78 = 91.03%, below 53 of 58 = 91.38% at the end
        // of stage 2's day (its afternoon present counted).
        // Stage 4: the 20 school days after Thu 6 Nov end on Thu 4 Dec; 39 of 40 = 97.50% is below 100%.
        Assert.Equal(
            ["2025-10-14 AM stage 1", "2025-10-16 AM stage 2", "2025-11-06 PM stage 3", "2025-12-04 PM stage 4"],
            actions.Select(Describe));
        Assert.Equal([ActionKind.Letter, ActionKind.Letter, ActionKind.Letter, ActionKind.Referral], actions.Select(a => a.Kind));
        Assert.Equal(
            ["Stage 1 - Initial Concern Letter", "Stage 2 - Ongoing Concern Letter", "Stage 3 - Serious Concern Letter", "Stage 4 - Referral to Education Welfare Officer"],
            actions.Select(a => a.Title));
        Assert.Contains("attendance 94.34% (50 of 53 possible sessions) fell below 96%", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("absent 2025-10-16 AM (I) after stage 1 on 2025-10-14", actions[1].Evidence, StringComparison.Ordinal);
        Assert.Contains(
            "attendance 91.03% (71 of 78 possible sessions) at the end of the 10 school days after stage 2 is below 91.38% (53 of 58) at stage 2 on 2025-10-16",
            actions[2].Evidence, StringComparison.Ordinal);
        Assert.Contains(
            "attendance 97.50% (39 of 40 possible sessions) over the 20 school days after stage 3 (to 2025-12-04) is below the 100% target",
            actions[3].Evidence, StringComparison.Ordinal);
        Assert.Equal(
            ["Phone call from a named member of staff to discuss the content of the letter"],
            actions[0].FollowUps.Select(f => f.Title));
        Assert.Equal(5, actions[1].FollowUps.Count);
        Assert.Equal(4, actions[3].FollowUps.Count);
    }

    [Theory]
    [InlineData("2025-10-13", new string[0])]
    [InlineData("2025-10-15", new[] { "2025-10-14 AM stage 1" })]
    [InlineData("2025-11-05", new[] { "2025-10-14 AM stage 1", "2025-10-16 AM stage 2" })]
    [InlineData("2025-12-03", new[] { "2025-10-14 AM stage 1", "2025-10-16 AM stage 2", "2025-11-06 PM stage 3" })]
    public void No_stage_falls_due_a_day_early(string asOf, string[] expected)
    {
        // On Wed 5 Nov (the 9th monitoring day) attendance, 69 of 76 = 90.79%, is already below the
        // stage 2 value, but stage 3 is judged only at the end of the 10th school day.
        Assert.Equal(expected, Actions(Evaluate(WalkToStage4, asOf), "attendance-monitoring-stages").Select(Describe));
    }

    [Fact]
    public void Stage_1_falls_due_at_the_first_session_below_96_percent_with_no_grace_period()
    {
        const string register = "2025-09-08 /\\ /I";
        var actions = Actions(Evaluate(register, "2025-09-09"), "attendance-monitoring-stages");

        // Tue 9 Sep PM: 3 of 4 = 75%. One absence in the first week is enough.
        Assert.Equal(["2025-09-09 PM stage 1"], actions.Select(Describe));
        Assert.Contains("attendance 75.00% (3 of 4 possible sessions) fell below 96%", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Empty(Actions(Evaluate(register, "2025-09-08"), "attendance-monitoring-stages"));
        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ /-", "2025-09-09"), "attendance-monitoring-stages"));
    }

    [Fact]
    public void Stage_1_does_not_fall_due_at_exactly_96_percent()
    {
        // 24 sessions present, then one absence: 24 of 25 = 96.00%, not below 96%; then present again.
        var evaluation = Evaluate("2025-09-08 " + Days(12) + " I\\ /\\", "2025-09-25");

        Assert.Empty(Actions(evaluation, "attendance-monitoring-stages"));
        Assert.Empty(Actions(Evaluate("2025-09-08 " + Days(12) + " I-", "2025-09-24"), "attendance-monitoring-stages"));
        Assert.Equal(96.00m, Evaluate("2025-09-08 " + Days(12) + " I-", "2025-09-24").Figures.AttendancePercent);
    }

    [Fact]
    public void Stage_2_needs_an_absence_on_a_school_day_after_stage_1s_day()
    {
        // Thu 18 Sep AM: 16 of 17 = 94.12%, stage 1. Its PM absence is the same day; Mon 22 L is present
        // (late), Tue 23 B is an approved educational activity, Wed 24 ## is a closure (not a school day).
        // The first absence on a later school day is Fri 26 Sep PM.
        const string register = "2025-09-08 /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ II /\\ L\\ B\\ ## /\\ /O";
        var actions = Actions(Evaluate(register, "2025-09-26"), "attendance-monitoring-stages");

        Assert.Equal(["2025-09-18 AM stage 1", "2025-09-26 PM stage 2"], actions.Select(Describe));
        Assert.Contains("attendance 94.12% (16 of 17 possible sessions) fell below 96%", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("absent 2025-09-26 PM (O) after stage 1 on 2025-09-18", actions[1].Evidence, StringComparison.Ordinal);
        Assert.Equal(["2025-09-18 AM stage 1"], Actions(Evaluate(register, "2025-09-25"), "attendance-monitoring-stages").Select(Describe));
    }

    /// <summary>
    /// Stage 1 on Thu 18 Sep AM (16 of 17); stage 2 on Fri 19 Sep PM at 18 of 20 = 90.00%. The 10 school
    /// days after it are 22 Sep-3 Oct, 20 sessions.
    /// </summary>
    private const string StageTwoOnFriday19September = "2025-09-08 /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ I\\ /I ";

    [Fact]
    public void Stage_3_is_not_reached_when_attendance_has_not_declined_and_is_not_judged_again_that_year()
    {
        // Two absences in the 20 monitoring sessions: 36 of 40 = 90.00%, equal to the stage 2 value, so
        // no decline. The heavy absence afterwards is outside the period and is not judged.
        var held = StageTwoOnFriday19September + "I\\ /I /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ " + Days(5, "II");
        Assert.Equal(
            ["2025-09-18 AM stage 1", "2025-09-19 PM stage 2"],
            Actions(Evaluate(held, "2025-10-10"), "attendance-monitoring-stages").Select(Describe));

        // One more absence in the period: 35 of 40 = 87.50%, below 90.00%.
        var declined = StageTwoOnFriday19September + "I\\ /I I\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\";
        var actions = Actions(Evaluate(declined, "2025-10-03"), "attendance-monitoring-stages");
        Assert.Equal(["2025-09-18 AM stage 1", "2025-09-19 PM stage 2", "2025-10-03 PM stage 3"], actions.Select(Describe));
        Assert.Contains(
            "attendance 87.50% (35 of 40 possible sessions) at the end of the 10 school days after stage 2 is below 90.00% (18 of 20) at stage 2 on 2025-09-19",
            actions[2].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pupil_at_100_percent_through_the_stage_3_monitoring_period_is_never_referred_that_year()
    {
        // 20 school days present after stage 3 (7 Nov-4 Dec), then a fortnight of absence.
        var improved = Walk + Days(20) + " " + Days(10, "II");
        var actions = Actions(Evaluate(improved, "2025-12-19"), "attendance-monitoring-stages");

        Assert.Equal(["2025-10-14 AM stage 1", "2025-10-16 AM stage 2", "2025-11-06 PM stage 3"], actions.Select(Describe));
    }

    [Fact]
    public void An_absence_just_after_the_stage_3_monitoring_period_does_not_bring_stage_4()
    {
        // The 20 school days end on Thu 4 Dec; the only absence is Fri 5 Dec AM.
        var register = Walk + Days(20) + " I\\";

        Assert.Equal(3, Actions(Evaluate(register, "2025-12-05"), "attendance-monitoring-stages").Count);
    }

    [Fact]
    public void Stages_restart_in_a_new_academic_year()
    {
        // 2025/26: stage 1 Tue 9 Sep AM (2 of 3), stage 2 Wed 10 Sep PM.
        // 2026/27: 10 present, Mon 14 Sep AM I (10 of 11 = 90.91%) is stage 1 again; Wed 16 Sep AM stage 2.
        const string register = "2025-09-08 /\\ I\\ /I 2026-09-07 /\\ /\\ /\\ /\\ /\\ I\\ /\\ I\\ /\\ /\\";
        var actions = Actions(Evaluate(register, "2026-09-18"), "attendance-monitoring-stages");

        Assert.Equal(
            ["2025-09-09 AM stage 1", "2025-09-10 PM stage 2", "2026-09-14 AM stage 1", "2026-09-16 AM stage 2"],
            actions.Select(Describe));
        Assert.Contains("attendance 90.91% (10 of 11 possible sessions) fell below 96%", actions[2].Evidence, StringComparison.Ordinal);
    }

    // ----- illness-without-medical-evidence (reinterpret I and M as O after stage 2) ---------------

    /// <summary>Stage 1 on Mon 15 Sep AM (10 of 11); stage 2 on Wed 17 Sep AM; Wed 17 PM also I (stage 2's own day).</summary>
    private const string StageTwoOnWednesday17September = "2025-09-08 /\\ /\\ /\\ /\\ /\\ I\\ /\\ II ";

    [Fact]
    public void After_stage_2_an_I_without_medical_evidence_counts_as_O_from_the_next_school_day()
    {
        var register = StageTwoOnWednesday17September + "I\\";
        var evaluation = Evaluate(register, "2025-09-18");

        // Not Wed 17 PM (stage 2's own day): Thu 18 AM is the first I counted as O.
        Assert.Equal(["2025-09-18 AM"], CountedAsO(evaluation));

        // The school was told the cause: an illness counted as O is not truancy (the letter counts O as recorded).
        Assert.Empty(Actions(evaluation, "truancy-warning-letter"));

        // The DfE figures still count every I as authorised.
        Assert.Equal(4, evaluation.Figures.AuthorisedAbsenceSessions);
        Assert.Equal(0, evaluation.Figures.UnauthorisedAbsenceSessions);
    }

    [Fact]
    public void After_stage_2_I_and_M_without_medical_evidence_count_towards_the_penalty_notice_threshold()
    {
        // Thu 18-Wed 24 Sep: 10 sessions of I and M, the 10th on Wed 24 PM.
        var register = StageTwoOnWednesday17September + "IM II MM II II";
        var evaluation = Evaluate(register, "2025-09-24");
        var penalty = Actions(evaluation, "penalty-notice-threshold");

        Assert.Equal(["2025-09-24 PM"], penalty.Select(Describe));
        Assert.Contains("10 unauthorised sessions (G, N, O, U) in the 10 school weeks", penalty[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("2025-09-18 AM I (counted as O), 2025-09-18 PM M (counted as O)", penalty[0].Evidence, StringComparison.Ordinal);
        var hit = Assert.Single(evaluation.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.Equal(10, hit.Sessions);
        Assert.Equal(Session.Morning(Date("2025-09-18")), hit.CountedSessions[0]);

        // Figures unchanged: 26 possible, 13 present, 13 authorised (every I and M), none unauthorised.
        Assert.Equal(26, evaluation.Figures.PossibleSessions);
        Assert.Equal(13, evaluation.Figures.PresentSessions);
        Assert.Equal(13, evaluation.Figures.AuthorisedAbsenceSessions);
        Assert.Equal(0, evaluation.Figures.UnauthorisedAbsenceSessions);

        // One session short: 9 counted, no hit.
        Assert.Empty(Actions(Evaluate(StageTwoOnWednesday17September + "IM II MM II I-", "2025-09-24"), "penalty-notice-threshold"));
    }

    [Fact]
    public void After_stage_2_an_I_with_medical_evidence_and_other_authorised_codes_are_not_reinterpreted()
    {
        // Thu 18 AM I with medical evidence; Fri 19 R and C (not codes the rule names); Mon 22 PM a plain I.
        var register = Parse(StageTwoOnWednesday17September + "-\\ RC /I")
            .WithMarks([SessionMark.Create(Session.Morning(Date("2025-09-18")), "I", null, MarkFacts.MedicalEvidence)]);
        var evaluation = Policy.Evaluate(register, Date("2025-09-22"));

        Assert.Equal(["2025-09-22 PM"], CountedAsO(evaluation));
    }

    [Fact]
    public void The_reinterpretation_ends_with_the_academic_year()
    {
        // 2025/26: stage 2 Wed 17 Sep, Thu 18 AM I counts as O. 2026/27: stage 1 again on Mon 14 Sep
        // (10 of 11) but no stage 2 yet, so that day's I marks stay I.
        var register = StageTwoOnWednesday17September + "I\\ 2026-09-07 " + Days(5) + " II";
        var evaluation = Evaluate(register, "2026-09-14");

        Assert.Equal(["2025-09-18 AM"], CountedAsO(evaluation));
        Assert.Equal(
            ["2025-09-15 AM stage 1", "2025-09-17 AM stage 2", "2026-09-14 AM stage 1"],
            Actions(evaluation, "attendance-monitoring-stages").Select(Describe));
    }

    // ----- trip-privileges-withdrawn (attendance below 96%, once a year) --------------------------

    [Fact]
    public void Trip_privileges_are_withdrawn_at_the_first_session_below_96_percent()
    {
        // 24 present; Wed 24 Sep AM I is 24 of 25 = 96.00%; PM I is 24 of 26 = 92.31%.
        var register = "2025-09-08 " + Days(12) + " II";
        var actions = Actions(Evaluate(register, "2025-09-24"), "trip-privileges-withdrawn");

        Assert.Equal(["2025-09-24 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Sanction, actions[0].Kind);
        Assert.Contains("attendance 92.31% (24 of 26 possible sessions) this academic year fell below 96%", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Empty(Actions(Evaluate(register, "2025-09-23"), "trip-privileges-withdrawn"));
    }

    [Fact]
    public void Trip_privileges_are_not_withdrawn_at_exactly_96_percent()
    {
        var evaluation = Evaluate("2025-09-08 " + Days(12) + " I-", "2025-09-24");

        Assert.Equal(96.00m, evaluation.Figures.AttendancePercent);
        Assert.Empty(Actions(evaluation, "trip-privileges-withdrawn"));
    }

    [Fact]
    public void Trip_privileges_are_withdrawn_once_a_year_even_if_attendance_recovers_and_falls_again()
    {
        // Mon 8 Sep AM: 0 of 1. Six weeks present: 60 of 62 = 96.77%. Two absences: 60 of 64 = 93.75%.
        // 2026/27: Mon 7 Sep PM, 1 of 2.
        var register = "2025-09-08 II " + Days(30) + " II 2026-09-07 /I";

        Assert.Equal(["2025-09-08 AM", "2026-09-07 PM"], Actions(Evaluate(register, "2026-09-07"), "trip-privileges-withdrawn").Select(Describe));
    }

    // ----- absence-over-50-percent (absence strictly above 50%, after each session, once a year) ---

    [Fact]
    public void Absence_over_50_percent_is_referred_at_the_first_session_above_50_percent_absence()
    {
        // Tue 9 PM: 2 of 4 = 50.00%; Wed 10 AM: 2 of 5 = 40.00%.
        const string register = "2025-09-08 /\\ II I\\";
        var actions = Actions(Evaluate(register, "2025-09-10"), "absence-over-50-percent");

        Assert.Equal(["2025-09-10 AM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Referral, actions[0].Kind);
        Assert.Equal("absence 60.00% (3 of 5 possible sessions) in the academic year 2025/26, above 50%", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-09-09"), "absence-over-50-percent"));
    }

    [Fact]
    public void Absence_of_exactly_50_percent_is_severe_nationally_but_not_over_50_percent()
    {
        var evaluation = Evaluate("2025-09-08 /\\ II", "2025-09-09");

        Assert.Equal(50.00m, evaluation.Figures.AbsencePercent);
        Assert.True(evaluation.Figures.IsSevereAbsence);
        Assert.Empty(Actions(evaluation, "absence-over-50-percent"));
    }

    [Fact]
    public void Absence_over_50_percent_is_referred_once_a_year()
    {
        // Mon 8 AM 0 of 1; Thu 11 PM back to 4 of 8 = 50%; Fri 12 AM 4 of 9 = 44.44% (below again, no
        // second referral); 2026/27: Mon 7 Sep AM 0 of 1.
        var register = "2025-09-08 II /\\ /\\ II I- 2026-09-07 O\\";

        Assert.Equal(["2025-09-08 AM", "2026-09-07 AM"], Actions(Evaluate(register, "2026-09-07"), "absence-over-50-percent").Select(Describe));
    }

    // ----- truancy-warning-letter (first O of the academic year) -----------------------------------

    [Fact]
    public void The_truancy_warning_letter_falls_due_at_the_first_O_session()
    {
        const string register = "2025-09-08 /\\ /\\ /O /\\";
        var actions = Actions(Evaluate(register, "2025-09-11"), "truancy-warning-letter");

        Assert.Equal(["2025-09-10 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Letter, actions[0].Kind);
        Assert.Contains("1 session of O as recorded in the academic year 2025/26 reached 1: 2025-09-10 PM O", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ /\\ /-", "2025-09-10"), "truancy-warning-letter"));
    }

    [Fact]
    public void Other_unauthorised_absences_are_not_truancy()
    {
        // G (holiday not granted), U (after the register closed), N (reason not yet given).
        Assert.Empty(Actions(Evaluate("2025-09-08 GG UU NN /\\", "2025-09-11"), "truancy-warning-letter"));
    }

    [Fact]
    public void The_truancy_warning_letter_falls_due_once_an_academic_year()
    {
        const string register = "2025-09-08 O\\ /O OO 2026-09-07 /\\ O\\";

        Assert.Equal(["2025-09-08 AM", "2026-09-08 AM"], Actions(Evaluate(register, "2026-09-08"), "truancy-warning-letter").Select(Describe));
    }

    // ----- further-truancy-penalty-notice (an O as recorded on a school day after the letter) -------

    [Fact]
    public void Further_truancy_on_a_later_school_day_brings_consideration_of_a_penalty_notice()
    {
        // Letter Mon 8 AM; Mon 8 PM is the same day's truancy; Thu 11 PM is further truancy.
        const string register = "2025-09-08 OO /\\ /\\ /O";
        var actions = Actions(Evaluate(register, "2025-09-11"), "further-truancy-penalty-notice");

        Assert.Equal(["2025-09-11 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Referral, actions[0].Kind);
        Assert.Equal("1 sessions of O as recorded since truancy-warning-letter (from 9 Sep 2025), at least 1", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-09-10"), "further-truancy-penalty-notice"));
    }

    [Fact]
    public void An_illness_counted_as_O_after_the_letter_is_not_further_truancy()
    {
        // Fri 12 Sep PM an O: the letter, and stage 1 (9 of 10). Mon 15 AM I: stage 2. From Tue 16 an I
        // counts as O for the stages (Wed 17, Thu 18 AM) but is not truancy.
        var register = "2025-09-08 /\\ /\\ /\\ /\\ /O I\\ /\\ II I\\";
        var evaluation = Evaluate(register, "2025-09-18");

        Assert.Equal(["2025-09-17 AM", "2025-09-17 PM", "2025-09-18 AM"], CountedAsO(evaluation));
        Assert.Equal(["2025-09-12 PM"], Actions(evaluation, "truancy-warning-letter").Select(Describe));
        Assert.Empty(Actions(evaluation, "further-truancy-penalty-notice"));
    }

    // ----- missing-education-risk (absence exceeding 10 consecutive school days, on lapse) ---------

    [Fact]
    public void Missing_education_risk_falls_due_on_the_11th_consecutive_school_day_of_any_absence()
    {
        // Mixed absence codes, authorised and unauthorised, 8-22 Sep: the 11th school day is Mon 22 Sep.
        const string register = "2025-09-08 II MM OO CC RR EE GG IO UU SS C1C2";
        var actions = Actions(Evaluate(register, "2025-09-22"), "missing-education-risk");

        Assert.Equal(["2025-09-22 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Safeguarding, actions[0].Kind);
        Assert.Contains("11 consecutive school days (2025-09-08 to 2025-09-22)", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Empty(Actions(Evaluate(register, "2025-09-21"), "missing-education-risk"));
        Assert.Empty(Actions(Evaluate("2025-09-08 II MM OO CC RR EE GG IO UU SS C1-", "2025-09-22"), "missing-education-risk"));
    }

    [Fact]
    public void Ten_consecutive_school_days_of_absence_do_not_exceed_ten()
    {
        // Day 11 is absent in the morning only.
        Assert.Empty(Actions(Evaluate("2025-09-08 " + Days(10, "II") + " I\\", "2025-09-26"), "missing-education-risk"));
    }

    [Fact]
    public void A_half_term_neither_breaks_nor_extends_a_run_of_absence()
    {
        // Mon 20-Fri 24 Oct, half term, Mon 3-Fri 7 Nov: 10 school days; Mon 10 Nov is the 11th.
        var register = "2025-10-13 " + Days(5) + " " + Days(5, "II") + " ~5 " + Days(6, "II");
        var actions = Actions(Evaluate(register, "2025-11-10"), "missing-education-risk");

        Assert.Equal(["2025-11-10 PM"], actions.Select(Describe));
        Assert.Contains("11 consecutive school days (2025-10-20 to 2025-11-10)", actions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_education_risk_falls_due_again_only_after_the_run_lapses()
    {
        // Run 1: Mon 8-Tue 23 Sep (12 days, due on day 11, Mon 22). Wed 24 present. Run 2 from Thu 25
        // Sep: its 11th school day is Thu 9 Oct.
        var register = "2025-09-08 " + Days(12, "OO") + " /\\ " + Days(11, "II");

        Assert.Equal(["2025-09-22 PM", "2025-10-09 PM"], Actions(Evaluate(register, "2025-10-09"), "missing-education-risk").Select(Describe));
    }

    [Fact]
    public void A_run_carried_over_the_summer_holiday_does_not_bring_missing_education_risk_again_until_it_lapses()
    {
        // 2024/25: absent Mon 7-Tue 22 Jul 2025 (due on the 11th day, Mon 21 Jul). The summer holiday has
        // no school days, so the same run goes on into Mon 1 and Tue 2 Sep 2025: it has not lapsed, and
        // on_lapse does not fire again. Present Wed 3 Sep; a new run from Thu 4 Sep reaches 11 on Thu 18 Sep.
        var register = "2025-07-07 " + Days(12, "OO") + " 2025-09-01 OO OO /\\ " + Days(11, "OO");

        Assert.Equal(["2025-07-21 PM", "2025-09-18 PM"], Actions(Evaluate(register, "2025-09-18"), "missing-education-risk").Select(Describe));
    }

    // ----- inform-la-health-absence (more than 15 school days of illness: 31 I sessions) ----------
    // ----- beside the statutory la-sickness-return (15 school days or more: 30 I sessions) --------
    // The I marks carry medical evidence: the first absences bring stages 1 and 2, after which an I
    // without evidence counts as O for this policy's rules, the sickness return among them.

    [Fact]
    public void The_sickness_return_falls_due_on_the_31st_illness_session_of_the_year()
    {
        // 15 days of II (8-26 Sep) is 30 sessions; Mon 29 Sep AM is the 31st.
        var register = WithMedicalEvidence("2025-09-08 " + Days(15, "II") + " I\\");
        var evaluation = Policy.Evaluate(register, Date("2025-09-29"));
        var actions = Actions(evaluation, "inform-la-health-absence");

        Assert.Equal(["2025-09-29 AM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Notification, actions[0].Kind);
        Assert.Contains("31 sessions of I in the academic year 2025/26 reached 31", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Empty(Actions(Policy.Evaluate(register, Date("2025-09-28")), "inform-la-health-absence"));

        // The statutory return is not lost: it falls due on the 30th session, Fri 26 Sep PM.
        Assert.Equal(["2025-09-26 PM"], Actions(evaluation, "la-sickness-return").Select(Describe));
    }

    [Fact]
    public void Exactly_15_days_of_illness_is_not_more_than_15()
    {
        // 30 cumulative I sessions over six weeks (the national "15 days or more"; the school says "more than").
        var thirty = WithMedicalEvidence("2025-09-08 " + Days(30, "I\\"));
        Assert.Empty(Actions(Policy.Evaluate(thirty, Date("2025-10-17")), "inform-la-health-absence"));
        Assert.Single(Actions(Policy.Evaluate(thirty, Date("2025-10-17")), "la-sickness-return"));

        // Illness in July 2025 (2024/25) and September 2025 (2025/26) is not one count: 20 + 11.
        var twoYears = WithMedicalEvidence("2025-07-07 " + Days(10, "II") + " 2025-09-08 " + Days(5, "II") + " I\\");
        Assert.Empty(Actions(Policy.Evaluate(twoYears, Date("2025-09-15")), "inform-la-health-absence"));
    }

    [Fact]
    public void The_sickness_return_falls_due_again_only_after_31_fresh_illness_sessions()
    {
        // 31 days of II from Mon 8 Sep: session 31 is Mon 29 Sep AM, session 62 is Mon 20 Oct PM.
        var register = WithMedicalEvidence("2025-09-08 " + Days(31, "II"));
        var evaluation = Policy.Evaluate(register, Date("2025-10-20"));

        Assert.Equal(["2025-09-29 AM", "2025-10-20 PM"], Actions(evaluation, "inform-la-health-absence").Select(Describe));
        var hits = evaluation.ThresholdHits.Where(h => h.RuleId == "inform-la-health-absence").ToList();
        Assert.Equal([31, 31], hits.Select(h => h.Sessions));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Single(Actions(Policy.Evaluate(register, Date("2025-10-17")), "inform-la-health-absence"));
    }

    // ----- penalty-notice-threshold (national: 10 unauthorised sessions in 10 school weeks) --------

    [Fact]
    public void The_penalty_notice_threshold_is_reached_on_the_10th_unauthorised_session()
    {
        // 9 unauthorised sessions in week 1 (G, N, O, U), the 10th on Mon 15 Sep AM.
        const string register = "2025-09-08 OO GG UU NN /O O\\";
        var evaluation = Evaluate(register, "2025-09-15");
        var actions = Actions(evaluation, "penalty-notice-threshold");

        Assert.Equal(["2025-09-15 AM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Referral, actions[0].Kind);
        Assert.Contains("10 unauthorised sessions (G, N, O, U) in the 10 school weeks 8 Sep 2025", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("reached 10: 2025-09-08 AM O, 2025-09-08 PM O, 2025-09-09 AM G", actions[0].Evidence, StringComparison.Ordinal);
        var hit = Assert.Single(evaluation.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.Equal(("penalty-notice-threshold", Date("2025-09-15"), Date("2025-09-08"), Date("2025-09-15"), 10),
            (hit.RuleId, hit.Date, hit.FirstWeek, hit.LastWeek, hit.Sessions));
        Assert.Empty(Actions(Evaluate(register, "2025-09-14"), "penalty-notice-threshold"));
    }

    [Fact]
    public void Ten_unauthorised_sessions_over_eleven_school_weeks_do_not_reach_the_threshold()
    {
        // Mon 8 Sep AM O, then nine weeks present, then 9 O sessions in week 11 (17-21 Nov): the window of
        // weeks 2-11 holds 9. The same 9 in week 10 (one week fewer in between) reach it on Fri 14 Nov AM.
        var elevenWeeks = "2025-09-08 O\\ " + Days(4) + " " + Days(45) + " OO OO OO OO O\\";
        Assert.Empty(Actions(Evaluate(elevenWeeks, "2025-11-21"), "penalty-notice-threshold"));

        var tenWeeks = "2025-09-08 O\\ " + Days(4) + " " + Days(40) + " OO OO OO OO O\\";
        Assert.Equal(["2025-11-14 AM"], Actions(Evaluate(tenWeeks, "2025-11-14"), "penalty-notice-threshold").Select(Describe));
    }

    [Fact]
    public void The_penalty_notice_window_reaches_past_a_half_term_week()
    {
        // Mon 8 Sep AM O; weeks to 24 Oct present; half term; 3-14 Nov present; 9 O in 17-21 Nov. That is
        // 11 calendar weeks but 10 school weeks, so the 10th session (Fri 21 Nov AM) reaches it.
        var register = "2025-09-08 O\\ " + Days(4) + " " + Days(30) + " ~5 " + Days(10) + " OO OO OO OO O\\";
        var evaluation = Evaluate(register, "2025-11-21");

        Assert.Equal(["2025-11-21 AM"], Actions(evaluation, "penalty-notice-threshold").Select(Describe));
        var hit = Assert.Single(evaluation.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.Equal((Date("2025-09-08"), Date("2025-11-17")), (hit.FirstWeek, hit.LastWeek));
        Assert.Contains("in the 10 school weeks 8 Sep 2025–23 Nov 2025", Actions(evaluation, "penalty-notice-threshold")[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_penalty_notice_threshold_is_reached_again_only_from_ten_fresh_sessions()
    {
        // Week 1: 10 O (hit on Fri 12 PM). Week 2: 9 more (19 in the window, no second hit). Mon 22 AM: 10th fresh.
        const string register = "2025-09-08 OO OO OO OO OO OO OO OO OO O\\ O\\";
        var evaluation = Evaluate(register, "2025-09-22");
        var hits = evaluation.ThresholdHits.Where(h => h.RuleId == "penalty-notice-threshold").ToList();

        Assert.Equal(["2025-09-12 PM", "2025-09-22 AM"], Actions(evaluation, "penalty-notice-threshold").Select(Describe));
        Assert.Equal([10, 10], hits.Select(h => h.Sessions));
        Assert.Empty(hits[0].CountedSessions.Intersect(hits[1].CountedSessions));
        Assert.Equal(Session.Morning(Date("2025-09-15")), hits[1].CountedSessions[0]);
        Assert.Single(Actions(Evaluate(register, "2025-09-21"), "penalty-notice-threshold"));
    }

    // ----- la-attendance-return (national: 10 consecutive school days unauthorised) ---------------

    [Fact]
    public void The_attendance_return_falls_due_on_the_10th_consecutive_school_day_of_unauthorised_absence()
    {
        // Mon 8 present; Tue 9-Mon 22 Sep, 10 school days of G, N, O and U.
        const string register = "2025-09-08 /\\ GG NN OO UU OO OO OO OO OO OU";
        var actions = Actions(Evaluate(register, "2025-09-22"), "la-attendance-return");

        Assert.Equal(["2025-09-22 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Notification, actions[0].Kind);
        Assert.Equal("10 consecutive school days of G, N, O, U to 22 Sep 2025, at least 10", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-09-21"), "la-attendance-return"));
        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ GG NN OO UU OO OO OO OO OO O-", "2025-09-22"), "la-attendance-return"));
    }

    [Fact]
    public void Nine_days_and_a_present_afternoon_are_not_ten_days_of_unauthorised_absence()
    {
        Assert.Empty(Actions(Evaluate("2025-09-08 " + Days(9, "OO") + " O\\ OO", "2025-09-22"), "la-attendance-return"));
    }

    [Fact]
    public void The_attendance_return_falls_due_once_an_academic_year()
    {
        // 2025/26: run 8-19 Sep (due Fri 19), present Mon 22, second run 23 Sep-6 Oct (not due again),
        // present Tue 7 Oct. 2026/27: present Mon 7 Sep, then a run from Tue 8 Sep whose 10th day is Mon 21 Sep.
        var register = "2025-09-08 " + Days(10, "OO") + " /\\ " + Days(10, "OO") + " /\\ 2026-09-07 /\\ " + Days(10, "OO");

        Assert.Equal(["2025-09-19 PM", "2026-09-21 PM"], Actions(Evaluate(register, "2026-09-21"), "la-attendance-return").Select(Describe));
    }

    // ----- deletion-review (national: 20 consecutive school days of G, N or O) ----------------------

    [Fact]
    public void The_deletion_review_falls_due_on_the_20th_consecutive_school_day_of_G_N_or_O()
    {
        // Mon 8 Sep-Fri 3 Oct: 20 school days.
        var register = "2025-09-08 " + Days(7, "GG") + " " + Days(6, "NN") + " " + Days(7, "OO");
        var actions = Actions(Evaluate(register, "2025-10-03"), "deletion-review");

        Assert.Equal(["2025-10-03 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Safeguarding, actions[0].Kind);
        Assert.Contains("20 consecutive school days (2025-09-08 to 2025-10-03) with every session G, N, O as recorded reached 20", actions[0].Evidence, StringComparison.Ordinal);
        Assert.Empty(Actions(Evaluate(register, "2025-10-02"), "deletion-review"));
        Assert.Empty(Actions(Evaluate("2025-09-08 " + Days(19, "OO") + " O-", "2025-10-03"), "deletion-review"));
    }

    [Fact]
    public void Twenty_days_of_illness_counted_as_O_after_stage_2_bring_no_deletion_review()
    {
        // Stage 2 on Wed 17 Sep; Thu 18 Sep-Wed 15 Oct: 20 school days of I without medical evidence,
        // each counted as O by the school, but the pupil was reported ill: the review reads the recorded code.
        var register = StageTwoOnWednesday17September + Days(20, "II");
        var evaluation = Evaluate(register, "2025-10-15");

        Assert.Equal(40, CountedAsO(evaluation).Count);
        Assert.Empty(Actions(evaluation, "deletion-review"));
        Assert.Single(Actions(evaluation, "la-attendance-return"));
    }

    [Fact]
    public void A_U_on_the_20th_day_keeps_the_deletion_review_away()
    {
        // U (late after the register closed) shows the pupil came in, and is not G, N or O.
        Assert.Empty(Actions(Evaluate("2025-09-08 " + Days(19, "OO") + " OU", "2025-10-03"), "deletion-review"));
    }

    [Fact]
    public void The_deletion_review_falls_due_once_an_academic_year()
    {
        // 2025/26: 22 days (due on the 20th, Fri 3 Oct), present, 20 more, present. 2026/27: present Mon 7
        // Sep, then a run from Tue 8 Sep whose 20th school day is Mon 5 Oct 2026.
        var register = "2025-09-08 " + Days(22, "OO") + " /\\ " + Days(20, "OO") + " /\\ 2026-09-07 /\\ " + Days(20, "OO");

        Assert.Equal(["2025-10-03 PM", "2026-10-05 PM"], Actions(Evaluate(register, "2026-10-05"), "deletion-review").Select(Describe));
    }

    // ----- first-day-calling (a safeguarding call on each school day with an N) -------------------

    [Fact]
    public void First_day_calling_falls_due_on_the_day_and_session_of_an_N()
    {
        const string register = "2025-09-08 /\\ /\\ /N /\\";
        var actions = Actions(Evaluate(register, "2025-09-11"), "first-day-calling");

        Assert.Equal(["2025-09-10 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Safeguarding, actions[0].Kind);
        Assert.Equal("2025-09-10 PM marked N", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-09-09"), "first-day-calling"));
        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ /\\ /-", "2025-09-10"), "first-day-calling"));
    }

    [Fact]
    public void Absences_with_a_reason_or_none_ever_given_need_no_first_day_call()
    {
        Assert.Empty(Actions(Evaluate("2025-09-08 OO UU GG II MM", "2025-09-12"), "first-day-calling"));
    }

    [Fact]
    public void First_day_calling_falls_due_on_every_day_with_an_N_and_once_on_each()
    {
        var actions = Actions(Evaluate("2025-09-08 NN N\\ /N /\\ NN", "2025-09-12"), "first-day-calling");

        Assert.Equal(["2025-09-08 AM", "2025-09-09 AM", "2025-09-10 PM", "2025-09-12 AM"], actions.Select(Describe));
    }

    // ----- n-code-unresolved (national: N still unresolved after 5 school days) --------------------

    [Fact]
    public void An_unresolved_N_falls_due_at_the_end_of_the_5th_weekday_after_it()
    {
        // N on Mon 8 Sep: Tue 9, Wed 10, Thu 11, Fri 12, Mon 15.
        const string register = "2025-09-08 N\\ /\\ /\\ /\\ /\\ /\\";
        var actions = Actions(Evaluate(register, "2025-09-15"), "n-code-unresolved");

        Assert.Equal(["2025-09-15 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.DataQuality, actions[0].Kind);
        Assert.Equal("N recorded for 2025-09-08 AM still unresolved at the end of the 5th weekday after it (2025-09-15)", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-09-14"), "n-code-unresolved"));
    }

    [Fact]
    public void An_N_replaced_by_a_reason_or_younger_than_5_weekdays_is_not_flagged()
    {
        Assert.Empty(Actions(Evaluate("2025-09-08 O\\ /\\ /\\ /\\ /\\ /\\", "2025-09-15"), "n-code-unresolved"));
        Assert.Empty(Actions(Evaluate("2025-09-08 /\\ N\\ /\\ /\\ /\\ /\\", "2025-09-15"), "n-code-unresolved"));
    }

    [Fact]
    public void Each_day_with_an_unresolved_N_falls_due_on_its_own_and_weekdays_run_through_the_half_term()
    {
        // Mon 8 and Tue 9 Sep (two N on Tue: one day) are due Mon 15 and Tue 16. Without a calendar the
        // 5 days are weekdays, so an N on Fri 24 Oct is due Fri 31 Oct, in the half term.
        const string register = "2025-09-08 N\\ NN /\\ /\\ /\\ /\\ /\\ 2025-10-24 /N";
        var actions = Actions(Evaluate(register, "2025-10-31"), "n-code-unresolved");

        Assert.Equal(["2025-09-15 PM", "2025-09-16 PM", "2025-10-31 PM"], actions.Select(Describe));
        Assert.Contains("N recorded for 2025-10-24 PM", actions[2].Evidence, StringComparison.Ordinal);
        Assert.Equal(2, Actions(Evaluate(register, "2025-10-30"), "n-code-unresolved").Count);
    }

    // ----- half-termly-attendance-report (last school day of each half term) -----------------------

    [Fact]
    public void The_half_termly_report_falls_due_on_the_last_school_day_before_a_week_without_school()
    {
        // 8 Sep-Fri 24 Oct, half term 27-31 Oct, 3-7 Nov.
        var register = "2025-09-08 " + Days(35) + " ~5 " + Days(5);
        var actions = Actions(Evaluate(register, "2025-11-07"), "half-termly-attendance-report");

        Assert.Equal(["2025-10-24 PM"], actions.Select(Describe));
        Assert.Equal(ActionKind.Letter, actions[0].Kind);
        Assert.Equal("last school day of the half term (inferred from the register): 2025-10-24", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-10-23"), "half-termly-attendance-report"));
    }

    [Fact]
    public void A_half_term_is_known_to_have_ended_only_after_a_whole_week_without_school()
    {
        var register = "2025-09-08 " + Days(35);

        // Thu 30 Oct: four weekdays without school so far; Fri 31 Oct: five.
        Assert.Empty(Actions(Evaluate(register, "2025-10-30"), "half-termly-attendance-report"));
        Assert.Equal(["2025-10-24 PM"], Actions(Evaluate(register, "2025-10-31"), "half-termly-attendance-report").Select(Describe));

        // A four-weekday break (Mon 22-Thu 25 Sep) does not end a half term.
        Assert.Empty(Actions(Evaluate("2025-09-08 " + Days(10) + " ~4 " + Days(6), "2025-10-03"), "half-termly-attendance-report"));
    }

    [Fact]
    public void The_half_termly_report_falls_due_at_the_end_of_every_half_term()
    {
        // Half term 1 ends Fri 24 Oct; half term 2 (3 Nov-19 Dec) ends the autumn term before Christmas.
        var register = "2025-09-08 " + Days(35) + " ~5 " + Days(35) + " ~10 " + Days(5);

        Assert.Equal(["2025-10-24 PM", "2025-12-19 PM"], Actions(Evaluate(register, "2026-01-09"), "half-termly-attendance-report").Select(Describe));
    }

    // ----- weekly-tutor-review and weekly-attendance-update (last school day of each week) ---------

    [Theory]
    [InlineData("weekly-tutor-review", ActionKind.Meeting)]
    [InlineData("weekly-attendance-update", ActionKind.Notification)]
    public void A_weekly_step_falls_due_on_the_last_school_day_of_the_week(string rule, ActionKind kind)
    {
        var register = "2025-09-08 " + Days(5);
        var actions = Actions(Evaluate(register, "2025-09-14"), rule);

        Assert.Equal(["2025-09-12 PM"], actions.Select(Describe));
        Assert.Equal(kind, actions[0].Kind);
        Assert.Equal("last school day of the school week: 2025-09-12", actions[0].Evidence);
        Assert.Empty(Actions(Evaluate(register, "2025-09-11"), rule));
    }

    [Theory]
    [InlineData("weekly-tutor-review")]
    [InlineData("weekly-attendance-update")]
    public void A_weekly_step_skips_closures_and_weeks_without_school(string rule)
    {
        // Week 1 closes Thu and Fri (##): its last school day is Wed 10 Sep. Week 2 is all closure.
        var register = "2025-09-08 /\\ /\\ /\\ ## ## ## ## ## ## ## " + Days(5);

        Assert.Equal(["2025-09-10 PM", "2025-09-26 PM"], Actions(Evaluate(register, "2025-09-28"), rule).Select(Describe));
    }

    [Theory]
    [InlineData("weekly-tutor-review")]
    [InlineData("weekly-attendance-update")]
    public void A_weekly_step_falls_due_every_school_week(string rule)
    {
        // Three weeks, a half term (29 Sep-3 Oct), one more week.
        var register = "2025-09-08 " + Days(15) + " ~5 " + Days(5);

        Assert.Equal(
            ["2025-09-12 PM", "2025-09-19 PM", "2025-09-26 PM", "2025-10-10 PM"],
            Actions(Evaluate(register, "2025-10-12"), rule).Select(Describe));
    }

    // ----- helpers --------------------------------------------------------------------------------

    private static string Days(int count, string day = Present) => string.Join(' ', Enumerable.Repeat(day, count));

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    private static PupilRegister Parse(string notation) => RegisterNotation.Parse(notation);

    /// <summary>The register with medical evidence recorded on every I mark.</summary>
    private static PupilRegister WithMedicalEvidence(string notation) =>
        PupilRegister.Create("p1", RegisterNotation.Marks(notation)
            .Select(m => m.Code!.Code == "I" ? SessionMark.Create(m.Session, "I", null, MarkFacts.MedicalEvidence) : m));

    private static PupilEvaluation Evaluate(string notation, string asOf) => Policy.Evaluate(Parse(notation), Date(asOf));

    /// <summary>The sessions whose mark this policy's rules count as O though another code was recorded.</summary>
    private static List<string> CountedAsO(PupilEvaluation evaluation) =>
        [.. evaluation.Marks.Where(m => m.CountedAs.Code == "O" && m.Code.Code != "O").Select(m => $"{m.Session.Date:yyyy-MM-dd} {m.Session.Part}")];

    private static List<PolicyAction> Actions(PupilEvaluation evaluation, string rule) =>
        evaluation.Actions.Where(a => a.RuleId == rule).ToList();

    private static string Describe(PolicyAction action) =>
        $"{action.Date:yyyy-MM-dd} {action.Session}{(action.Stage is { } s ? $" stage {s}" : string.Empty)}";
}
