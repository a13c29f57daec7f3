using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>What-if comparisons of two policies on hand-made registers: a threshold lowered from 10 sessions to 8.</summary>
public class PolicyComparisonTests
{
    private static readonly LocalDate AsOf = new(2025, 9, 26);

    private static CompiledPolicy Policy(int unauthorisedSessions) => PolicyEvaluator.Compile(PolicyLoader.LoadFromString($"""
        id: what-if
        version: "{unauthorisedSessions}"
        name: What-if School
        document: {"{"} title: What-if policy {"}"}
        rules:
          - id: unauthorised-letter
            type: session_count
            title: Letter about unauthorised absence
            action: letter
            codes: [O]
            at_least: {unauthorisedSessions}
            window: academic_year
            source: generated
          - id: attendance-letter
            type: attendance_below
            title: Attendance below 50%
            action: letter
            percent: 50
            source: generated
        """));

    // Ten O sessions (Monday 8 to Friday 12 September), then present.
    private static PupilRegister TenSessions => Register("P-ten", "2025-09-08 OO OO OO OO OO /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\");

    // Eight O sessions (Monday 8 to Thursday 11), then present: never reaches 10.
    private static PupilRegister EightSessions => Register("P-eight", "2025-09-08 OO OO OO OO /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\");

    // Twenty O sessions (two whole weeks), then present.
    private static PupilRegister TwentySessions => Register("P-twenty", "2025-09-08 OO OO OO OO OO OO OO OO OO OO /\\ /\\ /\\ /\\ /\\");

    // Present throughout.
    private static PupilRegister Present => Register("P-present", "2025-09-08 /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\ /\\");

    private static PupilRegister Register(string id, string notation) => PupilRegister.Create(id, RegisterNotation.Parse(notation).Marks);

    private static PupilDiff Compare(PupilRegister register, int before, int after) =>
        PolicyComparison.Compare(Policy(before).Evaluate(register, AsOf), Policy(after).Evaluate(register, AsOf));

    [Fact]
    public void A_lower_threshold_moves_the_letter_to_the_day_the_eighth_session_is_reached()
    {
        var diff = Compare(TenSessions, 10, 8);
        var moved = Assert.Single(diff.Moved);
        Assert.Equal("unauthorised-letter", moved.RuleId);
        Assert.Equal(new LocalDate(2025, 9, 12), moved.BeforeDate);
        Assert.Equal(new LocalDate(2025, 9, 11), moved.AfterDate);
        Assert.Equal(-1, moved.Days);
        Assert.Empty(diff.Gained);
        Assert.Empty(diff.Lost);
    }

    [Fact]
    public void A_lower_threshold_gains_a_letter_for_a_pupil_who_never_reached_the_old_one()
    {
        var diff = Compare(EightSessions, 10, 8);
        var gained = Assert.Single(diff.Gained);
        Assert.Equal(("unauthorised-letter", new LocalDate(2025, 9, 11), SessionOfDay.PM), (gained.RuleId, gained.Date, gained.Session));
        Assert.Empty(diff.Moved);
        Assert.Empty(diff.Lost);
    }

    [Fact]
    public void The_same_change_the_other_way_loses_that_letter()
    {
        var diff = Compare(EightSessions, 8, 10);
        var lost = Assert.Single(diff.Lost);
        Assert.Equal(("unauthorised-letter", new LocalDate(2025, 9, 11)), (lost.RuleId, lost.Date));
        Assert.Empty(diff.Gained);
    }

    [Fact]
    public void Repeated_letters_are_paired_in_date_order()
    {
        // Fresh sessions: every 10 under the old policy (Fridays 12 and 19), every 8 under the new
        // (Thursday 11 and Wednesday 17); the attendance letter falls due on the same day under both.
        var diff = Compare(TwentySessions, 10, 8);
        Assert.Equal(
            [(new LocalDate(2025, 9, 12), new LocalDate(2025, 9, 11)), (new LocalDate(2025, 9, 19), new LocalDate(2025, 9, 17))],
            diff.Moved.Select(m => (m.BeforeDate, m.AfterDate)).ToArray());
        Assert.Empty(diff.Gained);
        Assert.Empty(diff.Lost);
        Assert.Equal("attendance-letter", Assert.Single(diff.Unchanged).RuleId);
    }

    [Fact]
    public void The_same_policy_changes_nothing()
    {
        var diff = Compare(TwentySessions, 10, 10);
        Assert.False(diff.HasChanges);
        Assert.Equal(3, diff.Unchanged.Count);
    }

    [Fact]
    public void A_cohort_keeps_the_changed_pupils_in_order_and_totals_each_rule()
    {
        // The attendance letter falls due on the first Monday for every pupil absent that day, under both.
        var diff = PolicyComparison.Compare(Policy(10), Policy(8), [Present, TenSessions, EightSessions, TwentySessions], AsOf);
        Assert.Equal(4, diff.PupilsCompared);
        Assert.Equal(["P-ten", "P-eight", "P-twenty"], diff.Pupils.Select(p => p.PupilId).ToArray());
        Assert.Equal(
            [
                new RuleDiffTotals("attendance-letter", Gained: 0, Lost: 0, Moved: 0, Unchanged: 3, Pupils: 0),
                new RuleDiffTotals("unauthorised-letter", Gained: 1, Lost: 0, Moved: 3, Unchanged: 0, Pupils: 3),
            ],
            diff.Rules.ToArray());
    }

    [Fact]
    public void A_comparison_is_the_same_however_often_it_is_made()
    {
        var registers = new[] { TenSessions, EightSessions, TwentySessions };
        var first = PolicyComparison.Compare(Policy(10), Policy(8), registers, AsOf);
        var second = PolicyComparison.Compare(Policy(10), Policy(8), registers, AsOf);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Evaluations_of_different_pupils_are_refused()
    {
        var policy = Policy(10);
        var e = Assert.Throws<ArgumentException>(() => PolicyComparison.Compare(policy.Evaluate(TenSessions, AsOf), policy.Evaluate(EightSessions, AsOf)));
        Assert.Contains("different pupils (P-ten and P-eight)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluations_as_of_different_dates_are_refused()
    {
        var policy = Policy(10);
        var e = Assert.Throws<ArgumentException>(() => PolicyComparison.Compare(policy.Evaluate(TenSessions, AsOf), policy.Evaluate(TenSessions, AsOf.PlusDays(-1))));
        Assert.Contains("different dates (2025-09-26 and 2025-09-25)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_have_no_setters()
    {
        foreach (var type in new[] { typeof(PupilDiff), typeof(EvaluationDiff), typeof(MovedAction), typeof(RuleDiffTotals) })
        {
            foreach (var property in type.GetProperties())
            {
                Assert.True(property.SetMethod is null || property.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"),
                    $"{type.Name}.{property.Name} has a setter");
            }
        }
    }
}
