using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

public class AttendanceFiguresTests
{
    private static readonly LocalDate Start = new(2025, 9, 1);

    /// <summary>A register of school days from 1 September 2025, one code per session, weekdays only.</summary>
    internal static PupilRegister Register(params string[] codes)
    {
        var marks = new List<SessionMark>();
        var date = Start;
        for (var i = 0; i < codes.Length; i++)
        {
            while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                date = date.PlusDays(1);
            }

            var part = i % 2 == 0 ? SessionOfDay.AM : SessionOfDay.PM;
            var code = codes[i] == "/" && part == SessionOfDay.PM ? "\\" : codes[i];
            marks.Add(SessionMark.Create(new Session(date, part), code));
            if (part == SessionOfDay.PM)
            {
                date = date.PlusDays(1);
            }
        }

        return PupilRegister.Create("p1", marks);
    }

    private static AttendanceFigures Figures(PupilRegister register) =>
        AttendanceFigures.For(register, new DateInterval(Start, Start.PlusYears(3)));

    private static string[] Codes(int present, string absent, int absences) =>
        [.. Enumerable.Repeat("/", present), .. Enumerable.Repeat(absent, absences)];

    [Fact]
    public void Exactly_10_percent_absence_is_persistent()
    {
        var f = Figures(Register(Codes(90, "I", 10)));
        Assert.Equal(100, f.PossibleSessions);
        Assert.Equal(10.00m, f.AbsencePercent);
        Assert.True(f.IsPersistentAbsence);
        Assert.False(f.IsSevereAbsence);
    }

    [Fact]
    public void Just_below_10_percent_absence_is_not_persistent()
    {
        var f = Figures(Register(Codes(901, "O", 100)));
        Assert.Equal(9.99m, f.AbsencePercent);
        Assert.False(f.IsPersistentAbsence);
    }

    [Fact]
    public void Exactly_50_percent_absence_is_severe()
    {
        var f = Figures(Register(Codes(20, "G", 20)));
        Assert.Equal(50.00m, f.AbsencePercent);
        Assert.True(f.IsSevereAbsence);
        Assert.True(f.IsPersistentAbsence);
    }

    [Fact]
    public void Just_below_50_percent_absence_is_not_severe()
    {
        var f = Figures(Register(Codes(201, "N", 200)));
        Assert.Equal(49.88m, f.AbsencePercent);
        Assert.False(f.IsSevereAbsence);
        Assert.True(f.IsPersistentAbsence);
    }

    [Fact]
    public void No_possible_sessions_gives_null_rates_and_no_flags()
    {
        var f = Figures(Register("#", "#", "Z", "X", "Y4", "D"));
        Assert.Equal(0, f.PossibleSessions);
        Assert.Null(f.AttendancePercent);
        Assert.Null(f.AbsencePercent);
        Assert.False(f.IsPersistentAbsence);
        Assert.False(f.IsSevereAbsence);
    }

    [Fact]
    public void Late_marks_are_present_and_counted_as_late()
    {
        var f = Figures(Register("L", "/", "L", "U"));
        Assert.Equal(3, f.PresentSessions);
        Assert.Equal(2, f.LateSessions);
        Assert.Equal(1, f.UnauthorisedAbsenceSessions);
        Assert.Equal(75.00m, f.AttendancePercent);
    }

    [Fact]
    public void One_register_counts_2006_marks_before_the_change_and_2024_marks_after_it()
    {
        var marks = new[]
        {
            SessionMark.Create(Session.Morning(new LocalDate(2024, 7, 15)), "H"),
            SessionMark.Create(Session.Afternoon(new LocalDate(2024, 7, 15)), "J"),
            SessionMark.Create(Session.Morning(new LocalDate(2024, 7, 16)), "Y"),
            SessionMark.Create(Session.Morning(new LocalDate(2024, 9, 2)), "J1"),
            SessionMark.Create(Session.Afternoon(new LocalDate(2024, 9, 2)), "C2"),
            SessionMark.Create(Session.Morning(new LocalDate(2024, 9, 3)), "Y1"),
            SessionMark.Create(Session.Afternoon(new LocalDate(2024, 9, 3)), "K"),
        };
        var register = PupilRegister.Create("p1", marks);
        var period = new DateInterval(new LocalDate(2024, 7, 1), new LocalDate(2024, 9, 30));
        var f = AttendanceFigures.For(register, period);
        Assert.Equal(5, f.PossibleSessions);
        Assert.Equal(2, f.ApprovedEducationalActivitySessions); // 2006 J and 2024 K
        Assert.Equal(3, f.AuthorisedAbsenceSessions);           // 2006 H, 2024 J1 and C2
        Assert.Equal(0, f.PresentSessions);
    }

    [Fact]
    public void The_default_period_is_the_academic_year_to_the_evaluation_date()
    {
        var register = PupilRegister.Create("p1",
        [
            SessionMark.Create(Session.Morning(new LocalDate(2025, 7, 21)), "O"),
            SessionMark.Create(Session.Morning(new LocalDate(2025, 9, 1)), "/"),
            SessionMark.Create(Session.Morning(new LocalDate(2025, 9, 2)), "I"),
        ]);
        var f = AttendanceFigures.ForAcademicYear(register, new LocalDate(2025, 9, 1));
        Assert.Equal(1, f.PossibleSessions);
        Assert.Equal(new LocalDate(2025, 8, 1), f.Period.Start);
        Assert.Equal(new LocalDate(2025, 9, 1), f.Period.End);
    }

    [Fact]
    public void Percentages_are_rounded_half_away_from_zero()
    {
        Assert.Equal(94.87m, Percent.Of(74, 78));
        Assert.Equal(0.13m, Percent.Of(1, 800)); // 0.125
        Assert.Equal("94.87%", Percent.Format(74, 78));
    }

    [Fact]
    public void A_mark_with_no_code_must_be_classified_first()
    {
        var register = PupilRegister.Create("p1", [SessionMark.Arrived(Session.Morning(Start), new LocalTime(8, 50))]);
        var e = Assert.Throws<ArgumentException>(() => Figures(register));
        Assert.Contains("2025-09-01 AM", e.Message, StringComparison.Ordinal);
    }
}
