using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Registers;

public class PupilRegisterTests
{
    private static readonly LocalDate Monday = new(2025, 9, 8);

    [Fact]
    public void Marks_are_held_in_session_order_whatever_order_they_arrive_in()
    {
        var register = PupilRegister.Create("p1",
        [
            SessionMark.Create(Session.Afternoon(Monday.PlusDays(1)), "\\"),
            SessionMark.Create(Session.Morning(Monday.PlusDays(1)), "/"),
            SessionMark.Create(Session.Afternoon(Monday), "I"),
            SessionMark.Create(Session.Morning(Monday), "L"),
        ]);
        Assert.Equal(
            ["2025-09-08 AM", "2025-09-08 PM", "2025-09-09 AM", "2025-09-09 PM"],
            register.Marks.Select(m => m.Session.ToString()));
    }

    [Fact]
    public void A_second_mark_for_the_same_session_is_an_error_naming_both()
    {
        var e = Assert.Throws<RegisterException>(() => PupilRegister.Create("p7",
        [
            SessionMark.Create(Session.Morning(Monday), "/"),
            SessionMark.Create(Session.Morning(Monday), "O"),
        ]));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(Session.Morning(Monday), d.Session);
        Assert.Contains("'2025-09-08 AM /'", d.Message, StringComparison.Ordinal);
        Assert.Contains("'2025-09-08 AM O'", d.Message, StringComparison.Ordinal);
        Assert.Contains("p7", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_pupil_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PupilRegister.Create(" ", []));
    }

    [Fact]
    public void Sessions_order_by_date_then_morning_before_afternoon()
    {
        Assert.True(Session.Morning(Monday) < Session.Afternoon(Monday));
        Assert.True(Session.Afternoon(Monday) < Session.Morning(Monday.PlusDays(1)));
        Assert.Equal(Session.Morning(Monday.PlusDays(1)), Session.Afternoon(Monday).Next);
    }

    [Fact]
    public void Adding_marks_keeps_order_and_refuses_an_already_marked_session()
    {
        var register = PupilRegister.Create("p1", [SessionMark.Create(Session.Morning(Monday), "/")]);
        var more = register.WithMarks([SessionMark.Create(Session.Afternoon(Monday), "\\")]);
        Assert.Equal(2, more.Marks.Length);
        Assert.Single(register.Marks);
        Assert.Throws<RegisterException>(() => more.WithMarks([SessionMark.Create(Session.Morning(Monday), "I")]));
    }
}
