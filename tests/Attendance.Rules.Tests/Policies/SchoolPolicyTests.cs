using Attendance.Rules.Codes;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Policies;

/// <summary>
/// Pins each seed school's policy, as loaded, to the numbers of its document (issue 3,
/// /work/shared/docs/decisions.md). Rules whose id may change are found by type and numbers.
/// </summary>
public class SchoolPolicyTests
{
    private const string Stanborough = "stanborough.yaml";
    private const string HallGreen = "hall-green-primary.yaml";
    private const string LaurenceJackson = "laurence-jackson.yaml";
    private const string Willoughby = "willoughby-primary.yaml";
    private const string AycliffeDrive = "aycliffe-drive-primary.yaml";
    private const string NationalBase = "national/england-2024.yaml";

    private static readonly string[] NationalUnauthorised = ["G", "N", "O", "U"];

    // ---- National base -------------------------------------------------------------------------

    [Fact]
    public void National_penalty_notice_threshold_is_10_sessions_of_G_N_O_U_in_a_rolling_10_school_weeks()
    {
        var rule = Assert.IsType<SessionCountRule>(Load(NationalBase).FindRule("penalty-notice-threshold"));

        AssertCodes(rule.Codes, NationalUnauthorised);
        Assert.Equal(10, rule.AtLeastSessions);
        Assert.Equal(CountWindow.Rolling(10), rule.Window);
        Assert.Equal(ActionKind.Referral, rule.Action);
        Assert.Equal(RepeatMode.FreshSessions, rule.Repeat);
    }

    [Fact]
    public void National_fines_are_160_reduced_to_80_within_21_days_28_to_pay_then_160_within_3_years()
    {
        var notices = Load(NationalBase).PenaltyNotices;

        Assert.NotNull(notices);
        Assert.Equal(2, notices.Notices.Count);
        Assert.Equal(new PenaltyNoticeFine(160m, 80m, 21, 28), notices.Notices[0]);
        Assert.Equal(160m, notices.Notices[1].Amount);
        Assert.Null(notices.Notices[1].ReducedAmount);
        Assert.Equal(3, notices.PeriodYears);
        Assert.Empty(notices.Superseded);
    }

    [Fact]
    public void National_absence_flags_are_persistent_at_10_percent_and_severe_at_50_percent()
    {
        var flags = Load(NationalBase).AbsenceFlags;

        Assert.Equal(10m, flags.PersistentPercent);
        Assert.Equal(50m, flags.SeverePercent);
    }

    [Fact]
    public void National_sickness_return_is_30_sessions_of_illness_in_the_academic_year()
    {
        var rule = Assert.IsType<ConditionRule>(Load(NationalBase).FindRule("la-sickness-return"));
        var when = Assert.IsType<Attendance.Rules.Policies.Conditions.Comparison>(rule.When);

        AssertCodes(Assert.IsType<Attendance.Rules.Policies.Conditions.CountMeasure>(when.Measure).Codes, "I");
        Assert.Equal(Attendance.Rules.Policies.Conditions.ComparisonOperator.AtLeast, when.Operator);
        Assert.Equal(30m, when.Value);
        Assert.Equal(Attendance.Rules.Policies.Conditions.PeriodWindow.AcademicYear, when.Over);
        Assert.Equal(RepeatMode.FreshSessions, rule.Repeat);
        Assert.True(rule.AppliesTo!.CompulsoryAge);
        Assert.Equal(ActionKind.Notification, rule.Action);
    }

    [Fact]
    public void National_deletion_review_is_20_consecutive_school_days_of_G_N_or_O()
    {
        var rule = Only<ConsecutiveDaysRule>(Load(NationalBase), r => r.AtLeastDays == 20, "a 20-day run");

        AssertCodes(rule.Codes, "G", "N", "O");
        Assert.Equal(ActionKind.Safeguarding, rule.Action);
    }

    [Fact]
    public void National_attendance_return_is_10_consecutive_school_days_of_unauthorised_absence()
    {
        var rule = Assert.IsType<ConditionRule>(Load(NationalBase).FindRule("la-attendance-return"));
        var when = Assert.IsType<Attendance.Rules.Policies.Conditions.Comparison>(rule.When);

        AssertCodes(Assert.IsType<Attendance.Rules.Policies.Conditions.RunMeasure>(when.Measure).Codes, NationalUnauthorised);
        Assert.Equal(10m, when.Value);
        Assert.True(rule.AppliesTo!.CompulsoryAge);
        Assert.Equal(ActionKind.Notification, rule.Action);
    }

    [Fact]
    public void National_base_keeps_registers_6_years_and_limits_the_open_register_to_30_minutes()
    {
        var policy = Load(NationalBase);

        Assert.Equal(6, policy.RetentionYears);
        Assert.Equal(30, policy.RegisterOpenLimitMinutes);
        Assert.Empty(Read(NationalBase).Warnings);
    }

    [Fact]
    public void National_base_embedded_in_the_library_is_the_file_under_policies()
    {
        Assert.Equal(Load(NationalBase), PolicyLoader.LoadEmbedded(EmbeddedPolicies.NationalBaseId));
    }

    // ---- Stanborough ---------------------------------------------------------------------------

    [Fact]
    public void Stanborough_writes_a_letter_when_attendance_is_below_96_percent()
    {
        Assert.Contains(AttendanceBelowTriggers(Load(Stanborough)), t => t is { Action: ActionKind.Letter, Percent: 96m, Inclusive: false });
    }

    [Fact]
    public void Stanborough_informs_the_LA_of_20_unauthorised_sessions()
    {
        var rule = Only<SessionCountRule>(Load(Stanborough), r => r.AtLeastSessions == 20, "a count of 20 sessions");

        AssertCodes(rule.Codes, NationalUnauthorised);
        Assert.Equal(ActionKind.Notification, rule.Action);
        Assert.Equal(CountWindow.AcademicYear, rule.Window);
    }

    [Fact]
    public void Stanborough_inherits_the_national_sickness_return_of_15_days_of_illness()
    {
        var policy = Load(Stanborough);
        var rule = Assert.IsType<ConditionRule>(policy.FindRule("la-sickness-return"));

        Assert.Equal(Load(NationalBase).FindRule("la-sickness-return"), rule);
        Assert.Equal(ActionKind.Notification, rule.Action);
    }

    [Fact]
    public void Stanborough_gives_a_lunchtime_detention_after_0835_and_a_one_hour_detention_after_0900()
    {
        var sanctions = Load(Stanborough).Registration.Sanctions;
        var lunchtime = Assert.Single(sanctions, s => s.ArrivalAfter == new LocalTime(8, 35));
        var oneHour = Assert.Single(sanctions, s => s.ArrivalAfter == new LocalTime(9, 0));

        Assert.Contains("lunchtime", lunchtime.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("one-hour", oneHour.Title, StringComparison.OrdinalIgnoreCase);
        foreach (var sanction in new[] { lunchtime, oneHour })
        {
            Assert.Equal(SessionOfDay.AM, sanction.Session);
            Assert.True(sanction.ExemptWithAcceptedReason);
        }

        Assert.False(lunchtime.AppliesTo(SessionOfDay.AM, new LocalTime(8, 35), reasonAccepted: false));
        Assert.True(lunchtime.AppliesTo(SessionOfDay.AM, new LocalTime(8, 36), reasonAccepted: false));
        Assert.True(lunchtime.AppliesTo(SessionOfDay.AM, new LocalTime(9, 30), reasonAccepted: false));
        Assert.False(lunchtime.AppliesTo(SessionOfDay.AM, new LocalTime(8, 50), reasonAccepted: true));
        Assert.False(oneHour.AppliesTo(SessionOfDay.AM, new LocalTime(9, 0), reasonAccepted: false));
        Assert.True(oneHour.AppliesTo(SessionOfDay.AM, new LocalTime(9, 1), reasonAccepted: false));
    }

    [Fact]
    public void Stanborough_registration_runs_from_0835_to_0900_with_no_afternoon_window()
    {
        var policy = Load(Stanborough);

        AssertWindow(Window(policy, SessionOfDay.AM), opens: new(8, 35), lateAfter: new(8, 35), closes: new(9, 0));
        Assert.DoesNotContain(policy.Registration.Windows, w => w.Session == SessionOfDay.PM);
    }

    [Fact]
    public void Stanborough_penalty_notice_threshold_counts_G_O_U_only()
    {
        var rule = PenaltyNoticeThreshold(Load(Stanborough));

        AssertCodes(rule.Codes, "G", "O", "U");
    }

    // ---- Hall Green ----------------------------------------------------------------------------

    [Fact]
    public void Hall_Green_stage_1_is_a_letter_below_95_percent()
    {
        var (_, stage1) = StageOne(Load(HallGreen));

        Assert.Equal(1, stage1.Number);
        Assert.Equal(ActionKind.Letter, stage1.Action);
        Assert.Equal(new AttendanceBelowCondition(95m, false), stage1.When);
    }

    [Fact]
    public void Hall_Green_contacts_parents_below_the_95_5_percent_target_as_a_separate_rule()
    {
        var rule = Only<AttendanceBelowRule>(Load(HallGreen), r => r.Percent == 95.5m, "a 95.5% threshold");

        Assert.False(rule.Inclusive);
        Assert.Equal(AttendancePeriod.AcademicYear, rule.Period);
        Assert.NotNull(rule.Action);
    }

    [Fact]
    public void Hall_Green_morning_register_is_late_after_0855_and_closes_at_0910_with_no_afternoon_window()
    {
        var policy = Load(HallGreen);

        AssertWindow(Window(policy, SessionOfDay.AM), opens: new(8, 55), lateAfter: new(8, 55), closes: new(9, 10));
        Assert.DoesNotContain(policy.Registration.Windows, w => w.Session == SessionOfDay.PM);
    }

    [Fact]
    public void Hall_Green_stage_3_refers_to_the_LA_when_attendance_declines_after_stage_1_with_the_meeting_a_follow_up()
    {
        var (staged, stage1) = StageOne(Load(HallGreen));
        var referral = Assert.Single(staged.Stages, s => s.Action == ActionKind.Referral);

        Assert.Contains(stage1.FollowUps, f => f.Title.Contains("Senior Attendance Champion", StringComparison.Ordinal));
        Assert.Equal(new AttendanceDeclinedCondition(1, null), referral.When);
        Assert.Equal(2, staged.Stages.Count);
        Assert.True(
            referral.Number == 3,
            $"the LA referral is the document's Stage 3 (decisions.md: \"Stage 3 (refer to the LA)\"), but the policy numbers it stage {referral.Number}");
    }

    // ---- Laurence Jackson ----------------------------------------------------------------------

    [Fact]
    public void Laurence_Jackson_has_stages_1_to_4_with_the_documents_numbers()
    {
        var (staged, _) = StageOne(Load(LaurenceJackson));

        Assert.Equal([1, 2, 3, 4], staged.Stages.Select(s => s.Number));
        Assert.Equal(
            [ActionKind.Letter, ActionKind.Letter, ActionKind.Letter, ActionKind.Referral],
            staged.Stages.Select(s => s.Action));
        Assert.Equal(new AttendanceBelowCondition(96m, false), staged.Stages[0].When);
        Assert.IsType<AbsenceAfterPreviousCondition>(staged.Stages[1].When);
        Assert.Equal(new AttendanceDeclinedCondition(2, 10), staged.Stages[2].When);
        Assert.Equal(new MonitoringAttendanceBelowCondition(100m, 20), staged.Stages[3].When);
    }

    [Fact]
    public void Laurence_Jackson_counts_illness_and_appointments_without_medical_evidence_as_unauthorised_after_stage_2()
    {
        var policy = Load(LaurenceJackson);
        var (staged, _) = StageOne(policy);
        var rule = Assert.Single(policy.Rules.OfType<ReinterpretRule>());

        Assert.Equal(staged.Id, rule.AfterRule);
        Assert.Equal(2, rule.AfterStage);
        AssertCodes(rule.Codes, "I", "M");
        Assert.Equal("medical_evidence", rule.UnlessFact);
        Assert.True(NationalCodeTable.TryFind(rule.CountAs, CodeSet.Regulations2024, out var countAs), rule.CountAs);
        Assert.True(countAs.IsUnauthorisedAbsence, $"{rule.CountAs} is not an unauthorised absence code");
    }

    [Fact]
    public void Laurence_Jackson_may_take_privileges_away_below_96_percent()
    {
        var rule = Only<AttendanceBelowRule>(Load(LaurenceJackson), r => r.Action == ActionKind.Sanction, "a sanction");

        Assert.Equal(96m, rule.Percent);
        Assert.False(rule.Inclusive);
    }

    [Fact]
    public void Laurence_Jackson_registers_run_0830_to_0900_and_1205_to_1305()
    {
        var policy = Load(LaurenceJackson);

        AssertWindow(Window(policy, SessionOfDay.AM), opens: new(8, 30), lateAfter: new(8, 30), closes: new(9, 0));
        AssertWindow(Window(policy, SessionOfDay.PM), opens: new(12, 5), lateAfter: new(12, 5), closes: new(13, 5));
    }

    [Fact]
    public void Laurence_Jackson_keeps_register_entries_for_3_years()
    {
        Assert.Equal(3, Load(LaurenceJackson).RetentionYears);
    }

    [Fact]
    public void Laurence_Jackson_flags_absence_exceeding_10_consecutive_school_days_as_a_missing_education_risk()
    {
        // The national runs (attendance return, deletion review) count unauthorised codes only; this one counts every absence.
        var rule = Only<ConsecutiveDaysRule>(Load(LaurenceJackson), r => r.Codes.Contains("I"), "a run that counts illness");

        Assert.Equal(11, rule.AtLeastDays);
        Assert.Equal(ActionKind.Safeguarding, rule.Action);
        Assert.True(rule.Codes.Contains("O") && rule.Codes.Contains("C1"), rule.Codes.ToString());
    }

    // ---- Willoughby ----------------------------------------------------------------------------

    [Fact]
    public void Willoughby_contacts_parents_when_attendance_drops_below_90_percent()
    {
        var rule = Only<AttendanceBelowRule>(Load(Willoughby), r => r is { Percent: 90m, Inclusive: false }, "strictly below 90%");

        Assert.Equal(AttendancePeriod.AcademicYear, rule.Period);
        Assert.NotNull(rule.Action);
    }

    [Fact]
    public void Willoughby_registers_are_late_after_0900_closing_0925_and_1300_to_1315()
    {
        var policy = Load(Willoughby);

        AssertWindow(Window(policy, SessionOfDay.AM), opens: new(9, 0), lateAfter: new(9, 0), closes: new(9, 25));
        AssertWindow(Window(policy, SessionOfDay.PM), opens: new(13, 0), lateAfter: new(13, 0), closes: new(13, 15));
    }

    [Fact]
    public void Willoughby_flags_an_N_unresolved_after_5_school_days_as_data_quality()
    {
        var rule = Only<UnresolvedCodeRule>(Load(Willoughby), r => r.Code == "N", "an unresolved N");

        Assert.Equal(5, rule.SchoolDays);
        Assert.Equal(ActionKind.DataQuality, rule.Action);
    }

    [Fact]
    public void Willoughby_praises_100_percent_attendance_each_term_and_year()
    {
        var rule = Assert.Single(Load(Willoughby).Rules.OfType<RewardRule>());

        Assert.Equal(100m, rule.Percent);
        Assert.Equal([SchoolPeriod.Term, SchoolPeriod.AcademicYear], rule.Periods.Order());
    }

    // ---- Aycliffe Drive ------------------------------------------------------------------------

    [Fact]
    public void Aycliffe_Drive_refers_15_unauthorised_sessions_over_the_current_and_previous_term()
    {
        var rule = Only<SessionCountRule>(Load(AycliffeDrive), r => r.Window == CountWindow.CurrentAndPreviousTerm, "a count over the current and previous term");

        Assert.Equal(15, rule.AtLeastSessions);
        AssertCodes(rule.Codes, NationalUnauthorised);
        Assert.Equal(ActionKind.Referral, rule.Action);
    }

    [Fact]
    public void Aycliffe_Drive_keeps_the_national_penalty_notice_threshold_beside_its_own()
    {
        // decisions.md: "the national penalty-notice threshold stay[s] national".
        var policy = Load(AycliffeDrive);

        Assert.Equal(Load(NationalBase).FindRule("penalty-notice-threshold"), policy.FindRule("penalty-notice-threshold"));
    }

    [Fact]
    public void Aycliffe_Drive_allows_at_most_2_days_of_religious_observance_falling_due_on_the_5th_R_session()
    {
        var rule = Only<SessionCountRule>(Load(AycliffeDrive), r => r.Codes.Contains("R"), "a count of R");

        AssertCodes(rule.Codes, "R");
        Assert.Equal(5, rule.AtLeastSessions);
        Assert.Equal(CountWindow.AcademicYear, rule.Window);
    }

    [Fact]
    public void Aycliffe_Drive_register_closes_at_0900_and_a_reason_accepted_after_close_authorises()
    {
        var policy = Load(AycliffeDrive);
        var am = Window(policy, SessionOfDay.AM);

        AssertWindow(am, opens: new(8, 30), lateAfter: new(8, 30), closes: new(9, 0));
        Assert.True(am.AcceptedReasonAuthorises);
        Assert.DoesNotContain(policy.Registration.Windows, w => w.Session == SessionOfDay.PM);
    }

    [Fact]
    public void Aycliffe_Drive_returns_a_C2_part_time_timetable_start_and_end_to_the_LA_within_5_days()
    {
        var policy = Load(AycliffeDrive);
        var changes = policy.Rules.OfType<CodeChangeRule>().Where(r => r.Codes.Contains("C2")).ToList();

        Assert.Equal([false, true], changes.Select(r => r.Ends).Order());
        Assert.All(changes, r =>
        {
            AssertCodes(r.Codes, "C2");
            Assert.Equal(5, r.WithinSchoolDays);
            Assert.Equal(ActionKind.Notification, r.Action);
        });
    }

    [Fact]
    public void Aycliffe_Drive_rewards_100_percent_attendance()
    {
        var rule = Assert.Single(Load(AycliffeDrive).Rules.OfType<RewardRule>());

        Assert.Equal(100m, rule.Percent);
        Assert.Equal(ActionKind.Reward, rule.Action);
    }

    [Fact]
    public void Aycliffe_Drive_records_the_60_and_120_fines_as_superseded_and_applies_the_national_ones()
    {
        var notices = Load(AycliffeDrive).PenaltyNotices;
        var national = Load(NationalBase).PenaltyNotices!;

        Assert.NotNull(notices);
        var superseded = Assert.Single(notices.Superseded);
        Assert.Equal([60m, 120m], superseded.Amounts);
        Assert.Equal(national.Notices, notices.Notices);
        Assert.Equal(national.PeriodYears, notices.PeriodYears);
    }

    // ---- Compliance warnings -------------------------------------------------------------------

    [Fact]
    public void Laurence_Jackson_warns_about_3_year_retention_and_the_60_minute_afternoon_register()
    {
        var warnings = WarningMessages(LaurenceJackson);

        Assert.Contains(warnings, w => w.Contains("kept for 3 years", StringComparison.Ordinal) && w.Contains("require 6", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("PM register is kept open for 60 minutes", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("AM register is kept open", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LaurenceJackson, 30, 60)]
    [InlineData(Willoughby, 25, 15)]
    public void Unequal_morning_and_afternoon_register_lengths_are_warned_about(string file, int morning, int afternoon)
    {
        Assert.Contains(
            WarningMessages(file),
            w => w.Contains($"morning register is open {morning} minutes and the afternoon one {afternoon}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Stanborough)]
    [InlineData(HallGreen)]
    [InlineData(AycliffeDrive)]
    public void Schools_without_an_afternoon_window_get_no_register_length_warnings(string file)
    {
        Assert.DoesNotContain(WarningMessages(file), w => w.Contains("register", StringComparison.Ordinal) && w.Contains("open", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_schools_counting_G_O_U_get_a_penalty_notice_threshold_warning()
    {
        string[] schools = [Stanborough, HallGreen, LaurenceJackson, Willoughby, AycliffeDrive];

        var warned = schools.Where(s => Read(s).Warnings.Any(w => w.Message.Contains("penalty-notice threshold", StringComparison.Ordinal))).ToList();

        Assert.Equal([Stanborough, HallGreen], warned);
        foreach (var school in warned)
        {
            var warning = Assert.Single(Read(school).Warnings, w => w.Message.Contains("penalty-notice threshold", StringComparison.Ordinal));
            Assert.Equal("penalty-notice-threshold", warning.RuleId);
            Assert.Contains("counts G, O, U where the national framework counts G, N, O, U", warning.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_Laurence_Jackson_warns_about_retention()
    {
        string[] schools = [Stanborough, HallGreen, LaurenceJackson, Willoughby, AycliffeDrive];

        var warned = schools.Where(s => WarningMessages(s).Any(w => w.Contains("register entries are kept", StringComparison.Ordinal)));

        Assert.Equal([LaurenceJackson], warned);
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private sealed record AttendanceTrigger(string Where, ActionKind? Action, decimal Percent, bool Inclusive);

    private static PolicyLoadResult Read(string relativePath) =>
        PolicyLoader.ReadFile(Path.Combine(RepositoryPaths.Policies, relativePath));

    private static Policy Load(string relativePath)
    {
        var result = Read(relativePath);
        Assert.True(result.Succeeded, $"{relativePath} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        return result.Policy!;
    }

    private static List<string> WarningMessages(string relativePath) => Read(relativePath).Warnings.Select(w => w.Message).ToList();

    /// <summary>The one rule of a type that matches, or a failure listing that type's rules.</summary>
    private static T Only<T>(Policy policy, Func<T, bool> match, string what)
        where T : Rule
    {
        var candidates = policy.Rules.OfType<T>().ToList();
        var found = candidates.Where(match).ToList();
        Assert.True(
            found.Count == 1,
            $"{policy.Id}: expected one {typeof(T).Name} with {what}, found {found.Count}; its {typeof(T).Name}s: {string.Join("; ", candidates.Select(Describe))}");
        return found[0];
    }

    private static string Describe(Rule rule) => rule switch
    {
        SessionCountRule r => $"{r.Id} ({string.Join(",", r.Codes.Codes)} x{r.AtLeastSessions} over {r.Window})",
        ConsecutiveDaysRule r => $"{r.Id} ({string.Join(",", r.Codes.Codes)} for {r.AtLeastDays} days)",
        AttendanceBelowRule r => $"{r.Id} (below {r.Percent}{(r.Inclusive ? " inclusive" : string.Empty)}, {r.Action})",
        _ => $"{rule.Id} ({rule.TypeName}, {rule.Action})",
    };

    /// <summary>Attendance-percentage triggers, whether a rule of their own or a staged rule's stage.</summary>
    private static List<AttendanceTrigger> AttendanceBelowTriggers(Policy policy) =>
        policy.Rules.OfType<AttendanceBelowRule>().Select(r => new AttendanceTrigger(r.Id, r.Action, r.Percent, r.Inclusive))
            .Concat(policy.Rules.OfType<StagedRule>().SelectMany(r => r.Stages
                .Where(s => s.When is AttendanceBelowCondition)
                .Select(s => new AttendanceTrigger($"{r.Id} stage {s.Number}", s.Action, ((AttendanceBelowCondition)s.When).Percent, ((AttendanceBelowCondition)s.When).Inclusive))))
            .ToList();

    /// <summary>The policy's one staged rule and its first stage.</summary>
    private static (StagedRule Rule, Stage Stage) StageOne(Policy policy)
    {
        var staged = Assert.Single(policy.Rules.OfType<StagedRule>());
        return (staged, staged.Stages[0]);
    }

    private static SessionCountRule PenaltyNoticeThreshold(Policy policy) =>
        Only<SessionCountRule>(
            policy,
            r => r.Action == ActionKind.Referral && r.AtLeastSessions == 10 && r.Window == CountWindow.Rolling(10),
            "10 sessions in a rolling 10 school weeks");

    private static RegistrationWindow Window(Policy policy, SessionOfDay session) =>
        Assert.Single(policy.Registration.Windows, w => w.Session == session && w.YearGroups.Count == 0);

    private static void AssertWindow(RegistrationWindow window, LocalTime opens, LocalTime lateAfter, LocalTime closes)
    {
        Assert.Equal(opens, window.Opens);
        Assert.Equal(lateAfter, window.LateAfter);
        Assert.Equal(closes, window.Closes);
    }

    private static void AssertCodes(CodeSelection selection, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), selection.Codes.Order(StringComparer.Ordinal));
}
