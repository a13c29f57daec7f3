using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Codes;

public class NationalCodeTableTests
{
    private static readonly LocalDate Before = new(2024, 7, 1);
    private static readonly LocalDate After = new(2024, 9, 9);

    // What each code counts as, written out from national-framework.md (not from the table).
    public static TheoryData<string, string, string> ExpectedCounting() => new()
    {
        { "2024", "/", "present" }, { "2024", "\\", "present" }, { "2024", "L", "present" },
        { "2024", "K", "approved" }, { "2024", "V", "approved" }, { "2024", "P", "approved" }, { "2024", "W", "approved" }, { "2024", "B", "approved" },
        { "2024", "D", "none" }, { "2024", "C1", "authorised" }, { "2024", "M", "authorised" }, { "2024", "J1", "authorised" }, { "2024", "S", "authorised" },
        { "2024", "X", "none" }, { "2024", "C2", "authorised" }, { "2024", "C", "authorised" }, { "2024", "T", "authorised" }, { "2024", "R", "authorised" },
        { "2024", "I", "authorised" }, { "2024", "E", "authorised" }, { "2024", "Q", "none" },
        { "2024", "Y1", "none" }, { "2024", "Y2", "none" }, { "2024", "Y3", "none" }, { "2024", "Y4", "none" }, { "2024", "Y5", "none" }, { "2024", "Y6", "none" }, { "2024", "Y7", "none" },
        { "2024", "G", "unauthorised" }, { "2024", "N", "unauthorised" }, { "2024", "O", "unauthorised" }, { "2024", "U", "unauthorised" },
        { "2024", "Z", "none" }, { "2024", "#", "none" },
        { "2006", "/", "present" }, { "2006", "\\", "present" }, { "2006", "L", "present" },
        { "2006", "B", "approved" }, { "2006", "P", "approved" }, { "2006", "V", "approved" }, { "2006", "W", "approved" }, { "2006", "J", "approved" },
        { "2006", "D", "none" }, { "2006", "C", "authorised" }, { "2006", "E", "authorised" }, { "2006", "I", "authorised" }, { "2006", "M", "authorised" },
        { "2006", "R", "authorised" }, { "2006", "S", "authorised" }, { "2006", "H", "authorised" }, { "2006", "F", "authorised" }, { "2006", "T", "authorised" },
        { "2006", "G", "unauthorised" }, { "2006", "N", "unauthorised" }, { "2006", "O", "unauthorised" }, { "2006", "U", "unauthorised" },
        { "2006", "X", "none" }, { "2006", "Y", "none" }, { "2006", "Z", "none" }, { "2006", "#", "none" },
    };

    [Theory]
    [MemberData(nameof(ExpectedCounting))]
    public void Every_code_is_counted_as_the_framework_says(string set, string code, string expected)
    {
        var date = set == "2024" ? After : Before;
        var register = PupilRegister.Create("p1", [SessionMark.Create(Session.Morning(date), code)]);
        var f = AttendanceFigures.ForAcademicYear(register, date);
        var actual = (f.PresentSessions, f.ApprovedEducationalActivitySessions, f.AuthorisedAbsenceSessions, f.UnauthorisedAbsenceSessions) switch
        {
            (1, 0, 0, 0) => "present",
            (0, 1, 0, 0) => "approved",
            (0, 0, 1, 0) => "authorised",
            (0, 0, 0, 1) => "unauthorised",
            (0, 0, 0, 0) => "none",
            _ => "more than one",
        };
        Assert.Equal(expected, actual);
        Assert.Equal(expected == "none" ? 0 : 1, f.PossibleSessions);
    }

    [Fact]
    public void The_table_lists_every_code_of_both_sets_once()
    {
        Assert.Equal(34, NationalCodeTable.CodesOf(CodeSet.Regulations2024).Length);
        Assert.Equal(26, NationalCodeTable.CodesOf(CodeSet.Regulations2006).Length);
        Assert.Equal(ExpectedCounting().Count(), NationalCodeTable.Count);
        Assert.Equal(Enumerable.Range(0, NationalCodeTable.Count), NationalCodeTable.All.Select(c => c.Index));
    }

    [Fact]
    public void Every_possible_session_code_is_in_one_of_the_four_counted_categories()
    {
        foreach (var code in NationalCodeTable.All.Where(c => c.IsPossibleSession))
        {
            Assert.Contains(code.Category, new[] { CodeCategory.Present, CodeCategory.ApprovedEducationalActivity, CodeCategory.AuthorisedAbsence, CodeCategory.UnauthorisedAbsence });
            Assert.Equal(code.IsAbsence, code.IsAuthorisedAbsence || code.IsUnauthorisedAbsence);
        }
    }

    [Theory]
    [InlineData("#")]
    [InlineData("Z")]
    [InlineData("Y4")]
    public void The_school_was_not_open_on_closure_not_on_roll_and_site_closed_codes(string code)
    {
        Assert.False(NationalCodeTable.Get(code, After).IsSchoolOpen);
        Assert.Equal(3, NationalCodeTable.ValidOn(After).Count(c => !c.IsSchoolOpen));
    }

    [Fact]
    public void J_in_2006_is_an_approved_activity_and_J1_in_2024_an_authorised_absence()
    {
        var j = NationalCodeTable.Get("J", Before);
        var j1 = NationalCodeTable.Get("J1", After);
        Assert.Equal(CodeCategory.ApprovedEducationalActivity, j.Category);
        Assert.False(j.IsAbsence);
        Assert.Equal(CodeCategory.AuthorisedAbsence, j1.Category);
        Assert.True(j1.IsAbsence);
        Assert.Contains("J1", j.CountedAs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C1")]
    [InlineData("C2")]
    [InlineData("J1")]
    [InlineData("K")]
    [InlineData("Q")]
    [InlineData("Y1")]
    [InlineData("Y7")]
    public void Codes_new_in_2024_are_rejected_before_19_August_2024_naming_the_session(string code)
    {
        var session = Session.Afternoon(new LocalDate(2024, 8, 16));
        var e = Assert.Throws<RegisterException>(() => SessionMark.Create(session, code));
        Assert.Equal(session, e.Diagnostics.Single().Session);
        Assert.Contains("2024-08-16 PM", e.Message, StringComparison.Ordinal);
        Assert.Contains($"code '{code}' is not valid before 19 August 2024", e.Message, StringComparison.Ordinal);
        Assert.Contains("2006 codes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("H")]
    [InlineData("F")]
    [InlineData("J")]
    [InlineData("Y")]
    public void Withdrawn_codes_are_rejected_from_19_August_2024_naming_the_session(string code)
    {
        var session = Session.Morning(NationalCodeTable.ChangeDate);
        var e = Assert.Throws<RegisterException>(() => SessionMark.Create(session, code));
        Assert.Contains("2024-08-19 AM", e.Message, StringComparison.Ordinal);
        Assert.Contains($"code '{code}' was withdrawn on 19 August 2024", e.Message, StringComparison.Ordinal);
        Assert.Contains(" C1 ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_lists_the_valid_codes_for_its_date()
    {
        var e = Assert.Throws<RegisterException>(() => SessionMark.Create(Session.Morning(After), "QQ"));
        Assert.Contains("'QQ' is not a national attendance code", e.Message, StringComparison.Ordinal);
        Assert.Contains("valid codes on 2024-09-09 (2024 codes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_code_set_changes_on_19_August_2024()
    {
        Assert.Equal(CodeSet.Regulations2006, NationalCodeTable.SetInForce(new LocalDate(2024, 8, 18)));
        Assert.Equal(CodeSet.Regulations2024, NationalCodeTable.SetInForce(new LocalDate(2024, 8, 19)));
        Assert.Equal(new LocalDate(2024, 8, 18), NationalCodeTable.Get("H", Before).ValidTo);
        Assert.Equal(new LocalDate(2024, 8, 19), NationalCodeTable.Get("C1", After).ValidFrom);
    }
}
