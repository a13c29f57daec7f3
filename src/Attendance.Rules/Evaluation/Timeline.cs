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
/// </summary>
internal sealed class Timeline
{
    public const int TermBreakWeekdays = 10;
    public const int HalfTermBreakWeekdays = 5;

    private Timeline(int count)
    {
        Dates = new LocalDate[count];
        Am = new int[count];
        Pm = new int[count];
        SchoolDay = new bool[count];
        Week = new int[count];
        Term = new int[count];
        HalfTerm = new int[count];
        Ends = new PeriodEnds[count];
    }

    public LocalDate[] Dates { get; }

    /// <summary>Index of the day's AM mark in the register's marks, or -1.</summary>
    public int[] Am { get; }

    /// <summary>Index of the day's PM mark, or -1.</summary>
    public int[] Pm { get; }

    public bool[] SchoolDay { get; }

    /// <summary>The school week's number (0, 1, …), counting only weeks with a school day.</summary>
    public int[] Week { get; }

    public int[] Term { get; }

    public int[] HalfTerm { get; }

    public PeriodEnds[] Ends { get; }

    public int Count => Dates.Length;

    public bool TermsInferred { get; private set; }

    public static Timeline Build(PupilRegister register, LocalDate asOf, SchoolCalendar? calendar)
    {
        var marks = register.Marks;
        var dates = new SortedSet<LocalDate>();
        var last = -1;
        for (var i = 0; i < marks.Length && marks[i].Session.Date <= asOf; i++)
        {
            dates.Add(marks[i].Session.Date);
            last = i;
        }

        if (calendar is not null && dates.Count > 0)
        {
            for (var d = dates.Min; d <= asOf; d = d.PlusDays(1))
            {
                if (calendar.IsSchoolDay(d))
                {
                    dates.Add(d);
                }
            }
        }

        var t = new Timeline(dates.Count) { TermsInferred = calendar is null };
        var index = 0;
        foreach (var d in dates)
        {
            t.Dates[index] = d;
            t.Am[index] = -1;
            t.Pm[index] = -1;
            index++;
        }

        var day = 0;
        for (var i = 0; i <= last; i++)
        {
            while (t.Dates[day] != marks[i].Session.Date)
            {
                day++;
            }

            if (marks[i].Session.Part == SessionOfDay.AM)
            {
                t.Am[day] = i;
            }
            else
            {
                t.Pm[day] = i;
            }
        }

        for (var i = 0; i < t.Count; i++)
        {
            var open = IsOpen(marks, t.Am[i]) || IsOpen(marks, t.Pm[i]);
            var anyMark = t.Am[i] >= 0 || t.Pm[i] >= 0;
            t.SchoolDay[i] = calendar is null ? open : calendar.IsSchoolDay(t.Dates[i]) && (open || !anyMark);
        }

        t.Number(calendar, asOf);
        return t;
    }

    private static bool IsOpen(System.Collections.Immutable.ImmutableArray<SessionMark> marks, int index) =>
        index >= 0 && (marks[index].Code?.IsSchoolOpen ?? true);

    /// <summary>Weekdays strictly after <paramref name="from"/> and strictly before <paramref name="to"/>.</summary>
    public static int WeekdaysBetween(LocalDate from, LocalDate to)
    {
        var count = 0;
        for (var d = from.PlusDays(1); d < to; d = d.PlusDays(1))
        {
            if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    public static LocalDate MondayOf(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    /// <summary>The calendar's first school day after <paramref name="date"/>, or null where it has none.</summary>
    private static LocalDate? NextSchoolDay(SchoolCalendar calendar, LocalDate date)
    {
        foreach (var term in calendar.Terms)
        {
            if (term.End <= date)
            {
                continue;
            }

            for (var d = term.Start > date ? term.Start : date.PlusDays(1); d <= term.End; d = d.PlusDays(1))
            {
                if (calendar.IsSchoolDay(d))
                {
                    return d;
                }
            }
        }

        return null;
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

    private void Number(SchoolCalendar? calendar, LocalDate asOf)
    {
        int week = -1, term = -1, half = -1, previous = -1;
        for (var i = 0; i < Count; i++)
        {
            if (!SchoolDay[i])
            {
                Week[i] = Math.Max(week, 0);
                Term[i] = Math.Max(term, 0);
                HalfTerm[i] = Math.Max(half, 0);
                continue;
            }

            if (previous < 0)
            {
                week = term = half = 0;
            }
            else
            {
                var a = Dates[previous];
                var b = Dates[i];
                if (MondayOf(a) != MondayOf(b))
                {
                    week++;
                }

                var gap = WeekdaysBetween(a, b);
                var newYear = AcademicYear.Containing(a) != AcademicYear.Containing(b);
                var newTerm = newYear || (calendar is null ? gap >= TermBreakWeekdays : calendar.TermIndex(a) != calendar.TermIndex(b));
                if (newTerm)
                {
                    term++;
                }

                if (newTerm || gap >= HalfTermBreakWeekdays)
                {
                    half++;
                }
            }

            Week[i] = week;
            Term[i] = term;
            HalfTerm[i] = half;
            previous = i;
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

                if (AcademicYear.Containing(Dates[next]) != AcademicYear.Containing(d))
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
                var beyond = WeekdaysBetween(d, asOf.PlusDays(1));
                if (asOf >= MondayOf(d).PlusDays(6))
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
