using Attendance.Rules.Codes;
using NodaTime;

namespace Attendance.Rules.Tests.Codes;

public class CodeMapTests
{
    private static readonly CodeMap Bromcom = CodeMap.Create(
    [
        new("8", "Y"),
        new("7", "I", new LocalDate(2020, 6, 1)),
        new("7", "X", new LocalDate(2020, 8, 1)),
    ]);

    [Fact]
    public void The_latest_mapping_on_or_before_the_date_applies()
    {
        Assert.Null(Bromcom.Find("7", new LocalDate(2020, 5, 31)));
        Assert.Equal("I", Bromcom.Find("7", new LocalDate(2020, 6, 1))?.StatutoryCode);
        Assert.Equal("I", Bromcom.Find("7", new LocalDate(2020, 7, 31))?.StatutoryCode);
        Assert.Equal("X", Bromcom.Find("7", new LocalDate(2020, 8, 1))?.StatutoryCode);
        Assert.Equal("Y", Bromcom.Find("8", new LocalDate(2001, 1, 1))?.StatutoryCode);
    }

    [Fact]
    public void An_unmapped_code_has_no_mapping_and_codes_match_exactly()
    {
        Assert.Null(Bromcom.Find("9", new LocalDate(2020, 9, 1)));
        Assert.False(Bromcom.Maps("9"));
        Assert.True(Bromcom.Maps("7"));
        Assert.Null(CodeMap.Create([new("Sym", "X")]).Find("SYM", new LocalDate(2020, 10, 12)));
    }

    [Fact]
    public void The_mappings_are_kept_in_the_order_given()
    {
        Assert.Equal(["8", "7", "7"], Bromcom.Mappings.Select(m => m.VendorCode));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_mapping_and_field()
    {
        var e = Assert.Throws<CodeMapException>(() => CodeMap.Create(
        [
            new("X02", "X"),
            new("X02", "X"),
            new("", "I"),
            new("X03", "Q9"),
            new("N", "O"),
            new("7", "Y", new LocalDate(2024, 9, 2)),
        ]));

        Assert.Equal(
        [
            "mapping 2, vendor_code: 'X02' is already mapped without valid_from; a vendor code has one mapping from each date (as mapping 1)",
            "mapping 3, vendor_code: the vendor code is empty",
            "mapping 4, statutory_code: 'Q9' is not a national attendance code (the 2006 or 2024 set)",
            "mapping 5, vendor_code: 'N' is a national code, which is never mapped; a code map maps only an MIS's own codes",
            "mapping 6, statutory_code: 'Y' is not a national code on 2024-09-02, its valid_from (the 2024 set)",
        ], e.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void One_vendor_code_may_have_mappings_from_different_dates_but_not_two_from_one()
    {
        Assert.Empty(CodeMap.Check([new("7", "I", new LocalDate(2020, 6, 1)), new("7", "X", new LocalDate(2020, 8, 1)), new("7", "I")]));
        var problem = Assert.Single(CodeMap.Check([new("7", "I", new LocalDate(2020, 6, 1)), new("7", "X", new LocalDate(2020, 6, 1))]));
        Assert.Equal((1, "vendor_code", 0), (problem.Index, problem.Field, problem.Earlier));
    }
}
