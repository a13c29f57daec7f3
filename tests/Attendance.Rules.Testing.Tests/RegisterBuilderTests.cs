using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Testing.Tests;

public class RegisterBuilderTests
{
    [Fact]
    public void The_builder_marks_days_and_sessions_from_the_start_date_skipping_weekends()
    {
        var register = Register.For("p1").InYear("7").From(new LocalDate(2025, 9, 1))
            .Present(days: 5).Absent("I", days: 2).Session("O").Arrived(new LocalTime(12, 20)).Skip(weekdays: 5).Present()
            .Build();

        Assert.Equal("p1", register.PupilId);
        Assert.Equal("7", register.YearGroup);
        // Mon 1 - Fri 5 present, Mon 8 - Tue 9 I, Wed 10 AM O and PM an arrival, Thu 11 - Wed 17 skipped, Thu 18 present.
        Assert.Equal(
            "2025-09-01 /\\ /\\ /\\ /\\ /\\" + Environment.NewLine + "2025-09-08 II II O-" + Environment.NewLine + "2025-09-18 /\\",
            RegisterNotation.Print(register));
        var arrival = register.Marks.Single(m => m.Arrival is not null);
        Assert.Equal(Session.Afternoon(new LocalDate(2025, 9, 10)), arrival.Session);
        Assert.Null(arrival.Code);
        Assert.Equal(new LocalTime(12, 20), arrival.Arrival);
    }

    [Fact]
    public void The_builder_states_the_pupils_roll_and_refuses_a_mark_outside_it()
    {
        var builder = Register.For("p1").InYear("R").BornOn(new LocalDate(2020, 10, 15)).AdmittedOn(new LocalDate(2025, 9, 3)).LeftOn(new LocalDate(2025, 9, 12))
            .From(new LocalDate(2025, 9, 1)).Absent("Z", days: 2).Present(days: 8);

        var register = builder.Build();

        Assert.Equal(new LocalDate(2020, 10, 15), register.DateOfBirth);
        Assert.Equal(new LocalDate(2025, 9, 3), register.AdmissionDate);
        Assert.Equal(new LocalDate(2025, 9, 12), register.LeavingDate);
        Assert.Equal(new LocalDate(2025, 12, 31), register.Roll.CompulsoryFrom);
        var e = Assert.Throws<RegisterException>(() => builder.Present().Build());
        Assert.Contains("after the leaving date 2025-09-12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weekend_start_date_moves_to_the_Monday_and_Next_shows_the_cursor()
    {
        var builder = Register.For("p1").From(new LocalDate(2025, 9, 6));
        Assert.Equal(Session.Morning(new LocalDate(2025, 9, 8)), builder.Next);

        builder.Present(days: 5).Session("L");
        Assert.Equal(Session.Afternoon(new LocalDate(2025, 9, 15)), builder.Next);
    }

    [Fact]
    public void A_whole_day_step_at_an_afternoon_is_refused_with_what_to_do()
    {
        var builder = Register.For("p1").From(new LocalDate(2025, 9, 8)).Session("/");

        var refused = Assert.Throws<InvalidOperationException>(() => builder.Present());
        Assert.Contains("2025-09-08 PM", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Session(...)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_at_an_afternoon_leaves_it_unmarked_and_counts_weekdays_from_the_next_day()
    {
        var register = Register.For("p1").From(new LocalDate(2025, 9, 12)).Session("/").Skip(weekdays: 2).Present().Build();

        // Fri 12 AM only; Mon 15 and Tue 16 skipped; Wed 17 present.
        Assert.Equal("2025-09-12 /-" + Environment.NewLine + "2025-09-17 /\\", RegisterNotation.Print(register));
    }

    [Fact]
    public void Then_appends_notation_at_the_cursor_and_facts_are_recorded()
    {
        var register = Register.For("p1").From(new LocalDate(2025, 9, 8))
            .Absent("I", facts: MarkFacts.MedicalEvidence).Then("/\\ ~ OO").Day("L", "\\")
            .Build();

        Assert.Equal("2025-09-08 II /\\ ~ OO L\\", RegisterNotation.Print(register));
        Assert.All(register.Marks.Take(2), m => Assert.True(m.HasMedicalEvidence));
        Assert.False(register.Marks[2].HasMedicalEvidence);
    }

    [Fact]
    public void Marks_need_a_start_date_and_a_valid_code()
    {
        Assert.Throws<InvalidOperationException>(() => Register.For("p1").Present());
        var builder = Register.For("p1").From(new LocalDate(2025, 9, 8));
        var invalid = Assert.Throws<RegisterException>(() => builder.Absent("H"));
        Assert.Contains("2025-09-08", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jumping_back_over_marked_sessions_is_refused_when_the_register_is_built()
    {
        var builder = Register.For("p1").From(new LocalDate(2025, 9, 8)).Present(days: 2).From(new LocalDate(2025, 9, 9)).Present();

        Assert.Throws<RegisterException>(() => builder.Build());
    }
}
