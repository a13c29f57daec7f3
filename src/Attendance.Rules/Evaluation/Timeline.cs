using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// The days of a register up to the evaluation date, with their marks and what each day is: a
/// school day or not, its school week, term and half term, and whether it closes one of those
/// periods. School days come from the marks (a mark on which the school was open), or from a
/// calendar where one is given. Without a calendar a break of 10 or more weekdays without a
/// school day ends a term, and a break of 5 or more (a whole week) ends a half term; a calendar
/// also says which periods the last school day to the evaluation date closes, from its next school day.
/// With a calendar the register outranks it for the days it marks (decisions.md, "Calendar and
/// school weeks"): a day with a mark on which the school was open is a school day for the pupil even
/// where the calendar closes it, and a day whose marks all say the school was closed is not; the
/// school weeks are the calendar's weeks with a school day, and the weeks of such register-opened days.
/// </summary>
internal sealed class Timeline
{
    public const int TermBreakWeekdays = 10;
    public const int HalfTermBreakWeekdays = 5;

    public LocalDate[] Dates { get; private set; } = [];

    /// <summary>Each day's number (<see cref="DateOnly.DayNumber"/>): day 0, 1 January 0001, was a Monday, so a week is <c>DayNumber / 7</c>.</summary>
    public int[] DayNumbers { get; private set; } = [];

    /// <summary>The first calendar year of each day's academic year.</summary>
    public int[] Years { get; private set; } = [];

    /// <summary>Index of the day's AM mark in the register's marks, or -1.</summary>
    public int[] Am { get; private set; } = [];

    /// <summary>Index of the day's PM mark, or -1.</summary>
    public int[] Pm { get; private set; } = [];

    public bool[] SchoolDay { get; private set; } = [];

    /// <summary>
    /// The school week's number (0, 1, …), counting only school weeks: weeks with a school day, and
    /// with a calendar also its weeks with a calendar school day. A day in a week that is not a
    /// school week carries the number of the school week before it.
    /// </summary>
    public int[] Week { get; private set; } = [];

    /// <summary>Whether the day's Monday–Sunday week is a school week.</summary>
    public bool[] InSchoolWeek { get; private set; } = [];

    public int[] Term { get; private set; } = [];

    public int[] HalfTerm { get; private set; } = [];

    public PeriodEnds[] Ends { get; private set; } = [];

    /// <summary>With a calendar: whether the calendar has the day as a school day.</summary>
    public bool[] CalendarSchoolDay { get; private set; } = [];

    /// <summary>With a calendar: the index of the calendar's term the day falls in, or -1.</summary>
    private int[] CalendarTerm { get; set; } = [];

    public int Count { get; private set; }

    public bool TermsInferred { get; private set; }

    /// <summary>How many of the marks (in session order) fall on or before a date, by bisection.</summary>
    public static int MarksTo(ReadOnlySpan<SessionMark> marks, LocalDate asOf)
    {
        int lo = 0, hi = marks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (marks[mid].Session.Date <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Refills this timeline (its arrays are reused, so a buffer evaluates many registers without allocating).</summary>
    public void Fill(ReadOnlySpan<SessionMark> marks, LocalDate asOf, SchoolCalendar? calendar)
    {
        TermsInferred = calendar is null;

        var last = MarksTo(marks, asOf) - 1;
        if (calendar is null || last < 0)
        {
            Reserve(last + 1);
            Count = 0;
            for (var i = 0; i <= last; i++)
            {
                var date = marks[i].Session.Date;
                if (Count == 0 || Dates[Count - 1] != date)
                {
                    AddDay(date);
                }

                SetMark(marks[i].Session.Part, i);
            }
        }
        else
        {
            // Every calendar school day from the first mark to the evaluation date, merged with the marked days.
            var days = calendar.SchoolDays;
            var from = calendar.FirstSchoolDayFrom(marks[0].Session.Date);
            var to = calendar.FirstSchoolDayAfter(asOf);
            Reserve(last + 1 + Math.Max(0, to - from));
            Count = 0;
            int next = 0, c = from;
            while (next <= last || c < to)
            {
                var markDate = next <= last ? marks[next].Session.Date : default;
                var fromCalendar = c < to && (next > last || days[c] <= markDate);
                var d = fromCalendar ? days[c] : markDate;
                AddDay(d);
                CalendarSchoolDay[Count - 1] = fromCalendar; // a marked day the list has not reached is not a school day
                CalendarTerm[Count - 1] = fromCalendar ? calendar.SchoolDayTerms[c] : calendar.TermIndex(d);
                if (fromCalendar)
                {
                    c++;
                }

                for (; next <= last && marks[next].Session.Date == d; next++)
                {
                    SetMark(marks[next].Session.Part, next);
                }
            }
        }

        for (var i = 0; i < Count; i++)
        {
            var open = IsOpen(marks, Am[i]) || IsOpen(marks, Pm[i]);
            var anyMark = Am[i] >= 0 || Pm[i] >= 0;

            // The register outranks the calendar for the days it marks; an unmarked day is the calendar's.
            SchoolDay[i] = anyMark ? open : calendar is not null && CalendarSchoolDay[i];
        }

        Number(calendar, asOf);
    }

    private void Reserve(int days)
    {
        if (Dates.Length >= days)
        {
            return;
        }

        var size = Math.Max(days, Math.Max(16, Dates.Length * 2));
        Dates = new LocalDate[size];
        DayNumbers = new int[size];
        Years = new int[size];
        Am = new int[size];
        Pm = new int[size];
        SchoolDay = new bool[size];
        Week = new int[size];
        InSchoolWeek = new bool[size];
        Term = new int[size];
        HalfTerm = new int[size];
        Ends = new PeriodEnds[size];
        CalendarSchoolDay = new bool[size];
        CalendarTerm = new int[size];
    }

    private void AddDay(LocalDate date)
    {
        var i = Count++;
        Dates[i] = date;
        // Days come in order, mostly within the month of the day before: counting on from it spares
        // the calendar arithmetic of a day number.
        var month = date.Month;
        var year = date.Year;
        DayNumbers[i] = i > 0 && Dates[i - 1].Month == month && Dates[i - 1].Year == year
            ? DayNumbers[i - 1] + (date.Day - Dates[i - 1].Day)
            : DayNumber(date);
        Years[i] = month >= 8 ? year : year - 1;
        Am[i] = -1;
        Pm[i] = -1;
        Ends[i] = PeriodEnds.None;
        CalendarSchoolDay[i] = false;
    }

    private void SetMark(SessionOfDay part, int mark)
    {
        if (part == SessionOfDay.AM)
        {
            Am[Count - 1] = mark;
        }
        else
        {
            Pm[Count - 1] = mark;
        }
    }

    private static bool IsOpen(ReadOnlySpan<SessionMark> marks, int index) =>
        index >= 0 && (marks[index].Code?.IsSchoolOpen ?? true);

    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>Weekdays among day numbers [0, n).</summary>
    private static int WeekdaysBefore(int n) => ((n / 7) * 5) + Math.Min(n % 7, 5);

    /// <summary>Weekdays strictly between two day numbers.</summary>
    public static int WeekdaysBetween(int from, int to) => to > from + 1 ? WeekdaysBefore(to) - WeekdaysBefore(from + 1) : 0;

    /// <summary>Weekdays strictly after <paramref name="from"/> and strictly before <paramref name="to"/>.</summary>
    public static int WeekdaysBetween(LocalDate from, LocalDate to) => WeekdaysBetween(DayNumber(from), DayNumber(to));

    public static LocalDate MondayOf(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    /// <summary>The calendar's first school day after <paramref name="date"/>, or null where it has none.</summary>
    private static LocalDate? NextSchoolDay(SchoolCalendar calendar, LocalDate date)
    {
        var next = calendar.FirstSchoolDayAfter(date);
        return next < calendar.SchoolDays.Length ? calendar.SchoolDays[next] : null;
    }

    /// <summary>The periods school day <paramref name="day"/> closes when the next school day is <paramref name="next"/>.</summary>
    private static PeriodEnds Between(LocalDate day, LocalDate next, bool newTerm)
    {
        var newYear = AcademicYear.Containing(day) != AcademicYear.Containing(next);
        newTerm |= newYear;
        var ends = MondayOf(day) != MondayOf(next) ? PeriodEnds.Week : PeriodEnds.None;
        if (newTerm || WeekdaysBetween(day, next) >= HalfTermBreakWeekdays)
        {
            ends |= PeriodEnds.HalfTerm;
        }

        if (newTerm)
        {
            ends |= PeriodEnds.Term;
        }

        if (newYear)
        {
            ends |= PeriodEnds.Year;
        }

        return ends;
    }

    /// <summary>
    /// The Monday of the earliest of the <paramref name="schoolWeeks"/> school weeks that end with
    /// <paramref name="day"/>'s week. With a calendar a window reaching before the register's first
    /// school week counts the calendar's school weeks there (decisions.md: even if the pupil has no
    /// marks there); without one the register's first school week is the earliest known.
    /// </summary>
    public LocalDate FirstWeekOfWindow(int day, int schoolWeeks, SchoolCalendar? calendar)
    {
        var target = Week[day] - schoolWeeks + 1;
        var first = day;
        for (var i = day; i >= 0 && Week[i] >= target; i--)
        {
            if (InSchoolWeek[i])
            {
                first = i;
            }
        }

        var monday = MondayOf(Dates[first]);
        if (target >= 0 || calendar is null)
        {
            return monday;
        }

        // The calendar's school weeks before the register's first: walk its school days back.
        var need = -target;
        var week = DayNumber(monday) / 7;
        var days = calendar.SchoolDays;
        for (var c = calendar.FirstSchoolDayFrom(Dates[0]) - 1; c >= 0 && need > 0; c--)
        {
            var w = DayNumber(days[c]) / 7;
            if (w < week)
            {
                week = w;
                monday = MondayOf(days[c]);
                need--;
            }
        }

        return monday;
    }

    /// <summary>
    /// Numbers the school weeks: a Monday–Sunday week is one when a day of it is a school day for
    /// the pupil or, with a calendar, a calendar school day (whether or not the pupil was on roll).
    /// </summary>
    private void NumberWeeks(SchoolCalendar? calendar)
    {
        var week = -1;
        for (var start = 0; start < Count;)
        {
            var monday = DayNumbers[start] / 7;
            var end = start;

            // The first week may have calendar school days before the register's first day.
            var school = start == 0 && calendar is not null
                && calendar.FirstSchoolDayFrom(MondayOf(Dates[0])) < calendar.FirstSchoolDayFrom(Dates[0]);
            for (; end < Count && DayNumbers[end] / 7 == monday; end++)
            {
                school |= SchoolDay[end] || CalendarSchoolDay[end];
            }

            if (school)
            {
                week++;
            }

            for (var i = start; i < end; i++)
            {
                Week[i] = Math.Max(week, 0);
                InSchoolWeek[i] = school;
            }

            start = end;
        }
    }

    private void Number(SchoolCalendar? calendar, LocalDate asOf)
    {
        NumberWeeks(calendar);
        int term = -1, half = -1, previous = -1, calendarTerm = -1;
        for (var i = 0; i < Count; i++)
        {
            // A day the register opens where the calendar closes (an INSET day, a bank holiday, a
            // holiday club) is a school day in its own week, but opens no term or half term within
            // its academic year: those stay the calendar's, and it takes the numbers of the school day before it.
            var registerOpened = calendar is not null && !CalendarSchoolDay[i];
            if (!SchoolDay[i] || (registerOpened && previous >= 0 && Years[previous] == Years[i]))
            {
                Term[i] = Math.Max(term, 0);
                HalfTerm[i] = Math.Max(half, 0);
                continue;
            }

            if (previous < 0)
            {
                term = half = 0;
            }
            else
            {
                var a = DayNumbers[previous];
                var b = DayNumbers[i];
                var gap = WeekdaysBetween(a, b);
                var newYear = Years[previous] != Years[i];
                var newTerm = newYear || (calendar is null ? gap >= TermBreakWeekdays : calendarTerm >= 0 && !registerOpened && calendarTerm != CalendarTerm[i]);
                if (newTerm)
                {
                    term++;
                }

                if (newTerm || gap >= HalfTermBreakWeekdays)
                {
                    half++;
                }
            }

            Term[i] = term;
            HalfTerm[i] = half;
            previous = i;
            calendarTerm = registerOpened ? -1 : CalendarTerm[i];
        }

        // Which school days close a week, half term, term or year: known from the next school day,
        // or, for the last one, from how far the evaluation date lies beyond it.
        var next = -1;
        for (var i = Count - 1; i >= 0; i--)
        {
            if (!SchoolDay[i])
            {
                continue;
            }

            var d = Dates[i];
            PeriodEnds ends;
            if (next >= 0)
            {
                ends = PeriodEnds.None;
                if (Week[next] != Week[i])
                {
                    ends |= PeriodEnds.Week;
                }

                if (HalfTerm[next] != HalfTerm[i])
                {
                    ends |= PeriodEnds.HalfTerm;
                }

                if (Term[next] != Term[i])
                {
                    ends |= PeriodEnds.Term;
                }

                if (Years[next] != Years[i])
                {
                    ends |= PeriodEnds.Year;
                }
            }
            else if (calendar is not null)
            {
                // The calendar knows the next school day: the first after the evaluation date, since
                // every school day up to it is in the timeline. None at all ends every period.
                ends = NextSchoolDay(calendar, asOf) is { } after
                    ? Between(d, after, calendar.TermIndex(d) != calendar.TermIndex(after))
                    : PeriodEnds.Week | PeriodEnds.HalfTerm | PeriodEnds.Term | PeriodEnds.Year;
            }
            else
            {
                ends = PeriodEnds.None;
                var dn = DayNumbers[i];
                var asOfNumber = DayNumber(asOf);
                var beyond = WeekdaysBetween(dn, asOfNumber + 1);
                if (asOfNumber >= dn - (dn % 7) + 6)
                {
                    ends |= PeriodEnds.Week;
                }

                var yearEnded = asOf >= AcademicYear.Containing(d).End;
                var termEnded = yearEnded || beyond >= TermBreakWeekdays;
                if (termEnded || beyond >= HalfTermBreakWeekdays)
                {
                    ends |= PeriodEnds.HalfTerm;
                }

                if (termEnded)
                {
                    ends |= PeriodEnds.Term;
                }

                if (yearEnded)
                {
                    ends |= PeriodEnds.Year;
                }
            }

            Ends[i] = ends;
            next = i;
        }
    }
}

/// <summary>The periods a school day is the last school day of.</summary>
[Flags]
internal enum PeriodEnds
{
    None = 0,
    Week = 1,
    HalfTerm = 2,
    Term = 4,
    Year = 8,
}
