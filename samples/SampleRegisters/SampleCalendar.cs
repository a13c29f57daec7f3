using NodaTime;

namespace SampleRegisters;

/// <summary>
/// The English school year 2025/26 the samples cover (1 September 2025 to 22 July 2026) with its
/// half-terms, holidays and bank holidays, and the last school days of July 2024 before it.
/// </summary>
public static class SampleCalendar
{
    public static LocalDate FirstDay { get; } = new(2025, 9, 1);

    public static LocalDate LastDay { get; } = new(2026, 7, 22);

    /// <summary>Half-terms and holidays within the year: no marks on these days.</summary>
    public static IReadOnlyList<(LocalDate First, LocalDate Last, string Name)> Breaks { get; } =
    [
        (new(2025, 10, 27), new(2025, 10, 31), "autumn half-term"),
        (new(2025, 12, 22), new(2026, 1, 2), "Christmas holiday"),
        (new(2026, 2, 16), new(2026, 2, 20), "spring half-term"),
        (new(2026, 3, 30), new(2026, 4, 10), "Easter holiday"),
        (new(2026, 5, 25), new(2026, 5, 29), "summer half-term"),
    ];

    /// <summary>England's bank holidays from September 2025 to July 2026 (all but 4 May fall in a holiday).</summary>
    public static IReadOnlyList<LocalDate> BankHolidays { get; } =
    [
        new(2025, 12, 25), new(2025, 12, 26), new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25),
    ];

    /// <summary>The weekdays of the year that are neither in a break nor a bank holiday (INSET days included).</summary>
    public static IReadOnlyList<LocalDate> SchoolDays { get; } = Days(FirstDay, LastDay)
        .Where(d => !Breaks.Any(b => d >= b.First && d <= b.Last) && !BankHolidays.Contains(d))
        .ToArray();

    /// <summary>The last two weeks of the summer term 2024 (2006 codes: before 19 August 2024); term ended on Tuesday 23 July.</summary>
    public static IReadOnlyList<LocalDate> July2024 { get; } = Days(new LocalDate(2024, 7, 15), new LocalDate(2024, 7, 23)).ToArray();

    /// <summary>The first school day after each break (and the year's first day): when term-time holidays tend to end.</summary>
    public static IReadOnlyList<int> FirstDaysAfterBreaks { get; } = SchoolDays
        .Select((d, i) => (d, i))
        .Where(x => x.i == 0 || Period.Between(SchoolDays[x.i - 1], x.d, PeriodUnits.Days).Days > 4)
        .Select(x => x.i)
        .ToArray();

    /// <summary>The index of a school day in <see cref="SchoolDays"/>.</summary>
    /// <exception cref="ArgumentException">The date is not a school day.</exception>
    public static int IndexOf(LocalDate date)
    {
        var index = SchoolDays is LocalDate[] array ? Array.BinarySearch(array, date) : -1;
        return index >= 0 ? index : throw new ArgumentException($"{date:yyyy-MM-dd} is not a school day of the sample year", nameof(date));
    }

    private static IEnumerable<LocalDate> Days(LocalDate first, LocalDate last)
    {
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                yield return d;
            }
        }
    }
}
