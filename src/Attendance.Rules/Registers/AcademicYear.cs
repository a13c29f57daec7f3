using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>The academic year: 1 August to 31 July, named by the calendar year it starts in.</summary>
/// <param name="StartYear">The calendar year of its 1 August.</param>
public readonly record struct AcademicYear(int StartYear)
{
    /// <summary>1 August of the start year.</summary>
    public LocalDate Start => new(StartYear, 8, 1);

    /// <summary>31 July of the next year.</summary>
    public LocalDate End => new(StartYear + 1, 7, 31);

    /// <summary>The academic year that contains a date.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The year from the 1 August on or before it.</returns>
    public static AcademicYear Containing(LocalDate date) => new(date.Month >= 8 ? date.Year : date.Year - 1);

    /// <summary>The academic year to date: from 1 August up to and including <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The interval.</returns>
    public static DateInterval ToDate(LocalDate asOf) => new(Containing(asOf).Start, asOf);

    /// <summary>Formats as <c>2025/26</c>.</summary>
    /// <returns>The year's name.</returns>
    public override string ToString() => $"{StartYear}/{(StartYear + 1) % 100:00}";
}
