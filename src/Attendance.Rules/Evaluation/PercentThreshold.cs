namespace Attendance.Rules.Evaluation;

/// <summary>
/// A percentage threshold as an exact integer ratio, so the per-session comparison is two integer
/// multiplications, not decimal arithmetic: p% = numerator / (100 × scale).
/// </summary>
internal readonly struct PercentThreshold
{
    private readonly long numerator;
    private readonly long scale;
    private readonly decimal percent;

    public PercentThreshold(decimal percent)
    {
        this.percent = percent;
        var bits = decimal.GetBits(percent);
        var places = (bits[3] >> 16) & 0xFF;

        // 0–100 with at most 9 decimal places keeps count × 100 × scale within a long for any register.
        if (percent is >= 0m and <= 100m && places <= 9)
        {
            scale = (long)Math.Pow(10, places);
            numerator = (long)(percent * scale);
        }
    }

    /// <summary>count / total &lt; p%.</summary>
    public bool IsBelow(long count, long total) =>
        scale > 0 ? count * 100 * scale < numerator * total : Percent.IsBelow(count, total, percent);

    /// <summary>count / total ≤ p%.</summary>
    public bool IsAtOrBelow(long count, long total) =>
        scale > 0 ? count * 100 * scale <= numerator * total : count * 100m <= percent * total;

    /// <summary>Below, or to or below where <paramref name="inclusive"/>.</summary>
    public bool Falls(long count, long total, bool inclusive) => inclusive ? IsAtOrBelow(count, total) : IsBelow(count, total);
}
