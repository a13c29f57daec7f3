using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Validation;
using FsCheck.Xunit;

namespace Attendance.Rules.Tests.Validation;

/// <summary>
/// Soundness of "can never hold": for random pairs of comparisons of one measure over one window,
/// whenever the analysis says their <c>all</c> can never hold, no value the measure can take
/// satisfies both (checked by brute force: whole counts 0–300, and every percentage n/d with d up to
/// 60, compared exactly as the engine does, by cross-multiplying).
/// </summary>
public class NeverHoldsProperties
{
    private static readonly ComparisonOperator[] Operators = Enum.GetValues<ComparisonOperator>();

    private static readonly NeverHolds Analysis = new(_ => true);

    private static readonly Measure Count = new CountMeasure(new CodeSelection(null, ValueList.Of("O")));

    [Property(MaxTest = 2000)]
    public bool A_pair_said_never_to_hold_has_no_common_value(byte opA, byte valueA, byte opB, byte valueB, bool percentage)
    {
        var measure = percentage ? (Measure)PercentMeasure.Attendance : Count;
        var a = Make(measure, opA, valueA);
        var b = Make(measure, opB, valueB);
        var never = Analysis.Find(new AllCondition(ValueList.Of<Condition>(a, b))) is not null;

        return !never || !Values(percentage).Any(v => Holds(a, v) && Holds(b, v));
    }

    [Property(MaxTest = 500)]
    public bool A_comparison_said_always_to_hold_holds_for_every_value(byte op, byte value, bool percentage)
    {
        var comparison = Make(percentage ? PercentMeasure.Attendance : Count, op, value);

        return !Analysis.Always(comparison) || Values(percentage).All(v => Holds(comparison, v));
    }

    /// <summary>Values near the interesting ends: 0–110 for counts (whole), 0–100 for percentages, some with halves.</summary>
    private static Comparison Make(Measure measure, byte op, byte value)
    {
        var number = measure.IsPercentage ? (value % 101) + (value > 200 ? 0.5m : 0m) : value % 111;
        return new Comparison(measure, PeriodWindow.Term, Operators[op % Operators.Length], Math.Min(number, measure.Maximum));
    }

    /// <summary>Values as a numerator and denominator: n/1 for counts, n/d ≤ 1 for percentages.</summary>
    private static IEnumerable<(long Num, long Den)> Values(bool percentage) =>
        percentage
            ? Enumerable.Range(1, 60).SelectMany(d => Enumerable.Range(0, d + 1).Select(n => ((long)n, (long)d)))
            : Enumerable.Range(0, 301).Select(n => ((long)n, 1L));

    private static bool Holds(Comparison c, (long Num, long Den) v) =>
        OperatorCatalog.Holds(c.Operator, Math.Sign(c.Measure.IsPercentage ? (v.Num * 100m) - (c.Value * v.Den) : v.Num - c.Value));
}
