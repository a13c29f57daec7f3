using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>
/// A school's calendar: its terms (first and last day of each) and the days it is closed within
/// them. Where one is given it defines school days, school weeks and terms; without one they are
/// inferred from the marks. Immutable.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly DateInterval[] terms;
    private readonly HashSet<LocalDate> closures;

    private readonly DateInterval[] assessmentPeriods;

    private SchoolCalendar(DateInterval[] terms, HashSet<LocalDate> closures, DateInterval[] assessmentPeriods)
    {
        this.terms = terms;
        this.closures = closures;
        this.assessmentPeriods = assessmentPeriods;

        // Every school day in order, with its term: an evaluation merges these with a register's
        // marks instead of asking day by day.
        var days = new List<LocalDate>();
        var dayTerms = new List<int>();
        for (var t = 0; t < terms.Length; t++)
        {
            for (var d = terms[t].Start; d <= terms[t].End; d = d.PlusDays(1))
            {
                if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !closures.Contains(d))
                {
                    days.Add(d);
                    dayTerms.Add(t);
                }
            }
        }

        SchoolDays = [.. days];
        SchoolDayTerms = [.. dayTerms];
    }

    /// <summary>Every school day, in order.</summary>
    internal LocalDate[] SchoolDays { get; }

    /// <summary>The index of the term of each of <see cref="SchoolDays"/>.</summary>
    internal int[] SchoolDayTerms { get; }

    /// <summary>The index in <see cref="SchoolDays"/> of the first school day on or after <paramref name="date"/> (its length where there is none).</summary>
    internal int FirstSchoolDayFrom(LocalDate date) => FirstSchoolDay(date, after: false);

    /// <summary>The index in <see cref="SchoolDays"/> of the first school day after <paramref name="date"/> (its length where there is none).</summary>
    internal int FirstSchoolDayAfter(LocalDate date) => FirstSchoolDay(date, after: true);

    private int FirstSchoolDay(LocalDate date, bool after)
    {
        int lo = 0, hi = SchoolDays.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (SchoolDays[mid] < date || (after && SchoolDays[mid] == date))
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

    /// <summary>The terms in date order.</summary>
    public IReadOnlyList<DateInterval> Terms => terms;

    /// <summary>The closure days (planned closures, bank holidays, training days) within terms.</summary>
    public IReadOnlyCollection<LocalDate> Closures => closures;

    /// <summary>The formal assessment periods (mock exams, examinations and the preparation before them), in date order; empty where none are given.</summary>
    public IReadOnlyList<DateInterval> AssessmentPeriods => assessmentPeriods;

    /// <summary>Creates a calendar.</summary>
    /// <param name="terms">The terms; they must not overlap.</param>
    /// <param name="closures">Days within terms on which the school is closed.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException">Two terms overlap.</exception>
    public static SchoolCalendar Create(IEnumerable<DateInterval> terms, IEnumerable<LocalDate>? closures = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sorted = terms.OrderBy(t => t.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start <= sorted[i - 1].End)
            {
                throw new ArgumentException($"the terms {sorted[i - 1].Start:yyyy-MM-dd}–{sorted[i - 1].End:yyyy-MM-dd} and {sorted[i].Start:yyyy-MM-dd}–{sorted[i].End:yyyy-MM-dd} overlap", nameof(terms));
            }
        }

        return new SchoolCalendar(sorted, [.. closures ?? []], []);
    }

    /// <summary>This calendar with formal assessment periods, which leave-of-absence conditions may look at.</summary>
    /// <param name="periods">The periods, both ends included; they may overlap.</param>
    /// <returns>A new calendar with the same terms and closures.</returns>
    public SchoolCalendar WithAssessmentPeriods(IEnumerable<DateInterval> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return new SchoolCalendar(terms, closures, [.. periods.OrderBy(p => p.Start).ThenBy(p => p.End)]);
    }

    /// <summary>The assessment period containing a date, or null.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The first period (in date order) that contains it, or null.</returns>
    public DateInterval? AssessmentPeriodContaining(LocalDate date) => Array.Find(assessmentPeriods, p => p.Contains(date));

    /// <summary>Whether the school is open on a date: a weekday within a term that is not a closure.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True on school days.</returns>
    public bool IsSchoolDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && TermIndex(date) >= 0 && !closures.Contains(date);

    /// <summary>The index of the term containing a date, or -1.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The term's index in <see cref="Terms"/>, or -1 outside every term.</returns>
    public int TermIndex(LocalDate date)
    {
        int lo = 0, hi = terms.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (date < terms[mid].Start)
            {
                hi = mid - 1;
            }
            else if (date > terms[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
