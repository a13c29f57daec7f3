using Attendance.Rules.Registers;
using NodaTime;
using SampleRegisters;

namespace Attendance.Rules.Benchmarks.Cohorts;

/// <summary>
/// The sample year (<see cref="SampleCalendar"/>) as the engine's <see cref="SchoolCalendar"/>: three
/// terms of 2025/26, the half-term weeks and the May bank holiday as closures, the summer term 2024
/// so that the samples' July 2024 marks fall on school days, and the next autumn term (an MIS knows
/// it in July; the engine today counts school days past the last term without end, and overflows,
/// for an N in the year's last days).
/// </summary>
public static class SampleYearCalendar
{
    /// <summary>The calendar an MIS would hand the engine for the sample schools.</summary>
    public static SchoolCalendar Calendar { get; } = SchoolCalendar.Create(
        [
            new DateInterval(new LocalDate(2024, 4, 15), new LocalDate(2024, 7, 23)),
            new DateInterval(SampleCalendar.FirstDay, new LocalDate(2025, 12, 19)),
            new DateInterval(new LocalDate(2026, 1, 5), new LocalDate(2026, 3, 27)),
            new DateInterval(new LocalDate(2026, 4, 13), SampleCalendar.LastDay),
            new DateInterval(new LocalDate(2026, 9, 2), new LocalDate(2026, 12, 18)),
        ],
        Closures());

    private static IEnumerable<LocalDate> Closures()
    {
        foreach (var (first, last, _) in SampleCalendar.Breaks)
        {
            for (var d = first; d <= last; d = d.PlusDays(1))
            {
                yield return d;
            }
        }

        foreach (var d in SampleCalendar.BankHolidays)
        {
            yield return d;
        }
    }
}
