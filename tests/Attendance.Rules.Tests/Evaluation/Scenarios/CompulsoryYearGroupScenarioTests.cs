using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
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
