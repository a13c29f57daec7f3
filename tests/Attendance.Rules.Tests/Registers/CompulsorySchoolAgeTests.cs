using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Registers;

/// <summary>Birth dates weighted to the days where compulsory school age turns: prescribed days, 29 February, the leaving dates and their neighbours.</summary>
public static class BirthDateArbitraries
{
    public static Arbitrary<LocalDate> BirthDates()
    {
        var year = Gen.Choose(1996, 2030);
        var any = from y in year from d in Gen.Choose(0, 365) select new LocalDate(y, 1, 1).PlusDays(d);

        // Born five years before a prescribed day (so the fifth birthday is on it), give or take a day.
        var prescribed = from y in year
                         from day in Gen.Elements((3, 31), (8, 31), (12, 31), (9, 1), (1, 1), (4, 1))
                         from shift in Gen.Choose(-1, 1)
                         select new LocalDate(y, day.Item1, day.Item2).PlusDays(shift);
        var leap = from y in Gen.Choose(249, 257) select new LocalDate(y * 8, 2, 29); // 1992..2056, leap years only
        var leapNeighbour = from d in leap from shift in Gen.Choose(-1, 1) select d.PlusDays(shift);

        // Born sixteen years before a last Friday in June, give or take two days.
        var leaving = from y in year
                      from shift in Gen.Choose(-2, 2)
                      select CompulsorySchoolAgeTests.NaiveLastFridayInJune(y).PlusDays(shift);
        return Gen.Frequency((3, any), (3, prescribed), (1, leap), (1, leapNeighbour), (3, leaving)).ToArbitrary();
    }
}

[Properties(Arbitrary = [typeof(BirthDateArbitraries)], MaxTest = 500)]
public class CompulsorySchoolAgeTests
{
    [Property]
    public bool Starts_on_the_day_a_day_by_day_search_finds(LocalDate born) =>
        CompulsorySchoolAge.StartsOn(born) == NaiveStart(born);

    [Property]
    public bool Ends_on_the_day_the_statutes_clauses_give(LocalDate born) =>
        CompulsorySchoolAge.EndsOn(born) == NaiveEnd(born);

    [Property]
    public bool Is_of_compulsory_age_exactly_between_the_two_days(LocalDate born)
    {
        var start = NaiveStart(born);
        var end = NaiveEnd(born);
        return !CompulsorySchoolAge.On(born, start.PlusDays(-1)) && CompulsorySchoolAge.On(born, start)
            && CompulsorySchoolAge.On(born, end) && !CompulsorySchoolAge.On(born, end.PlusDays(1));
    }

    [Theory]
    [InlineData("2020-08-31", "2025-08-31")] // fifth birthday on a prescribed day: that day
    [InlineData("2020-09-01", "2025-12-31")] // the oldest in Reception: the spring term
    [InlineData("2020-12-31", "2025-12-31")]
    [InlineData("2021-01-01", "2026-03-31")]
    [InlineData("2021-03-31", "2026-03-31")]
    [InlineData("2021-04-01", "2026-08-31")] // the youngest: Year 1
    [InlineData("2020-02-29", "2025-03-31")] // 28 February or 1 March 2025: 31 March either way
    public void Compulsory_school_age_starts_on_the_prescribed_day_on_or_after_the_fifth_birthday(string born, string starts) =>
        Assert.Equal(Date(starts), CompulsorySchoolAge.StartsOn(Date(born)));

    [Theory]
    [InlineData("2009-09-01", "2026-06-26")] // oldest in Year 11 in 2025/26: 16 on 1 September, leaves the next June
    [InlineData("2010-08-31", "2026-06-26")] // youngest in Year 11 in 2025/26: 16 in the summer holiday, leaves before
    [InlineData("2010-06-26", "2026-06-26")] // 16 on the leaving date itself
    [InlineData("2010-06-27", "2026-06-26")] // 16 the day after it: still that leaving date
    [InlineData("2009-08-31", "2025-06-27")] // youngest in Year 11 in 2024/25
    [InlineData("2008-02-29", "2024-06-28")] // 16 on 29 February 2024
    public void Compulsory_school_age_ends_on_the_leaving_date_of_the_school_year_the_pupil_turns_16(string born, string ends) =>
        Assert.Equal(Date(ends), CompulsorySchoolAge.EndsOn(Date(born)));

    [Theory]
    [InlineData(2025, "2025-06-27")]
    [InlineData(2026, "2026-06-26")]
    [InlineData(2027, "2027-06-25")]
    [InlineData(2021, "2021-06-25")]
    [InlineData(2029, "2029-06-29")]
    [InlineData(2018, "2018-06-29")]
    [InlineData(2012, "2012-06-29")]
    [InlineData(2007, "2007-06-29")]
    [InlineData(2035, "2035-06-29")]
    [InlineData(2030, "2030-06-28")]
    public void The_school_leaving_date_is_the_last_friday_in_june(int year, string expected) =>
        Assert.Equal(Date(expected), CompulsorySchoolAge.LastFridayInJune(year));

    [Fact]
    public void A_reception_child_becomes_of_compulsory_school_age_during_the_year()
    {
        var born = Date("2020-10-15");
        Assert.False(CompulsorySchoolAge.On(born, Date("2025-12-30")));
        Assert.True(CompulsorySchoolAge.On(born, Date("2025-12-31")));
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    /// <summary>The age on a day, by comparing month and day (so 29 February's birthday comes on 1 March in a common year).</summary>
    private static int NaiveAge(LocalDate born, LocalDate on) =>
        on.Year - born.Year - ((on.Month, on.Day).CompareTo((born.Month, born.Day)) < 0 ? 1 : 0);

    private static LocalDate FirstDayOfAge(LocalDate born, int age)
    {
        var d = born;
        while (NaiveAge(born, d) < age)
        {
            d = d.PlusDays(1);
        }

        return d;
    }

    private static bool IsPrescribed(LocalDate d) => (d.Month, d.Day) is (3, 31) or (8, 31) or (12, 31);

    /// <summary>s.8(2): the day the fifth birthday falls on if prescribed, else the next prescribed day, found day by day.</summary>
    private static LocalDate NaiveStart(LocalDate born)
    {
        var d = FirstDayOfAge(born, 5);
        while (!IsPrescribed(d))
        {
            d = d.PlusDays(1);
        }

        return d;
    }

    internal static LocalDate NaiveLastFridayInJune(int year)
    {
        var last = new LocalDate(year, 6, 1);
        for (var d = new LocalDate(year, 6, 1); d.Month == 6; d = d.PlusDays(1))
        {
            if (d.DayOfWeek == IsoDayOfWeek.Friday)
            {
                last = d;
            }
        }

        return last;
    }

    /// <summary>
    /// s.8(3), clause by clause: the first leaving date L such that (a) the pupil turns 16 after L
    /// and before the next school year (1 September), (b) turns 16 on L, or (c) L is the first
    /// leaving date after turning 16.
    /// </summary>
    private static LocalDate NaiveEnd(LocalDate born)
    {
        var sixteen = FirstDayOfAge(born, 16);
        for (var year = born.Year + 15; ; year++)
        {
            var leaving = NaiveLastFridayInJune(year);
            var a = sixteen > leaving && sixteen < new LocalDate(year, 9, 1);
            var b = sixteen == leaving;
            var c = leaving > sixteen;
            if (a || b || c)
            {
                return leaving;
            }
        }
    }
}
