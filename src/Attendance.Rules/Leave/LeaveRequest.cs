using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Leave;

/// <summary>
/// A parent's request for leave of absence: who, what for, which days, when it was made, and the
/// facts stated with it. Build one with <see cref="Create"/>, which validates; <c>with</c> copies
/// are validated again when evaluated.
/// </summary>
public sealed record LeaveRequest
{
    /// <summary>The longest leave a request may cover, in calendar days.</summary>
    public const int MaxDays = 366;

    /// <summary>The National Curriculum year groups a request may give, youngest first: <c>N1</c>, <c>N2</c>, <c>R</c>, <c>1</c>…<c>13</c>.</summary>
    public static IReadOnlyList<string> YearGroups { get; } = Array.AsReadOnly<string>(["N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]);

    /// <summary>The pupil's identifier.</summary>
    public required string PupilId { get; init; }

    /// <summary>
    /// The pupil's National Curriculum year group on the day the request was made (one of
    /// <see cref="YearGroups"/>), where known. It moves up one on each 1 August between the request
    /// and the first day of leave.
    /// </summary>
    public string? YearGroup { get; init; }

    /// <summary>What the leave is for.</summary>
    public required LeaveType Type { get; init; }

    /// <summary>The first day of leave.</summary>
    public required LocalDate FirstDay { get; init; }

    /// <summary>The last day of leave (inclusive); not before <see cref="FirstDay"/>.</summary>
    public required LocalDate LastDay { get; init; }

    /// <summary>The date the request was made.</summary>
    public required LocalDate RequestedOn { get; init; }

    /// <summary>The facts stated with the request, each once, in the vocabulary's order.</summary>
    public ValueList<LeaveFact> Facts { get; init; } = ValueList<LeaveFact>.Empty;

    /// <summary>
    /// The school's own facts stated with the request (facts the policy declares in its leave
    /// section's <c>facts</c>, such as <c>wedding</c>), each once, in ordinal order. The national
    /// facts stay in <see cref="Facts"/>; deciding a request that states a school fact the policy
    /// does not declare is an error.
    /// </summary>
    public ValueList<string> SchoolFacts { get; init; } = ValueList<string>.Empty;

    /// <summary>
    /// The day the request is decided, where given; not before <see cref="RequestedOn"/>. Actions a
    /// decision raises are dated this day, or <see cref="RequestedOn"/> without it.
    /// </summary>
    public LocalDate? DecidedOn { get; init; }

    /// <summary>The decision's day: <see cref="DecidedOn"/>, or <see cref="RequestedOn"/> where none is given.</summary>
    public LocalDate DecisionDay => DecidedOn ?? RequestedOn;

    /// <summary>The dates a performance licence specifies; empty for a licence without dates (or none).</summary>
    public ValueList<LocalDate> LicenceDates { get; init; } = ValueList<LocalDate>.Empty;

    /// <summary>Warning letters and penalty notices already issued to the parents.</summary>
    public ValueList<IssuedNotice> Notices { get; init; } = ValueList<IssuedNotice>.Empty;

    /// <summary>Leave requests the parents made earlier.</summary>
    public ValueList<EarlierLeaveRequest> EarlierRequests { get; init; } = ValueList<EarlierLeaveRequest>.Empty;

    /// <summary>Whether the request states a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>True where stated.</returns>
    public bool Has(LeaveFact fact) => Facts.Contains(fact);

    /// <summary>Whether the request states a fact named in the policy format: a national fact's snake_case name or a school fact's id.</summary>
    /// <param name="name">The fact's name.</param>
    /// <returns>True where stated.</returns>
    public bool Has(string name) =>
        LeaveNames.Facts.TryGetValue(name, out var fact) ? Has(fact) : SchoolFacts.Contains(name, StringComparer.Ordinal);

    /// <summary>The number of calendar days asked for, first and last included.</summary>
    public int CalendarDays => Period.Between(FirstDay, LastDay, PeriodUnits.Days).Days + 1;

    /// <summary>
    /// The pupil's year group on the first day of leave: <see cref="YearGroup"/>, moved up one for
    /// each 1 August after the request and on or before the first day (<c>N2</c> becomes <c>R</c>,
    /// <c>R</c> becomes <c>1</c>); null where unknown or past Year 13.
    /// </summary>
    public string? YearGroupOnFirstDay
    {
        get
        {
            var index = YearGroup is null ? -1 : IndexOfYearGroup(YearGroup);
            if (index < 0)
            {
                return null;
            }

            var years = Math.Max(0, AcademicYear.Containing(FirstDay).StartYear - AcademicYear.Containing(RequestedOn).StartYear);
            return index + years < YearGroups.Count ? YearGroups[index + years] : null;
        }
    }

    /// <summary>Creates a request.</summary>
    /// <param name="pupilId">The pupil's identifier; not empty.</param>
    /// <param name="type">What the leave is for.</param>
    /// <param name="firstDay">The first day of leave.</param>
    /// <param name="lastDay">The last day of leave, not before the first and at most <see cref="MaxDays"/> days after it.</param>
    /// <param name="requestedOn">The date the request was made.</param>
    /// <param name="yearGroup">The pupil's year group when the request was made, where known.</param>
    /// <param name="facts">The facts stated; duplicates are dropped.</param>
    /// <param name="licenceDates">The dates a performance licence specifies, where it specifies any.</param>
    /// <param name="notices">Warning letters and penalty notices already issued.</param>
    /// <param name="earlierRequests">Leave requests made earlier.</param>
    /// <param name="schoolFacts">The school's own facts stated (ids the policy declares); duplicates are dropped.</param>
    /// <param name="decidedOn">The day the request is decided, where given; not before <paramref name="requestedOn"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">The pupil id is empty, the year group is not one of <see cref="YearGroups"/>, or the days are out of order or too many.</exception>
    public static LeaveRequest Create(
        string pupilId,
        LeaveType type,
        LocalDate firstDay,
        LocalDate lastDay,
        LocalDate requestedOn,
        string? yearGroup = null,
        IEnumerable<LeaveFact>? facts = null,
        IEnumerable<LocalDate>? licenceDates = null,
        IEnumerable<IssuedNotice>? notices = null,
        IEnumerable<EarlierLeaveRequest>? earlierRequests = null,
        IEnumerable<string>? schoolFacts = null,
        LocalDate? decidedOn = null)
    {
        var request = new LeaveRequest
        {
            PupilId = pupilId,
            YearGroup = yearGroup,
            Type = type,
            FirstDay = firstDay,
            LastDay = lastDay,
            RequestedOn = requestedOn,
            Facts = (facts ?? []).Distinct().Order().ToValueList(),
            LicenceDates = (licenceDates ?? []).Distinct().Order().ToValueList(),
            Notices = (notices ?? []).ToValueList(),
            EarlierRequests = (earlierRequests ?? []).ToValueList(),
            SchoolFacts = (schoolFacts ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList(),
            DecidedOn = decidedOn,
        };
        request.Validate();
        return request;
    }

    /// <summary>Checks the request is usable.</summary>
    /// <exception cref="ArgumentException">
    /// The pupil id is empty, the year group is not one of <see cref="YearGroups"/>, the type, a fact,
    /// a school fact's id, the decision day, a notice's kind or an earlier request's type is not in the vocabulary, or the days are out of
    /// order or too many.
    /// </exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(PupilId))
        {
            throw new ArgumentException("a leave request needs the pupil's id", nameof(PupilId));
        }

        if (YearGroup is not null && IndexOfYearGroup(YearGroup) < 0)
        {
            throw new ArgumentException($"the year group \"{YearGroup}\" is not a National Curriculum year group (N1, N2, R, 1 to 13)", nameof(YearGroup));
        }

        if (!Enum.IsDefined(Type))
        {
            throw new ArgumentException($"{Type} is not a leave type", nameof(Type));
        }

        foreach (var fact in Facts)
        {
            if (!Enum.IsDefined(fact))
            {
                throw new ArgumentException($"{fact} is not a leave fact", nameof(Facts));
            }
        }

        foreach (var name in SchoolFacts)
        {
            if (!LeaveNames.IsSchoolFactId(name))
            {
                throw new ArgumentException($"\"{name}\" cannot name a school's fact: {LeaveNames.SchoolFactIdRule}", nameof(SchoolFacts));
            }
        }

        if (DecidedOn is { } decided && decided < RequestedOn)
        {
            throw new ArgumentException($"the request is decided ({decided:yyyy-MM-dd}) before it was made ({RequestedOn:yyyy-MM-dd})", nameof(DecidedOn));
        }

        foreach (var notice in Notices)
        {
            if (!Enum.IsDefined(notice.Kind))
            {
                throw new ArgumentException($"{notice.Kind} is not a kind of notice", nameof(Notices));
            }
        }

        if (LastDay < FirstDay)
        {
            throw new ArgumentException($"the last day of leave ({LastDay:yyyy-MM-dd}) is before the first ({FirstDay:yyyy-MM-dd})", nameof(LastDay));
        }

        if (CalendarDays > MaxDays)
        {
            throw new ArgumentException($"the leave covers {CalendarDays} days, more than the {MaxDays} a request may cover", nameof(LastDay));
        }

        foreach (var earlier in EarlierRequests)
        {
            if (!Enum.IsDefined(earlier.Type))
            {
                throw new ArgumentException($"{earlier.Type} is not a leave type (an earlier request)", nameof(EarlierRequests));
            }

            if (earlier.LastDay < earlier.FirstDay)
            {
                throw new ArgumentException($"an earlier request ends ({earlier.LastDay:yyyy-MM-dd}) before it starts ({earlier.FirstDay:yyyy-MM-dd})", nameof(EarlierRequests));
            }
        }
    }

    private static int IndexOfYearGroup(string yearGroup)
    {
        for (var i = 0; i < YearGroups.Count; i++)
        {
            if (string.Equals(YearGroups[i], yearGroup, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
