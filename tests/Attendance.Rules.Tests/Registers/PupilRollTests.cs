using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Registers;

/// <summary>A register with admission and leaving dates: marks outside them are refused, each named with the date it falls outside.</summary>
public class PupilRollTests
{
    private static readonly LocalDate Monday = new(2025, 9, 8);

    [Fact]
    public void A_mark_before_the_admission_date_is_refused_naming_the_mark_and_the_date()
    {
        var roll = PupilRoll.Create(admissionDate: Monday.PlusDays(1));
        var e = Assert.Throws<RegisterException>(() => PupilRegister.Create("p1",
            [SessionMark.Create(Session.Morning(Monday), "/"), SessionMark.Create(Session.Morning(Monday.PlusDays(1)), "/")], roll: roll));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(Session.Morning(Monday), d.Session);
        Assert.Contains("before the admission date 2025-09-09", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_admission_only_z_may_be_marked()
    {
        var roll = PupilRoll.Create(admissionDate: Monday.PlusDays(1));
        var register = PupilRegister.Create("p1",
            [SessionMark.Create(Session.Morning(Monday), "Z"), SessionMark.Create(Session.Afternoon(Monday), "Z"), SessionMark.Create(Session.Morning(Monday.PlusDays(1)), "/")], roll: roll);

        Assert.Equal(3, register.Marks.Length);
        Assert.Equal(Monday.PlusDays(1), register.AdmissionDate);
    }

    [Fact]
    public void A_mark_after_the_leaving_date_is_refused_and_the_leaving_date_itself_is_on_roll()
    {
        var roll = PupilRoll.Create(leavingDate: Monday);
        var ok = PupilRegister.Create("p1", [SessionMark.Create(Session.Afternoon(Monday), "\\")], roll: roll);
        var e = Assert.Throws<RegisterException>(() => PupilRegister.Create("p1",
            [SessionMark.Create(Session.Afternoon(Monday), "\\"), SessionMark.Create(Session.Morning(Monday.PlusDays(1)), "Z")], roll: roll));

        Assert.Single(ok.Marks);
        Assert.Contains("after the leaving date 2025-09-08", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_marks_keeps_the_roll_and_checks_the_new_marks_against_it()
    {
        var register = PupilRegister.Create("p1", [SessionMark.Create(Session.Morning(Monday), "/")], "7", PupilRoll.Create(new LocalDate(2013, 5, 1), Monday, Monday.PlusDays(1)));

        Assert.Equal(new LocalDate(2013, 5, 1), register.WithMarks([SessionMark.Create(Session.Afternoon(Monday), "\\")]).DateOfBirth);
        Assert.Throws<RegisterException>(() => register.WithMarks([SessionMark.Create(Session.Morning(Monday.PlusDays(2)), "/")]));
    }

    [Fact]
    public void Dates_out_of_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PupilRoll.Create(admissionDate: Monday, leavingDate: Monday.PlusDays(-3)));
        Assert.Throws<ArgumentException>(() => PupilRoll.Create(Monday.PlusDays(1), admissionDate: Monday));
        Assert.Throws<ArgumentException>(() => PupilRoll.Create(Monday.PlusDays(1), leavingDate: Monday));
        Assert.Equal(Monday, PupilRoll.Create(admissionDate: Monday, leavingDate: Monday).LeavingDate);
    }

    [Fact]
    public void A_roll_with_nothing_known_is_the_unknown_roll()
    {
        Assert.Same(PupilRoll.Unknown, PupilRoll.Create());
        Assert.Null(PupilRoll.Unknown.CompulsoryFrom);
        Assert.Equal(new LocalDate(2025, 12, 31), PupilRoll.Create(new LocalDate(2020, 10, 15)).CompulsoryFrom);
    }
}
