using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Validation;

/// <summary>
/// The values a comparison admits, as an interval with open or closed ends (null for unbounded), so
/// that comparisons of one measure over one window can be intersected. Counts are whole numbers, so
/// their intervals are tightened to integers before asking whether they are empty.
/// </summary>
internal readonly record struct Interval(decimal? Low, bool LowClosed, decimal? High, bool HighClosed)
{
    /// <summary>The values a comparison holds for.</summary>
    public static Interval Of(ComparisonOperator op, decimal value) => op switch
    {
        ComparisonOperator.Below => new(null, false, value, false),
        ComparisonOperator.AtOrBelow or ComparisonOperator.AtMost => new(null, false, value, true),
        ComparisonOperator.Above or ComparisonOperator.MoreThan => new(value, false, null, false),
        ComparisonOperator.AtOrAbove or ComparisonOperator.AtLeast => new(value, true, null, false),
        _ => new(value, true, value, true),
    };

    /// <summary>The values a measure can take: a percentage its range, a count 0 and up.</summary>
    public static Interval Range(Measure measure) =>
        measure.IsPercentage ? new(measure.Minimum, true, measure.Maximum, true) : new(0m, true, null, false);

    public Interval Intersect(Interval other)
    {
        var (low, lowClosed) = Tighter(Low, LowClosed, other.Low, other.LowClosed, higher: true);
        var (high, highClosed) = Tighter(High, HighClosed, other.High, other.HighClosed, higher: false);
        return new(low, lowClosed, high, highClosed);
    }

    /// <summary>Whether no value (no whole number, where <paramref name="integers"/>) lies in the interval.</summary>
    public bool IsEmpty(bool integers)
    {
        if (Low is not { } low || High is not { } high)
        {
            return false;
        }

        if (integers)
        {
            var first = LowClosed ? decimal.Ceiling(low) : decimal.Floor(low) + 1;
            var last = HighClosed ? decimal.Floor(high) : decimal.Ceiling(high) - 1;
            return first > last;
        }

        return low > high || (low == high && !(LowClosed && HighClosed));
    }

    /// <summary>Whether every value of <paramref name="inner"/> lies in this interval.</summary>
    public bool Contains(Interval inner) => Intersect(inner) == inner;

    private static (decimal? Value, bool Closed) Tighter(decimal? a, bool aClosed, decimal? b, bool bClosed, bool higher)
    {
        if (a is not { } x)
        {
            return (b, bClosed);
        }

        if (b is not { } y)
        {
            return (a, aClosed);
        }

        if (x == y)
        {
            return (x, aClosed && bClosed);
        }

        return (x > y) == higher ? (x, aClosed) : (y, bClosed);
    }
}
