using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// The school year 2025/26 the scenarios use: three terms, each split by a one-week half term.
/// Autumn 8 Sep–24 Oct and 3 Nov–19 Dec 2025 (70 days, 140 sessions); spring 5 Jan–13 Feb and
/// 23 Feb–27 Mar 2026 (55 days, 110 sessions); summer 13 Apr–22 May and 1 Jun–17 Jul 2026 (65 days,
/// 130 sessions): 190 school days, 380 sessions. Christmas and Easter are breaks of exactly 10
/// weekdays (a term ends), half terms 5 (a half term ends, the term does not).
/// </summary>
internal static class SchoolYear2025
{
    /// <summary>The six half terms: first day and number of school days (whole weeks, Monday to Friday).</summary>
    public static readonly (LocalDate First, int Days)[] HalfTerms =
    [
        (new(2025, 9, 8), 35), (new(2025, 11, 3), 35),
        (new(2026, 1, 5), 30), (new(2026, 2, 23), 25),
        (new(2026, 4, 13), 30), (new(2026, 6, 1), 35),
    ];

    /// <summary>The same year as a calendar: three terms, the half-term weeks as closures.</summary>
    public static SchoolCalendar TermCalendar { get; } = SchoolCalendar.Create(
        [
            new DateInterval(new(2025, 9, 8), new(2025, 12, 19)),
            new DateInterval(new(2026, 1, 5), new(2026, 3, 27)),
            new DateInterval(new(2026, 4, 13), new(2026, 7, 17)),
        ],
        [.. Week(new(2025, 10, 27)), .. Week(new(2026, 2, 16)), .. Week(new(2026, 5, 25))]);

    /// <summary>The year's register up to and including <paramref name="until"/>: every school day present (<c>/\</c>) except the days given, in the register notation.</summary>
    /// <param name="until">The last day with marks.</param>
    /// <param name="days">Days with other marks: ISO date and day token, for example <c>("2025-09-08", "OO")</c>.</param>
    /// <returns>The register.</returns>
    public static PupilRegister Register(string until, params (string Date, string Day)[] days) =>
        RegisterNotation.Parse(Notation(Date(until), days));

    /// <summary>The notation of <see cref="Register"/>.</summary>
    public static string Notation(LocalDate until, params (string Date, string Day)[] days)
    {
        var overrides = days.ToDictionary(d => Date(d.Date), d => d.Day);
        foreach (var date in overrides.Keys)
        {
            if (!SchoolDays().Contains(date))
            {
                throw new ArgumentException($"{date:yyyy-MM-dd} is not a school day of the year", nameof(days));
            }
        }

        var parts = new List<string>();
        foreach (var (first, count) in HalfTerms)
        {
            if (first > until)
            {
                break;
            }

            parts.Add(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var day in Weekdays(first, count).TakeWhile(d => d <= until))
            {
                parts.Add(overrides.GetValueOrDefault(day, @"/\"));
            }
        }

        return string.Join(" ", parts);
    }

    /// <summary>Every school day of the year, in order.</summary>
    public static IEnumerable<LocalDate> SchoolDays() => HalfTerms.SelectMany(h => Weekdays(h.First, h.Days));

    /// <summary>A day token repeated: <c>Days("OO", 3)</c> is <c>OO OO OO</c>.</summary>
    public static string Days(string token, int count) => string.Join(" ", Enumerable.Repeat(token, count));

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    /// <summary>Asserts an action without a stage falls due on a date and session, of a kind, with a title.</summary>
    public static void AssertAction(Attendance.Rules.Evaluation.PolicyAction action, string date, SessionOfDay session, Attendance.Rules.Policies.ActionKind kind, string title)
    {
        Assert.Equal(Date(date), action.Date);
        Assert.Equal(session, action.Session);
        Assert.Equal(kind, action.Kind);
        Assert.Equal(title, action.Title);
        Assert.Null(action.Stage);
    }

    private static IEnumerable<LocalDate> Weekdays(LocalDate first, int count)
    {
        var date = first;
        for (var n = 0; n < count; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                yield return date;
                n++;
            }
        }
    }

    private static IEnumerable<LocalDate> Week(LocalDate monday) => Enumerable.Range(0, 5).Select(monday.PlusDays);
}
