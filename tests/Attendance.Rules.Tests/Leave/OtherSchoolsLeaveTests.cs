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
    public void Willoughby_refuses_leave_outside_the_regulations_circumstances()
    {
        var holiday = Decide("willoughby-primary", Holiday());

        Assert.Equal(LeaveOutcome.Refuse, holiday.Outcome);
        Assert.Equal("G", holiday.CodeIfTaken);
        Assert.Equal(LeaveOutcome.Refer, Decide("willoughby-primary", Of(LeaveType.Study)).Outcome);
        Assert.Equal(LeaveOutcome.Refer, Decide("willoughby-primary", Of(LeaveType.PartTimeTimetable)).Outcome);
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

        NoReason(Decide("aycliffe-drive-primary", twoDays), "religious-observance-two-days");
        Assert.Equal(
            "3 school days requested and 0 sessions of R already in 2025/26: 3 days; the policy allows at most 2",
            Reason(Decide("aycliffe-drive-primary", threeDays), "religious-observance-two-days").Text);
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

    [Fact]
    public void A_request_whose_last_day_is_before_its_first_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LeaveRequest.Create("P1", LeaveType.Holiday, D(2025, 10, 8), D(2025, 10, 6), D(2025, 9, 1)));

        Assert.Contains("before the first", error.Message, StringComparison.Ordinal);
    }
}
