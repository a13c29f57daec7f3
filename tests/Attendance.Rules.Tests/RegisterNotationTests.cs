using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests;

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
}
