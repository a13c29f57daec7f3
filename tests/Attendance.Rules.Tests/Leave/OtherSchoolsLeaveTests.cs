using Attendance.Rules.Leave;
using Attendance.Rules.Policies;
using static Attendance.Rules.Tests.Leave.LeaveKit;

namespace Attendance.Rules.Tests.Leave;

/// <summary>The leave conditions of Willoughby, Aycliffe Drive, Stanborough and Hall Green, each on both sides of its boundary.</summary>
public class OtherSchoolsLeaveTests
{
    [Fact]
    public void Willoughby_short_notice_refers_where_possible_and_two_weeks_is_enough()
    {
        var request = Of(LeaveType.Exceptional, LeaveFact.Bereavement);

        var twoWeeks = Decide("willoughby-primary", request with { RequestedOn = D(2025, 9, 22) });
        var lessADay = Decide("willoughby-primary", request with { RequestedOn = D(2025, 9, 23) });

        NoReason(twoWeeks, "two-weeks-notice");
        Assert.Equal(LeaveOutcome.Refer, lessADay.Outcome);
        Assert.Equal(LeaveOutcome.Refer, Reason(lessADay, "two-weeks-notice").Outcome);
    }

    [Fact]
    public void Willoughby_refers_a_holiday_outside_the_regulations_circumstances_as_unlikely_but_not_forbidden()
    {
        // "it is unlikely a leave of absence will be granted for the purposes of a family holiday": the
        // headteacher may still find exceptional circumstances, so the policy does not forbid it.
        var holiday = Decide("willoughby-primary", Holiday());

        Assert.Equal(LeaveOutcome.Refer, holiday.Outcome);
        var reason = Reason(holiday, "regulations-circumstances");
        Assert.Equal(LeaveOutcome.Refer, reason.Outcome);
        Assert.StartsWith("holiday leave is not among the circumstances the policy lists", reason.Text, StringComparison.Ordinal);
        Assert.Contains(reason.Sources, q => q.Contains("unlikely a leave of absence will be granted for the purposes of a family holiday", StringComparison.Ordinal));
        Assert.Equal("G", holiday.CodeIfTaken);
        Assert.Equal(LeaveOutcome.Refer, Reason(Decide("willoughby-primary", Of(LeaveType.Sport)), "regulations-circumstances").Outcome);
        NoReason(Decide("willoughby-primary", Of(LeaveType.Study)), "regulations-circumstances");
        NoReason(Decide("willoughby-primary", Of(LeaveType.PartTimeTimetable)), "regulations-circumstances");
    }

    [Fact]
    public void Willoughby_refuses_a_holiday_for_protest()
    {
        Assert.Equal(LeaveOutcome.Refuse, Decide("willoughby-primary", Holiday(LeaveFact.Protest)).Outcome);
        NoReason(Decide("willoughby-primary", Holiday()), "no-protest");
    }

    [Fact]
    public void Willoughby_never_grants_leave_for_protest()
    {
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide("willoughby-primary", Of(LeaveType.Exceptional, LeaveFact.Protest)), "no-protest").Outcome);
    }

    [Fact]
    public void Willoughby_authorises_a_medical_appointment_notified_in_advance_and_refers_one_notified_on_the_day()
    {
        var ahead = Decide("willoughby-primary", Of(LeaveType.Medical) with { RequestedOn = D(2025, 10, 5) });
        var onTheDay = Decide("willoughby-primary", Of(LeaveType.Medical) with { RequestedOn = D(2025, 10, 6) });

        Assert.Equal(LeaveOutcome.Authorise, ahead.Outcome);
        Assert.Equal("M", ahead.CodeIfTaken);
        Assert.Equal(LeaveOutcome.Refer, onTheDay.Outcome);
        Assert.Equal("O", onTheDay.CodeIfTaken);
    }

    [Fact]
    public void Willoughby_religious_observance_and_traveller_absence_need_their_facts()
    {
        Assert.Equal(LeaveOutcome.Refuse, Decide("willoughby-primary", Of(LeaveType.ReligiousObservance)).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide("willoughby-primary", Of(LeaveType.ReligiousObservance, LeaveFact.DaySetApart)).Outcome);
        Assert.Equal(LeaveOutcome.Refuse, Decide("willoughby-primary", Of(LeaveType.Traveller)).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide("willoughby-primary", Of(LeaveType.Traveller, LeaveFact.OccupationalTravel)).Outcome);
    }

    [Fact]
    public void Aycliffe_Drive_allows_two_days_of_religious_observance_and_refuses_a_third()
    {
        var twoDays = Of(LeaveType.ReligiousObservance, LeaveFact.DaySetApart) with { LastDay = D(2025, 10, 7) };
        var threeDays = twoDays with { LastDay = D(2025, 10, 8) };
        var noR = Register(D(2025, 9, 1), D(2025, 10, 3), 40);

        NoReason(Decide("aycliffe-drive-primary", twoDays, noR), "religious-observance-two-days");
        Assert.Equal(
            "3 school days requested and 0 sessions of R already in 2025/26: 3 days; the policy allows at most 2",
            Reason(Decide("aycliffe-drive-primary", threeDays, noR), "religious-observance-two-days").Text);
    }

    [Fact]
    public void Aycliffe_Drive_counts_R_marks_already_in_the_year()
    {
        var oneDay = Of(LeaveType.ReligiousObservance, LeaveFact.DaySetApart) with { LastDay = D(2025, 10, 6) };
        var oneDayOfR = Register(D(2025, 9, 1), D(2025, 10, 3), 20, "R", 2);
        var threeSessionsOfR = Register(D(2025, 9, 1), D(2025, 10, 3), 20, "R", 3);

        NoReason(Decide("aycliffe-drive-primary", oneDay, oneDayOfR), "religious-observance-two-days");
        Assert.Equal(LeaveOutcome.Refuse, Decide("aycliffe-drive-primary", oneDay, threeSessionsOfR).Outcome);
    }

    [Fact]
    public void Aycliffe_Drive_without_a_register_refers_religious_observance_it_cannot_count()
    {
        var oneDay = Of(LeaveType.ReligiousObservance, LeaveFact.DaySetApart) with { LastDay = D(2025, 10, 6) };

        var reason = Reason(Decide("aycliffe-drive-primary", oneDay), "religious-observance-two-days");

        Assert.Equal(LeaveOutcome.Refer, reason.Outcome);
        Assert.Equal("no register is given, so the sessions of R already in 2025/26 cannot be counted; 1 school day requested, and the policy allows at most 2 days", reason.Text);
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide("aycliffe-drive-primary", oneDay with { LastDay = D(2025, 10, 8) }), "religious-observance-two-days").Outcome);
    }

    [Fact]
    public void Aycliffe_Drive_traveller_absence_needs_occupational_travel_quoted_whole()
    {
        var condition = Policy("aycliffe-drive-primary").Policy.Leave!.Conditions.Single(c => c.Id == "traveller-occupational-travel");

        Assert.Equal(
            "The pupil is the child of Traveller parents who are known to be travelling for occupational purposes and have agreed this with the school",
            Assert.Single(condition.Sources));
        Assert.Equal(LeaveOutcome.Refuse, Decide("aycliffe-drive-primary", Of(LeaveType.Traveller)).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide("aycliffe-drive-primary", Of(LeaveType.Traveller, LeaveFact.OccupationalTravel)).Outcome);
    }

    [Fact]
    public void Aycliffe_Drive_refuses_a_request_made_on_the_first_day()
    {
        Assert.Equal(LeaveOutcome.Refuse, Reason(Decide("aycliffe-drive-primary", Holiday() with { RequestedOn = D(2025, 10, 6) }), "applied-for-in-advance").Outcome);
    }

    [Fact]
    public void Aycliffe_Drive_refuses_leave_not_applied_for_in_advance_and_refers_the_rest()
    {
        Assert.Equal(LeaveOutcome.Refuse, Decide("aycliffe-drive-primary", Holiday() with { RequestedOn = D(2025, 10, 7) }).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide("aycliffe-drive-primary", Holiday() with { RequestedOn = D(2025, 10, 5) }).Outcome);
    }

    [Fact]
    public void Aycliffe_Drive_authorises_a_performance_with_a_dated_licence()
    {
        var request = Of(LeaveType.Performance, LeaveFact.Licence) with { LicenceDates = ValueList.Of(D(2025, 10, 6), D(2025, 10, 7), D(2025, 10, 8)) };

        Assert.Equal(LeaveOutcome.Authorise, Decide("aycliffe-drive-primary", request).Outcome);
        Assert.Equal(LeaveOutcome.Refuse, Decide("aycliffe-drive-primary", Of(LeaveType.Performance)).Outcome);
    }

    [Theory]
    [InlineData("stanborough")]
    [InlineData("hall-green-primary")]
    public void Stanborough_and_Hall_Green_refer_written_requests_made_in_advance_and_refuse_others(string school)
    {
        Assert.Equal(LeaveOutcome.Refer, Decide(school, Holiday()).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide(school, Holiday() with { RequestedOn = D(2025, 10, 5) }).Outcome);
        var retrospective = Decide(school, Holiday() with { RequestedOn = D(2025, 10, 6) });
        Assert.Equal(LeaveOutcome.Refuse, retrospective.Outcome);
        Assert.Equal("G", retrospective.CodeIfTaken);
        Assert.Equal(LeaveOutcome.Refuse, Decide(school, Holiday() with { Facts = ValueList.Of(LeaveFact.OnSchoolForm) }).Outcome);
    }

    [Fact]
    public void Hall_Green_needs_its_prescribed_form_and_Stanborough_does_not()
    {
        var writtenNoForm = Holiday() with { Facts = ValueList.Of(LeaveFact.InWriting) };

        Assert.Equal(LeaveOutcome.Refuse, Decide("hall-green-primary", writtenNoForm).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide("stanborough", writtenNoForm).Outcome);
    }

    [Fact]
    public void Requested_days_with_no_school_day_are_referred_with_a_reason()
    {
        var weekend = Holiday() with { FirstDay = D(2025, 10, 11), LastDay = D(2025, 10, 12) };

        var decision = Decide("stanborough", weekend);

        Assert.Equal(0, decision.SchoolDays);
        Assert.Equal(LeaveOutcome.Refer, Reason(decision, "no-school-days").Outcome);
    }

    [Fact]
    public void A_policy_without_a_leave_section_cannot_decide_requests()
    {
        var national = Attendance.Rules.Evaluation.PolicyEvaluator.Compile(Attendance.Rules.Loading.PolicyLoader.LoadEmbedded("england-2024"));

        Assert.False(national.HasLeaveRules);
        Assert.Throws<InvalidOperationException>(() => { national.EvaluateLeaveRequest(Holiday()); });
    }

    [Theory]
    [InlineData("Year 7")]
    [InlineData("Y7")]
    [InlineData("07")]
    [InlineData("14")]
    [InlineData("")]
    public void A_year_group_that_is_not_a_National_Curriculum_year_is_rejected(string yearGroup)
    {
        // Accepted silently, "Year 7" would never match the Year 7 rule and the request would escape it.
        var error = Assert.Throws<ArgumentException>(() => LeaveRequest.Create("P1", LeaveType.Holiday, D(2025, 10, 6), D(2025, 10, 8), D(2025, 9, 1), yearGroup));

        Assert.Contains("N1, N2, R, 1 to 13", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Decide("laurence-jackson", Holiday() with { YearGroup = yearGroup }));
    }

    [Theory]
    [InlineData("N1", 2025, 7, 10, "N2")]
    [InlineData("N2", 2025, 7, 10, "R")]
    [InlineData("R", 2025, 7, 10, "1")]
    [InlineData("6", 2025, 7, 10, "7")]
    [InlineData("6", 2024, 7, 10, "8")]
    [InlineData("13", 2025, 7, 10, null)]
    [InlineData("9", 2025, 9, 1, "9")]
    public void The_year_group_moves_up_each_1_August_before_the_first_day(string asked, int year, int month, int day, string? onFirstDay)
    {
        var request = Holiday() with { YearGroup = asked, RequestedOn = D(year, month, day) };

        Assert.Equal(onFirstDay, request.YearGroupOnFirstDay);
    }

    [Fact]
    public void An_earlier_request_of_an_unknown_type_or_a_fact_outside_the_vocabulary_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Decide("laurence-jackson", Holiday() with { Facts = ValueList.Of((LeaveFact)99) }));
        Assert.Throws<ArgumentException>(() => Decide("laurence-jackson", Holiday() with { EarlierRequests = ValueList.Of(new EarlierLeaveRequest((LeaveType)99, D(2025, 6, 2), D(2025, 6, 3))) }));
        Assert.Throws<ArgumentException>(() => Decide("laurence-jackson", Holiday() with { Notices = ValueList.Of(new IssuedNotice((NoticeKind)99, D(2025, 6, 2))) }));
    }

    [Fact]
    public void A_request_whose_last_day_is_before_its_first_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LeaveRequest.Create("P1", LeaveType.Holiday, D(2025, 10, 8), D(2025, 10, 6), D(2025, 9, 1)));

        Assert.Contains("before the first", error.Message, StringComparison.Ordinal);
    }
}
