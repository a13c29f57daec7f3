using System.Globalization;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Leave;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Leave;

/// <summary>
/// Judges a leave request against a policy's <c>leave</c> section: each condition that holds gives
/// a reason with its outcome, and the decision follows the precedence refuse &gt; refer &gt;
/// authorise, except that a licence whose dates cover the leave authorises whatever else holds.
/// Pure: the same request, register and calendar give the same decision.
/// </summary>
internal sealed class LeaveEvaluator
{
    /// <summary>The rule id of the reason given when the requested days include no school day.</summary>
    public const string NoSchoolDaysRule = "no-school-days";

    private readonly LeavePolicy leave;
    private readonly LeaveRequest request;
    private readonly IReadOnlyList<(LocalDate Date, AttendanceCode Code)> marks;
    private readonly bool hasRegister;
    private readonly SchoolCalendar? calendar;
    private readonly List<LocalDate> schoolDays;

    private LeaveEvaluator(LeavePolicy leave, LeaveRequest request, IReadOnlyList<(LocalDate, AttendanceCode)> marks, bool hasRegister, SchoolCalendar? calendar)
    {
        this.leave = leave;
        this.request = request;
        this.marks = marks;
        this.hasRegister = hasRegister;
        this.calendar = calendar;
        schoolDays = [];
        for (var day = request.FirstDay; day <= request.LastDay; day = day.PlusDays(1))
        {
            if (IsSchoolDay(day))
            {
                schoolDays.Add(day);
            }
        }
    }

    /// <summary>Decides a request.</summary>
    /// <param name="policy">The compiled policy; it must have a leave section.</param>
    /// <param name="request">The request, validated.</param>
    /// <param name="marks">The pupil's coded marks (arrivals already classified), or null without a register.</param>
    /// <param name="calendar">The school's calendar, or null (then school days are weekdays).</param>
    /// <returns>The decision.</returns>
    public static LeaveDecision Decide(CompiledPolicy policy, LeaveRequest request, IReadOnlyList<(LocalDate, AttendanceCode)>? marks, SchoolCalendar? calendar)
    {
        var leave = policy.Policy.Leave!;
        var evaluator = new LeaveEvaluator(leave, request, marks ?? [], marks is { Count: > 0 }, calendar);
        var reasons = new List<LeaveReason>();
        var overriding = false;
        if (evaluator.schoolDays.Count == 0)
        {
            reasons.Add(new LeaveReason(NoSchoolDaysRule, LeaveOutcome.Refer,
                $"the requested days ({Range(request.FirstDay, request.LastDay)}) include no school day{(calendar is null ? " (weekdays, without a calendar)" : " in the calendar")}; the headteacher confirms whether leave is needed",
                ValueList<string>.Empty));
        }

        foreach (var condition in leave.Conditions)
        {
            if (!condition.AppliesTo(request.Type) || evaluator.Judge(condition) is not { } judged)
            {
                continue;
            }

            reasons.Add(new LeaveReason(condition.Id, judged.Outcome, judged.Text, condition.Sources));
            overriding |= judged.Overrides;
        }

        LeaveOutcome outcome;
        if (overriding)
        {
            outcome = LeaveOutcome.Authorise;
        }
        else if (reasons.Count == 0)
        {
            outcome = LeaveOutcome.Refer;
        }
        else
        {
            outcome = reasons.Max(r => r.Outcome);
        }

        if (outcome == LeaveOutcome.Refer)
        {
            reasons.Add(new LeaveReason(leave.Discretion.Id, LeaveOutcome.Refer,
                $"no condition of the policy refuses or grants {Article(LeaveNames.Of(request.Type))} {LeaveNames.Of(request.Type).Replace('_', ' ')} request of {Count(evaluator.schoolDays.Count, "school day")}; the headteacher decides",
                leave.Discretion.Sources));
        }

        var actions = new List<LeaveAction>();
        foreach (var condition in leave.Conditions)
        {
            if (condition.Raises is { } raise && reasons.Exists(r => r.Rule == condition.Id && r.Outcome == outcome))
            {
                actions.Add(new LeaveAction(condition.Id, raise.Action, raise.Title, request.DecisionDay, raise.Sources));
            }
        }

        var codes = leave.CodesOf(request.Type);
        return new LeaveDecision
        {
            PolicyId = policy.Policy.Id,
            PolicyVersion = policy.Version,
            Request = request,
            Outcome = outcome,
            CodeIfAuthorised = codes.IfAuthorised,
            CodeIfTaken = outcome == LeaveOutcome.Authorise ? codes.IfAuthorised : codes.IfTaken,
            SchoolDays = evaluator.schoolDays.Count,
            Reasons = reasons.ToValueList(),
            Actions = actions.ToValueList(),
        };
    }

    private bool IsSchoolDay(LocalDate date) =>
        calendar?.IsSchoolDay(date) ?? date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

    private Judged? Judge(LeaveCondition condition) => condition switch
    {
        MinNoticeCondition c => MinNotice(c),
        InAdvanceCondition c => request.RequestedOn >= request.FirstDay
            ? new Judged(c.Outcome, $"requested on {Day(request.RequestedOn)}, {(request.RequestedOn == request.FirstDay ? "on" : "after")} the first day of leave ({Day(request.FirstDay)}); leave is not granted retrospectively")
            : null,
        RequiredFactsCondition c => Names(c.Facts, c.SchoolFacts).Where(f => !request.Has(f)).ToList() is { Count: > 0 } missing
            ? new Judged(c.Outcome, $"the request does not state {string.Join(" or ", missing)}, which the policy requires for {Kind()} leave")
            : null,
        RefusedFactsCondition c => RefusedFacts(c),
        RefusedMonthsCondition c => RefusedMonths(c),
        RefusedYearGroupsCondition c => RefusedYearGroups(c),
        RecentNoticesCondition c => RecentNotices(c),
        AssessmentPeriodsCondition c => AssessmentPeriods(c),
        MaxConsecutiveSchoolDaysCondition c => schoolDays.Count > c.AtMost
            ? new Judged(c.Outcome, $"{schoolDays.Count} consecutive school days requested ({Range(request.FirstDay, request.LastDay)}); the policy allows at most {c.AtMost}")
            : null,
        MaxRequestsPerYearCondition c => MaxRequests(c),
        AllowedTypesCondition c => c.Allowed.Contains(request.Type)
            ? null
            : new Judged(c.Outcome, $"{Kind()} leave is not among the circumstances the policy lists ({string.Join(", ", c.Allowed.Select(LeaveNames.Of))})"),
        MaxDaysPerYearCondition c => MaxDays(c),
        LicenceCondition c => Licence(c),
        AttendanceFloorCondition c => AttendanceFloor(c),
        GrantCondition c => c.InAdvance && request.RequestedOn >= request.FirstDay
            ? null
            : new Judged(LeaveOutcome.Authorise, $"the policy grants {Kind()} leave{(c.InAdvance ? $" asked for in advance (requested on {Day(request.RequestedOn)}, before {Day(request.FirstDay)})" : string.Empty)}"),
        _ => throw new InvalidOperationException($"no judge for the leave condition kind {condition.KindName}"),
    };

    private Judged? MinNotice(MinNoticeCondition c)
    {
        var notice = Period.Between(request.RequestedOn, request.FirstDay, PeriodUnits.Days).Days;
        if (notice >= c.Days)
        {
            return null;
        }

        var asked = c.InWeeks ? $"{Count(c.Days / 7, "week")} ({c.Days} days)" : Count(c.Days, "day");
        var given = notice switch
        {
            > 0 => $"{Count(notice, "day")}' notice",
            0 => "no notice",
            _ => $"made {Count(-notice, "day")} after the first day, so no notice",
        };
        given = given.Replace("1 day'", "1 day's", StringComparison.Ordinal);
        return new Judged(c.Outcome, $"{given} (requested on {Day(request.RequestedOn)} for leave from {Day(request.FirstDay)}); the policy asks for at least {asked}");
    }

    private Judged? RefusedFacts(RefusedFactsCondition c)
    {
        var stated = Names(c.Facts, c.SchoolFacts).Where(request.Has).ToList();
        var unlessFacts = Names(c.UnlessFacts, c.UnlessSchoolFacts);
        if (stated.Count == 0 || unlessFacts.Any(request.Has))
        {
            return null;
        }

        var unless = unlessFacts.Count == 0 ? string.Empty : $", and not {string.Join(" or ", unlessFacts)}";
        return new Judged(c.Outcome, $"the request states {string.Join(" and ", stated)}{unless}");
    }

    private Judged? RefusedMonths(RefusedMonthsCondition c)
    {
        var days = schoolDays.Where(d => c.Months.Contains(d.Month)).ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var months = string.Join(" or ", c.Months.Select(m => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)));
        return new Judged(c.Outcome, $"{Count(days.Count, "school day")} of the leave fall{(days.Count == 1 ? "s" : string.Empty)} in {months} ({Range(days[0], days[^1])})");
    }

    private Judged? RefusedYearGroups(RefusedYearGroupsCondition c)
    {
        var year = request.YearGroupOnFirstDay;
        if (year is null)
        {
            return new Judged(LeaveOutcome.Refer, $"the pupil's year group is not known, so the policy's rule for year {string.Join(", ", c.YearGroups)} cannot be checked");
        }

        var unlessFacts = Names(c.UnlessFacts, c.UnlessSchoolFacts);
        if (!c.YearGroups.Contains(year, StringComparer.Ordinal) || unlessFacts.Any(request.Has))
        {
            return null;
        }

        var unless = unlessFacts.Count == 0 ? string.Empty : $", and the request does not state {string.Join(" or ", unlessFacts)}";
        return new Judged(c.Outcome, $"the pupil is in year {year} on the first day of leave ({Day(request.FirstDay)}){unless}");
    }

    private Judged? RecentNotices(RecentNoticesCondition c)
    {
        var from = request.FirstDay.PlusMonths(-c.WithinMonths);
        var recent = request.Notices
            .Where(n => c.Notices.Contains(n.Kind) && n.IssuedOn >= from && n.IssuedOn < request.FirstDay)
            .OrderByDescending(n => n.IssuedOn)
            .ToList();
        if (recent.Count == 0)
        {
            return null;
        }

        var listed = string.Join(", ", recent.Select(n => $"{LeaveNames.Of(n.Kind).Replace('_', ' ')} issued on {Day(n.IssuedOn)}"));
        return new Judged(c.Outcome, $"{listed}: within the {c.WithinMonths} months before the first day of leave ({Day(from)} to {Day(request.FirstDay.PlusDays(-1))})");
    }

    private Judged? AssessmentPeriods(AssessmentPeriodsCondition c)
    {
        if (calendar is null)
        {
            return new Judged(LeaveOutcome.Refer, "no calendar gives the school's assessment periods, so they cannot be checked");
        }

        var days = schoolDays.Where(d => calendar.AssessmentPeriodContaining(d) is not null).ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var period = calendar.AssessmentPeriodContaining(days[0])!;
        return new Judged(c.Outcome, $"{Count(days.Count, "school day")} of the leave fall{(days.Count == 1 ? "s" : string.Empty)} in an assessment period ({Range(period.Start, period.End)})");
    }

    private Judged? MaxRequests(MaxRequestsPerYearCondition c)
    {
        if (c.Over is { } over)
        {
            // The window of N months up to the first day of this leave: earlier requests whose first day is after the same date N months before, and not after this one's.
            var from = request.FirstDay.PlusMonths(-over.Length);
            var within = request.EarlierRequests.Count(e => c.AppliesTo(e.Type) && e.FirstDay > from && e.FirstDay <= request.FirstDay);
            var all = within + 1;
            if (all <= c.AtMost)
            {
                return null;
            }

            var kinds = c.Types.Count == 0 ? "leave" : string.Join(" or ", c.Types.Select(t => LeaveNames.Of(t).Replace('_', ' ')));
            return new Judged(c.Outcome, $"this is {Ordinal(all)} {kinds} request starting within {Count(over.Length, "month")} ({Day(from.PlusDays(1))} to {Day(request.FirstDay)}; {within} earlier); the policy allows at most {c.AtMost} in any {Count(over.Length, "month")}");
        }

        var year = AcademicYear.Containing(request.FirstDay);
        var earlier = request.EarlierRequests.Count(e => c.AppliesTo(e.Type) && AcademicYear.Containing(e.FirstDay) == year);
        var total = earlier + 1;
        if (total <= c.AtMost)
        {
            return null;
        }

        var what = c.Types.Count == 0 ? "leave" : string.Join(" or ", c.Types.Select(t => LeaveNames.Of(t).Replace('_', ' ')));
        return new Judged(c.Outcome, $"this is {Ordinal(total)} {what} request in {year} ({earlier} earlier); the policy allows at most {c.AtMost}");
    }

    private Judged? MaxDays(MaxDaysPerYearCondition c)
    {
        if (c.Over is { } over)
        {
            return MaxDaysRolling(c, over.Length);
        }

        var year = AcademicYear.Containing(request.FirstDay);
        var already = marks.Count(m => AcademicYear.Containing(m.Date) == year && m.Date < request.FirstDay && c.CountsCodes.Contains(m.Code.Code));
        var sessions = already + (2 * schoolDays.Count);
        var codes = string.Join(", ", c.CountsCodes);
        if (sessions <= 2 * c.AtMostDays)
        {
            // Within the limit on the requested days alone, but without a register the days already taken cannot be counted.
            return hasRegister
                ? null
                : new Judged(LeaveOutcome.Refer, $"no register is given, so the sessions of {codes} already in {year} cannot be counted; {Count(schoolDays.Count, "school day")} requested, and the policy allows at most {Count(c.AtMostDays, "day")}");
        }

        return new Judged(c.Outcome, $"{Count(schoolDays.Count, "school day")} requested and {Count(already, "session")} of {codes} already in {year}: {Days(sessions)} days; the policy allows at most {c.AtMostDays}");
    }

    /// <summary>
    /// A day limit over a rolling period, judged on each requested school day: the sessions of the
    /// counted codes in the N months to that day (before the leave), plus two for each requested
    /// school day in those months so far. The worst day decides.
    /// </summary>
    private Judged? MaxDaysRolling(MaxDaysPerYearCondition c, int months)
    {
        var codes = string.Join(", ", c.CountsCodes);
        (LocalDate Day, int Already, int Requested)? worst = null;
        foreach (var day in schoolDays)
        {
            var from = day.PlusMonths(-months);
            var already = marks.Count(m => m.Date > from && m.Date < request.FirstDay && c.CountsCodes.Contains(m.Code.Code));
            var requested = schoolDays.Count(d => d > from && d <= day);
            if (worst is not { } w || already + (2 * requested) > w.Already + (2 * w.Requested))
            {
                worst = (day, already, requested);
            }
        }

        var period = Count(months, "month");
        if (worst is not { } top || top.Already + (2 * top.Requested) <= 2 * c.AtMostDays)
        {
            return hasRegister || schoolDays.Count == 0
                ? null
                : new Judged(LeaveOutcome.Refer, $"no register is given, so the sessions of {codes} already in the {period} before the leave cannot be counted; {Count(schoolDays.Count, "school day")} requested, and the policy allows at most {Count(c.AtMostDays, "day")} in any {period}");
        }

        return new Judged(c.Outcome, $"{Count(top.Requested, "school day")} requested to {Day(top.Day)} and {Count(top.Already, "session")} of {codes} already in the {period} to that day (from {Day(top.Day.PlusMonths(-months).PlusDays(1))}): {Days(top.Already + (2 * top.Requested))} days; the policy allows at most {c.AtMostDays} in any {period}");
    }

    private Judged? Licence(LicenceCondition c)
    {
        if (!request.Has(LeaveFact.Licence) && request.LicenceDates.Count == 0)
        {
            return new Judged(c.WithoutLicence, "no licence from the local authority is stated");
        }

        if (request.LicenceDates.Count == 0)
        {
            return new Judged(c.WithoutDates, "the licence specifies no dates, so each day is for the headteacher");
        }

        var uncovered = schoolDays.Where(d => !request.LicenceDates.Contains(d)).ToList();
        if (uncovered.Count > 0 || schoolDays.Count == 0)
        {
            return new Judged(c.WithoutDates, $"the licence's dates leave {Count(uncovered.Count, "school day")} of the leave uncovered ({string.Join(", ", uncovered.Select(Day))}), so those are for the headteacher");
        }

        return new Judged(LeaveOutcome.Authorise, $"the licence specifies every school day of the leave ({Count(schoolDays.Count, "day")}); no further authorisation is needed, whatever the other conditions say", Overrides: true);
    }

    private Judged? AttendanceFloor(AttendanceFloorCondition c)
    {
        if (!hasRegister)
        {
            return new Judged(LeaveOutcome.Refer, $"no register is given, so attendance over the {c.Months} months cannot be checked against {Percentage(c.Percent)}");
        }

        var leaveDays = new HashSet<LocalDate>(schoolDays);
        (LocalDate Day, int Attended, int Possible, int Requested)? worst = null;
        var requested = 0;
        foreach (var day in schoolDays)
        {
            requested++;
            var from = day.PlusMonths(-c.Months).PlusDays(1);
            var counter = default(FigureCounter);
            foreach (var (date, code) in marks)
            {
                if (date >= from && date <= day && !leaveDays.Contains(date))
                {
                    counter.Add(code);
                }
            }

            var possible = counter.Possible + (2 * requested);
            if (worst is not { } w || Percent.IsRatioBelow(counter.Attended, possible, w.Attended, w.Possible))
            {
                worst = (day, counter.Attended, possible, requested);
            }
        }

        if (worst is not { } lowest || !Percent.IsBelow(lowest.Attended, lowest.Possible, c.Percent))
        {
            return null;
        }

        return new Judged(c.Outcome,
            $"attendance over the {c.Months} months to {Day(lowest.Day)} would be {Percent.Format(lowest.Attended, lowest.Possible)} ({lowest.Attended} of {lowest.Possible} sessions, counting {Count(lowest.Requested, "requested school day")} as absent); the policy does not authorise absence that takes it below {Percentage(c.Percent)}");
    }

    /// <summary>A condition's facts by name: the national ones in the vocabulary's order, then the school's own.</summary>
    private static List<string> Names(ValueList<LeaveFact> national, ValueList<string> school) =>
        [.. national.Select(LeaveNames.Of), .. school];

    private string Kind() => LeaveNames.Of(request.Type).Replace('_', ' ');

    private static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Range(LocalDate first, LocalDate last) => first == last ? Day(first) : $"{Day(first)} to {Day(last)}";

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Days(int sessions) => (sessions / 2m).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Percentage(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Ordinal(int n) => string.Create(CultureInfo.InvariantCulture, $"{n}{(n % 100) switch { 11 or 12 or 13 => "th", _ => (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" } }}");

    private readonly record struct Judged(LeaveOutcome Outcome, string Text, bool Overrides = false);
}
