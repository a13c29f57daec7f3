using Attendance.Rules.Leave;
using Attendance.Rules.Policies;
using NodaTime;
using static Attendance.Rules.Tests.Leave.LeaveKit;

namespace Attendance.Rules.Tests.Leave;

/// <summary>Every leave condition of Laurence Jackson School on both sides of its boundary.</summary>
public class LaurenceJacksonLeaveTests
{
    private const string School = "laurence-jackson";

    [Fact]
    public void A_holiday_that_breaks_no_condition_is_referred_to_the_headteacher_and_G_if_taken()
    {
        var decision = Decide(School, Holiday());

        Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
        Assert.Equal("headteacher-discretion", Assert.Single(decision.Reasons).Rule);
        Assert.Equal("G", decision.CodeIfTaken);
        Assert.Equal("C", decision.CodeIfAuthorised);
        Assert.Equal(3, decision.SchoolDays);
    }

    [Fact]
    public void Exactly_four_weeks_notice_is_enough()
    {
        var decision = Decide(School, Holiday() with { RequestedOn = D(2025, 9, 8) });

        NoReason(decision, "four-weeks-notice");
        Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
    }

    [Fact]
    public void Four_weeks_notice_less_a_day_is_refused()
    {
        var decision = Decide(School, Holiday() with { RequestedOn = D(2025, 9, 9) });

        Assert.Equal(LeaveOutcome.Refuse, decision.Outcome);
        var reason = Reason(decision, "four-weeks-notice");
        Assert.Equal("27 days' notice (requested on 2025-09-09 for leave from 2025-10-06); the policy asks for at least 4 weeks (28 days)", reason.Text);
        Assert.Contains("at least four weeks prior", reason.Sources[0], StringComparison.Ordinal);
        Assert.Equal("G", decision.CodeIfTaken);
    }

    [Fact]
    public void Five_consecutive_school_days_across_a_weekend_are_allowed()
    {
        var decision = Decide(School, Holiday() with { FirstDay = D(2025, 10, 9), LastDay = D(2025, 10, 15) });

        Assert.Equal(5, decision.SchoolDays);
        NoReason(decision, "five-school-days");
    }

    [Fact]
    public void Six_consecutive_school_days_across_a_weekend_are_refused()
    {
        var decision = Decide(School, Holiday() with { FirstDay = D(2025, 10, 9), LastDay = D(2025, 10, 16) });

        Assert.Equal(LeaveOutcome.Refuse, decision.Outcome);
        Assert.Equal("6 consecutive school days requested (2025-10-09 to 2025-10-16); the policy allows at most 5", Reason(decision, "five-school-days").Text);
    }

    [Fact]
    public void A_closure_day_is_not_a_school_day_of_the_leave()
    {
        // 27-31 October is half term in the calendar: Thursday 23 to Tuesday 4 November is 4 school days.
        var decision = Decide(School, Holiday() with { FirstDay = D(2025, 10, 23), LastDay = D(2025, 11, 4) });

        Assert.Equal(4, decision.SchoolDays);
        NoReason(decision, "five-school-days");
    }

    [Theory]
    [InlineData(2024, 10, 5, false)] // 12 months and a day before the first day
    [InlineData(2024, 10, 6, true)]  // exactly 12 months: inclusive
    [InlineData(2024, 10, 7, true)]  // 12 months less a day
    [InlineData(2025, 10, 5, true)]  // the day before the first day
    [InlineData(2025, 10, 6, false)] // the first day itself is not before it
    public void A_penalty_notice_in_the_12_months_before_the_first_day_refuses(int year, int month, int day, bool refused)
    {
        var request = Holiday() with { Notices = ValueList.Of(new IssuedNotice(NoticeKind.PenaltyNotice, D(year, month, day))) };

        var decision = Decide(School, request);

        Assert.Equal(refused ? LeaveOutcome.Refuse : LeaveOutcome.Refer, decision.Outcome);
        Assert.Equal(refused, decision.Reasons.Any(r => r.Rule == "recent-warning-or-penalty-notice"));
    }

    [Fact]
    public void A_holiday_warning_letter_counts_like_a_penalty_notice()
    {
        var request = Holiday() with { Notices = ValueList.Of(new IssuedNotice(NoticeKind.WarningLetter, D(2025, 3, 1))) };

        var reason = Reason(Decide(School, request), "recent-warning-or-penalty-notice");

        Assert.Equal("warning letter issued on 2025-03-01: within the 12 months before the first day of leave (2024-10-06 to 2025-10-05)", reason.Text);
    }

    [Fact]
    public void A_school_day_in_September_refuses_and_one_on_1_October_does_not()
    {
        var inSeptember = Decide(School, Holiday() with { FirstDay = D(2025, 9, 30), LastDay = D(2025, 10, 2), RequestedOn = D(2025, 7, 1) });
        var inOctober = Decide(School, Holiday() with { FirstDay = D(2025, 10, 1), LastDay = D(2025, 10, 3), RequestedOn = D(2025, 7, 1) });

        Assert.Equal(LeaveOutcome.Refuse, inSeptember.Outcome);
        Assert.Equal("1 school day of the leave falls in September (2025-09-30)", Reason(inSeptember, "september").Text);
        NoReason(inOctober, "september");
    }

    [Fact]
    public void Year_7_refuses_unless_a_bereavement()
    {
        var year7 = Holiday() with { YearGroup = "7" };

        Assert.Equal(LeaveOutcome.Refuse, Decide(School, year7).Outcome);
        NoReason(Decide(School, year7 with { Facts = ValueList.Of(LeaveFact.Bereavement, LeaveFact.InWriting, LeaveFact.OnSchoolForm) }), "year-7");
        NoReason(Decide(School, year7 with { YearGroup = "8" }), "year-7");
    }

    [Fact]
    public void Year_7_is_judged_on_the_first_day_of_leave()
    {
        // Asked for in Year 6 in July, for leave in October, when the pupil is in Year 7.
        var request = Holiday() with { YearGroup = "6", RequestedOn = D(2025, 7, 10) };

        Assert.Equal("7", request.YearGroupOnFirstDay);
        Assert.Contains("year 7 on the first day", Reason(Decide(School, request), "year-7").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_year_group_the_Year_7_rule_refers()
    {
        var decision = Decide(School, Holiday() with { YearGroup = null });

        Assert.Equal(LeaveOutcome.Refer, Reason(decision, "year-7").Outcome);
    }

    [Fact]
    public void Cost_refuses_a_holiday_but_not_other_leave()
    {
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, Holiday(LeaveFact.Cost)), "holiday-cost").Outcome);
        NoReason(Decide(School, Of(LeaveType.Exceptional, LeaveFact.Cost, LeaveFact.OnSchoolForm)), "holiday-cost");
    }

    [Fact]
    public void Visiting_a_relative_refuses_unless_critically_ill()
    {
        Assert.Equal(LeaveOutcome.Refuse, Decide(School, Holiday(LeaveFact.VisitingRelative)).Outcome);
        NoReason(Decide(School, Holiday(LeaveFact.VisitingRelative, LeaveFact.RelativeCriticallyIll)), "visiting-relative");
    }

    [Fact]
    public void Assessment_periods_refuse_on_their_days_and_refer_without_a_calendar()
    {
        var inMocks = Holiday() with { FirstDay = D(2026, 1, 21), LastDay = D(2026, 1, 26), RequestedOn = D(2025, 11, 1) };
        var after = inMocks with { FirstDay = D(2026, 1, 24), LastDay = D(2026, 1, 27) };

        Assert.Equal("3 school days of the leave fall in an assessment period (2026-01-12 to 2026-01-23)", Reason(Decide(School, inMocks), "assessment-periods").Text);
        NoReason(Decide(School, after), "assessment-periods");
        Assert.Equal(LeaveOutcome.Refer, Reason(Policy(School).EvaluateLeaveRequest(after), "assessment-periods").Outcome);
    }

    [Fact]
    public void A_second_term_time_holiday_in_the_same_school_year_is_refused()
    {
        var earlierThisYear = new EarlierLeaveRequest(LeaveType.Holiday, D(2026, 2, 2), D(2026, 2, 3));
        var earlierLastYear = new EarlierLeaveRequest(LeaveType.Holiday, D(2025, 6, 2), D(2025, 6, 3));
        var earlierFuneral = new EarlierLeaveRequest(LeaveType.Exceptional, D(2025, 11, 3), D(2025, 11, 3));

        Assert.Equal("this is 2nd holiday request in 2025/26 (1 earlier); the policy allows at most 1",
            Reason(Decide(School, Holiday() with { EarlierRequests = ValueList.Of(earlierThisYear) }), "one-holiday-a-year").Text);
        NoReason(Decide(School, Holiday() with { EarlierRequests = ValueList.Of(earlierLastYear, earlierFuneral) }), "one-holiday-a-year");
    }

    [Fact]
    public void A_request_made_on_the_first_day_is_retrospective()
    {
        var decision = Decide(School, Holiday() with { RequestedOn = D(2025, 10, 6) });

        Assert.Equal(LeaveOutcome.Refuse, Reason(decision, "not-retrospective").Outcome);
        NoReason(Decide(School, Holiday() with { RequestedOn = D(2025, 10, 5), Type = LeaveType.Medical }), "not-retrospective");
    }

    [Fact]
    public void Leave_needs_the_leave_of_absence_form()
    {
        var decision = Decide(School, Holiday() with { Facts = ValueList.Of(LeaveFact.InWriting) });

        Assert.Equal("the request does not state on_school_form, which the policy requires for holiday leave", Reason(decision, "leave-of-absence-form").Text);
    }

    [Fact]
    public void Religious_observance_needs_four_weeks_notice_and_a_day_set_apart()
    {
        var ok = Of(LeaveType.ReligiousObservance, LeaveFact.DaySetApart) with { RequestedOn = D(2025, 9, 8) };

        Assert.Equal(LeaveOutcome.Refer, Decide(School, ok).Outcome);
        Assert.Equal("R", Decide(School, ok).CodeIfAuthorised);
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, ok with { RequestedOn = D(2025, 9, 9) }), "religious-observance-notice").Outcome);
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, Of(LeaveType.ReligiousObservance)), "religious-day-set-apart").Outcome);
        Assert.Equal("O", Decide(School, Of(LeaveType.ReligiousObservance)).CodeIfTaken);
    }

    [Fact]
    public void Religious_observance_in_September_is_not_refused_for_the_month()
    {
        var request = Of(LeaveType.ReligiousObservance, LeaveFact.DaySetApart) with { FirstDay = D(2025, 9, 23), LastDay = D(2025, 9, 23), RequestedOn = D(2025, 8, 1) };

        NoReason(Decide(School, request), "september");
    }

    [Fact]
    public void Traveller_absence_needs_four_weeks_notice_and_occupational_travel()
    {
        var ok = Of(LeaveType.Traveller, LeaveFact.OccupationalTravel) with { RequestedOn = D(2025, 9, 8) };

        Assert.Equal(LeaveOutcome.Refer, Decide(School, ok).Outcome);
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, ok with { RequestedOn = D(2025, 9, 9) }), "traveller-notice").Outcome);
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, Of(LeaveType.Traveller)), "traveller-occupational-travel").Outcome);
    }

    [Fact]
    public void A_licence_with_the_dates_authorises_whatever_else_holds()
    {
        // September, short notice and Year 7 would each refuse; the dated licence needs no further authorisation.
        var request = Of(LeaveType.Performance, LeaveFact.Licence) with
        {
            FirstDay = D(2025, 9, 29), LastDay = D(2025, 9, 30), RequestedOn = D(2025, 9, 28), YearGroup = "7",
            LicenceDates = ValueList.Of(D(2025, 9, 29), D(2025, 9, 30)),
        };

        var decision = Decide(School, request);

        Assert.Equal(LeaveOutcome.Authorise, decision.Outcome);
        Assert.Equal(LeaveOutcome.Authorise, Reason(decision, "performance-licence").Outcome);
        Assert.Equal("C1", decision.CodeIfTaken);
    }

    [Fact]
    public void A_licence_whose_dates_leave_a_day_uncovered_is_for_the_headteacher()
    {
        var request = Of(LeaveType.Performance, LeaveFact.Licence) with { LicenceDates = ValueList.Of(D(2025, 10, 6), D(2025, 10, 7)) };

        var reason = Reason(Decide(School, request, Register(D(2025, 9, 1), D(2025, 10, 3), 40)), "performance-licence");

        Assert.Equal(LeaveOutcome.Refer, reason.Outcome);
        Assert.Contains("2025-10-08", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_licence_no_performance_leave()
    {
        var decision = Decide(School, Of(LeaveType.Performance));

        Assert.Equal(LeaveOutcome.Refuse, decision.Outcome);
        Assert.Equal("O", decision.CodeIfTaken);
    }

    [Fact]
    public void A_licence_without_dates_is_refused_where_attendance_would_fall_below_95_percent()
    {
        // One day of leave (2 sessions counted absent). 38 present of 40 = 95.00%: allowed; 37 of 39 = 94.87%: refused.
        var request = Of(LeaveType.Performance, LeaveFact.Licence) with { FirstDay = D(2025, 10, 6), LastDay = D(2025, 10, 6) };

        var at95 = Decide(School, request, Register(D(2025, 9, 1), D(2025, 10, 3), 38));
        var below = Decide(School, request, Register(D(2025, 9, 1), D(2025, 10, 3), 37));

        NoReason(at95, "performance-attendance-95");
        Assert.Equal(LeaveOutcome.Refer, at95.Outcome);
        Assert.Equal(LeaveOutcome.Refuse, below.Outcome);
        Assert.Equal(
            "attendance over the 12 months to 2025-10-06 would be 94.87% (37 of 39 sessions, counting 1 requested school day as absent); the policy does not authorise absence that takes it below 95%",
            Reason(below, "performance-attendance-95").Text);
    }

    [Fact]
    public void The_95_percent_window_is_the_12_months_to_the_leave_day()
    {
        // An absence 12 months before the leave day is outside the window; one 12 months less a day before is inside.
        var request = Of(LeaveType.Performance, LeaveFact.Licence) with { FirstDay = D(2025, 10, 6), LastDay = D(2025, 10, 6) };
        var present = Register(D(2025, 9, 1), D(2025, 10, 3), 38);
        var outside = present.WithMarks([SessionMark(D(2024, 10, 6), "O")]);
        var inside = present.WithMarks([SessionMark(D(2024, 10, 7), "O")]);

        NoReason(Decide(School, request, outside), "performance-attendance-95");
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, request, inside), "performance-attendance-95").Outcome);
    }

    [Fact]
    public void Without_a_register_the_95_percent_test_refers()
    {
        var decision = Decide(School, Of(LeaveType.Performance, LeaveFact.Licence));

        Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
        Assert.Equal(LeaveOutcome.Refer, Reason(decision, "performance-attendance-95").Outcome);
    }

    [Fact]
    public void Sport_by_parental_choice_is_refused_and_a_club_event_is_referred()
    {
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide(School, Of(LeaveType.Sport, LeaveFact.OnSchoolForm)), "sport-organised-by-club").Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide(School, Of(LeaveType.Sport, LeaveFact.OnSchoolForm, LeaveFact.OrganisedByClub)).Outcome);
    }

    private static Attendance.Rules.Registers.SessionMark SessionMark(LocalDate date, string code) => Attendance.Rules.Registers.SessionMark.Create(Attendance.Rules.Registers.Session.Morning(date), code);
}
