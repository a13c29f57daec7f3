using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>
/// Compulsory school age from a date of birth, by the statute (Education Act 1996 s.8; the Education
/// (Start of Compulsory School Age) Order 1998; the Education (School Leaving Date) Order 1997). It
/// starts on the first prescribed day (31 March, 31 August or 31 December) on or after the fifth
/// birthday, and ends at the end of the school leaving date (the last Friday in June) of the school
/// year (1 September to 31 August) in which the pupil turns 16. Both days are of compulsory school
/// age. A pupil born on 29 February attains an age on 1 March in a common year (the anniversary
/// the year lacks); docs/engine.md gives the reading.
/// </summary>
public static class CompulsorySchoolAge
{
    /// <summary>The first day of compulsory school age: the prescribed day on or after the fifth birthday.</summary>
    /// <param name="dateOfBirth">The pupil's date of birth.</param>
    /// <returns>31 March, 31 August or 31 December: the birthday itself when it is one of them.</returns>
    public static LocalDate StartsOn(LocalDate dateOfBirth)
    {
        var fifth = Birthday(dateOfBirth, 5);
        var year = fifth.Year;
        foreach (var prescribed in (ReadOnlySpan<LocalDate>)[new(year, 3, 31), new(year, 8, 31), new(year, 12, 31)])
        {
            if (prescribed >= fifth)
            {
                return prescribed;
            }
        }

        return new LocalDate(year + 1, 3, 31); // unreachable: 31 December is on or after any day of its year
    }

    /// <summary>The last day of compulsory school age: the school leaving date of the school year in which the pupil turns 16.</summary>
    /// <param name="dateOfBirth">The pupil's date of birth.</param>
    /// <returns>The last Friday in June that ends that school year.</returns>
    public static LocalDate EndsOn(LocalDate dateOfBirth)
    {
        var sixteenth = Birthday(dateOfBirth, 16);

        // A school year runs 1 September to 31 August and its leaving date is in the June it ends in.
        var endYear = sixteenth.Month >= 9 ? sixteenth.Year + 1 : sixteenth.Year;
        return LastFridayInJune(endYear);
    }

    /// <summary>Whether a pupil born on <paramref name="dateOfBirth"/> is of compulsory school age on <paramref name="date"/>.</summary>
    /// <param name="dateOfBirth">The pupil's date of birth.</param>
    /// <param name="date">The day asked about.</param>
    /// <returns>True from <see cref="StartsOn"/> to <see cref="EndsOn"/>, both included.</returns>
    public static bool On(LocalDate dateOfBirth, LocalDate date) => date >= StartsOn(dateOfBirth) && date <= EndsOn(dateOfBirth);

    /// <summary>The school leaving date of a calendar year: its last Friday in June.</summary>
    /// <param name="year">The calendar year.</param>
    /// <returns>A Friday from 24 to 30 June.</returns>
    public static LocalDate LastFridayInJune(int year)
    {
        var last = new LocalDate(year, 6, 30);
        var back = ((int)last.DayOfWeek - (int)IsoDayOfWeek.Friday + 7) % 7;
        return last.PlusDays(-back);
    }

    /// <summary>The day a person attains an age: the anniversary of the birth, or 1 March for 29 February in a common year.</summary>
    internal static LocalDate Birthday(LocalDate dateOfBirth, int age)
    {
        var year = dateOfBirth.Year + age;
        return dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new LocalDate(year, 3, 1)
            : new LocalDate(year, dateOfBirth.Month, dateOfBirth.Day);
    }
}
