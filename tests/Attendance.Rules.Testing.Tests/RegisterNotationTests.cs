using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Testing.Tests;

public class RegisterNotationTests
{
    [Fact]
    public void Days_skip_weekends_and_tildes_skip_weekdays()
    {
        var register = RegisterNotation.Parse("2025-09-12 /\\ O\\ ~5 C2- 2025-11-03 -I");
        Assert.Equal(
            ["2025-09-12 AM /", "2025-09-12 PM \\", "2025-09-15 AM O", "2025-09-15 PM \\", "2025-09-23 AM C2", "2025-11-03 PM I"],
            register.Marks.Select(m => m.ToString()));
    }

    [Fact]
    public void Printing_gives_a_line_per_school_week()
    {
        var register = RegisterNotation.Parse("2025-09-11 /\\ O\\ L\\");
        Assert.Equal("2025-09-11 /\\ O\\" + Environment.NewLine + "2025-09-15 L\\", RegisterNotation.Print(register));
        Assert.Equal(new LocalDate(2025, 9, 15), register.Marks[^1].Session.Date);
    }

    [Fact]
    public void Parse_sets_the_pupil_and_year_group_and_printing_round_trips()
    {
        const string notation = "2025-09-08 /\\ C2- ~ -I\r\n2025-09-15 J1Y4";
        var register = RegisterNotation.Parse(notation, "p7", "10");

        Assert.Equal("p7", register.PupilId);
        Assert.Equal("10", register.YearGroup);
        var printed = RegisterNotation.Print(register);
        Assert.Equal("2025-09-08 /\\ C2- ~ -I" + Environment.NewLine + "2025-09-15 J1Y4", printed);
        Assert.Equal(new LocalDate(2025, 9, 11), register.Marks[3].Session.Date);
        Assert.Equal(register.Marks.Select(m => m.ToString()), RegisterNotation.Parse(printed, "p7", "10").Marks.Select(m => m.ToString()));
        Assert.Equal("2025-09-08 /\\ ~3 OO", RegisterNotation.Print(RegisterNotation.Parse("2025-09-08 /\\ ~3 OO")));
    }

    [Theory]
    [InlineData("/\\ OO")]
    [InlineData("2025-09-08 /")]
    [InlineData("2025-09-08 /\\O")]
    public void Malformed_notation_is_refused(string notation)
    {
        Assert.Throws<FormatException>(() => RegisterNotation.Parse(notation));
    }
}
