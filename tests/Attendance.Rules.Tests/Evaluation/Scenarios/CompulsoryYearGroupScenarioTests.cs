using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>
/// decisions.md: "A policy lists the year groups of compulsory school age to which penalty-notice
/// and legal rules apply"; england-2024 lists Years 1 to 11. The engine applies it to referrals.
/// </summary>
public class CompulsoryYearGroupScenarioTests
{
    private const string TenInARow = "2025-09-01 /\\ /\\ /\\ /\\ /\\ OO OO OO OO OO /\\ /\\ /\\ /\\ /\\";

    [Theory]
    [InlineData("hall-green-primary.yaml", "R")]
    [InlineData("stanborough.yaml", "12")]
    public void A_pupil_outside_the_compulsory_year_groups_is_not_counted_towards_a_penalty_notice(string file, string yearGroup)
    {
        var compiled = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, file)));

        var outside = compiled.Evaluate(RegisterNotation.Parse(TenInARow, yearGroup: yearGroup), new LocalDate(2025, 9, 19));
        var year1 = compiled.Evaluate(RegisterNotation.Parse(TenInARow, yearGroup: "1"), new LocalDate(2025, 9, 19));

        Assert.DoesNotContain(outside.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.DoesNotContain(outside.Actions, a => a.RuleId == "penalty-notice-threshold");
        Assert.Equal(new LocalDate(2025, 9, 12), Assert.Single(year1.ThresholdHits, h => h.RuleId == "penalty-notice-threshold").Date);
    }

    [Fact]
    public void Letters_still_fall_due_outside_the_compulsory_year_groups_and_an_unknown_year_group_counts_as_compulsory()
    {
        var compiled = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "hall-green-primary.yaml")));
        var reception = compiled.Evaluate(RegisterNotation.Parse(TenInARow, yearGroup: "R"), new LocalDate(2025, 9, 19));
        var unknown = compiled.Evaluate(RegisterNotation.Parse(TenInARow), new LocalDate(2025, 9, 19));
        Assert.Contains(reception.Actions, a => a.Kind == Attendance.Rules.Policies.ActionKind.Letter);
        Assert.DoesNotContain(reception.Actions, a => a.Kind == Attendance.Rules.Policies.ActionKind.Referral);
        Assert.Contains(unknown.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
    }
}

/// <summary>
/// The date of birth, where known, says when a pupil is of compulsory school age, day by day
/// (Education Act 1996 s.8): referrals fall due only on such days, whatever the year group.
/// Nothing falls due after a pupil's leaving date.
/// </summary>
public class CompulsorySchoolAgeScenarioTests
{
    private static readonly CompiledPolicy HallGreen = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "hall-green-primary.yaml")));

    [Fact]
    public void A_reception_child_is_counted_towards_a_penalty_notice_once_of_compulsory_school_age()
    {
        // Born 15 October 2020: of compulsory school age from 31 December 2025.
        var roll = PupilRoll.Create(new LocalDate(2020, 10, 15));
        const string Autumn = "2025-11-03 /\\ /\\ /\\ /\\ /\\ OO OO OO OO OO /\\ /\\ /\\ /\\ /\\";
        const string Spring = "2026-01-05 /\\ /\\ /\\ /\\ /\\ OO OO OO OO OO /\\ /\\ /\\ /\\ /\\";

        var autumn = HallGreen.Evaluate(RegisterNotation.Parse(Autumn, "p1", "R", roll), new LocalDate(2025, 11, 21));
        var spring = HallGreen.Evaluate(RegisterNotation.Parse(Spring, "p1", "R", roll), new LocalDate(2026, 1, 23));

        Assert.DoesNotContain(autumn.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.Equal(new LocalDate(2026, 1, 16), Assert.Single(spring.ThresholdHits, h => h.RuleId == "penalty-notice-threshold").Date);
    }

    [Fact]
    public void A_year_6_pupil_with_a_date_of_birth_is_of_compulsory_school_age_by_it()
    {
        var roll = PupilRoll.Create(new LocalDate(2014, 12, 1));
        const string Ten = "2025-09-01 /\\ /\\ /\\ /\\ /\\ OO OO OO OO OO";

        var hits = HallGreen.Evaluate(RegisterNotation.Parse(Ten, "p1", "6", roll), new LocalDate(2025, 9, 12)).ThresholdHits;

        Assert.Single(hits, h => h.RuleId == "penalty-notice-threshold");
    }

    [Fact]
    public void Nothing_falls_due_after_the_leaving_date()
    {
        // Ten unauthorised sessions reach the threshold on Friday 12 September; the pupil left on the Thursday.
        const string Ten = "2025-09-01 /\\ /\\ /\\ /\\ /\\ OO OO OO OO";
        var left = PupilRoll.Create(leavingDate: new LocalDate(2025, 9, 11));
        var stayed = HallGreen.Evaluate(RegisterNotation.Parse(Ten + " OO", "p1", "3"), new LocalDate(2025, 9, 30));
        var leaver = HallGreen.Evaluate(RegisterNotation.Parse(Ten, "p1", "3", left), new LocalDate(2025, 9, 30));

        Assert.Contains(stayed.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.DoesNotContain(leaver.ThresholdHits, h => h.RuleId == "penalty-notice-threshold");
        Assert.All(leaver.Actions, a => Assert.True(a.Date <= new LocalDate(2025, 9, 11), $"{a.RuleId} on {a.Date}"));
    }
}
