using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>
/// The school sessions after the last day evaluated, to 31 July of its academic year, with the
/// school week and term each falls in, numbered on from the timeline's: from the calendar where
/// given, otherwise every weekday. The afternoon of a last day marked only in the morning comes first.
/// Its arrays are reused from pupil to pupil.
/// </summary>
internal sealed class UpcomingSessions
{
    private LocalDate[] dates = new LocalDate[64];
    private bool[] newDay = new bool[64];
    private int[] week = new int[64];
    private int[] term = new int[64];
    private int[] schoolDay = new int[64];

    public int Count { get; private set; }

    /// <summary>The first calendar year of the academic year the sessions are in.</summary>
    public int Year { get; private set; }

    public LocalDate Date(int i) => dates[i];

    /// <summary>Whether the session is the first of its day (an afternoon after a morning already marked is not).</summary>
    public bool NewDay(int i) => newDay[i];

    /// <summary>The school week's number, numbered on from the timeline's.</summary>
    public int Week(int i) => week[i];

    /// <summary>The term's number, numbered on from the timeline's.</summary>
    public int Term(int i) => term[i];

    /// <summary>How many further school days have begun by this session (0 for the afternoon of the last day evaluated).</summary>
    public int SchoolDay(int i) => schoolDay[i];

    /// <summary>The index of the first session on a date after <paramref name="date"/>, or <see cref="Count"/>.</summary>
    public int FirstAfter(LocalDate date)
    {
        for (var i = 0; i < Count; i++)
        {
            if (dates[i] > date)
            {
                return i;
            }
        }

        return Count;
    }

    public void Fill(Timeline t, SchoolCalendar? calendar)
    {
        Count = 0;
        if (t.Count == 0)
        {
            return;
        }

        var last = t.Count - 1;
        var lastDate = t.Dates[last];
        Year = t.Years[last];
        var end = new AcademicYear(Year).End;
        var currentWeek = t.Week[last];
        var currentTerm = t.Term[last];
        var monday = Timeline.MondayOf(lastDate);
        var calendarTerm = calendar?.TermIndex(lastDate) ?? 0;
        var days = 0;
        if (t.Am[last] >= 0 && t.Pm[last] < 0 && (calendar is null || t.SchoolDay[last]))
        {
            Add(lastDate, false, currentWeek, currentTerm, 0);
        }

        for (var d = lastDate.PlusDays(1); d <= end; d = d.PlusDays(1))
        {
            if (calendar is null ? d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday : !calendar.IsSchoolDay(d))
            {
                continue;
            }

            var m = Timeline.MondayOf(d);
            if (m != monday)
            {
                monday = m;
                currentWeek++;
            }

            if (calendar is not null && calendar.TermIndex(d) != calendarTerm)
            {
                calendarTerm = calendar.TermIndex(d);
                currentTerm++;
            }

            days++;
            Add(d, true, currentWeek, currentTerm, days);
            Add(d, false, currentWeek, currentTerm, days);
        }
    }

    private void Add(LocalDate date, bool first, int w, int tm, int day)
    {
        if (Count == dates.Length)
        {
            var size = Count * 2;
            Array.Resize(ref dates, size);
            Array.Resize(ref newDay, size);
            Array.Resize(ref week, size);
            Array.Resize(ref term, size);
            Array.Resize(ref schoolDay, size);
        }

        dates[Count] = date;
        newDay[Count] = first;
        week[Count] = w;
        term[Count] = tm;
        schoolDay[Count] = day;
        Count++;
    }
}
