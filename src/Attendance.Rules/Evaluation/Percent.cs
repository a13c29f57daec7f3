namespace Attendance.Rules.Evaluation;

/// <summary>
/// Exact percentage arithmetic on session counts. Comparisons cross-multiply, never divide, so
/// 96% of 25 sessions is compared exactly; display values are rounded to 2 places, half away from zero.
/// </summary>
public static class Percent
{
    /// <summary>Whether <paramref name="count"/> / <paramref name="total"/> is strictly below <paramref name="percent"/>%.</summary>
    /// <param name="count">The numerator, for example attended sessions.</param>
    /// <param name="total">The denominator, for example possible sessions; positive.</param>
    /// <param name="percent">The threshold, 0–100.</param>
    /// <returns>True where count × 100 &lt; percent × total.</returns>
    public static bool IsBelow(long count, long total, decimal percent) => count * 100m < percent * total;

    /// <summary>Whether <paramref name="count"/> / <paramref name="total"/> is at least <paramref name="percent"/>%.</summary>
    /// <param name="count">The numerator.</param>
    /// <param name="total">The denominator; positive.</param>
    /// <param name="percent">The threshold, 0–100.</param>
    /// <returns>True where count × 100 ≥ percent × total.</returns>
    public static bool IsAtLeast(long count, long total, decimal percent) => !IsBelow(count, total, percent);

    /// <summary>Whether a/b is strictly less than c/d, for positive b and d.</summary>
    /// <param name="a">First numerator.</param>
    /// <param name="b">First denominator.</param>
    /// <param name="c">Second numerator.</param>
    /// <param name="d">Second denominator.</param>
    /// <returns>True where a × d &lt; c × b.</returns>
    public static bool IsRatioBelow(long a, long b, long c, long d) => a * d < c * b;

    /// <summary>count / total × 100, rounded to 2 places half away from zero; null when total is 0.</summary>
    /// <param name="count">The numerator.</param>
    /// <param name="total">The denominator.</param>
    /// <returns>The percentage, or null.</returns>
    public static decimal? Of(long count, long total) =>
        total == 0 ? null : Math.Round(count * 100m / total, 2, MidpointRounding.AwayFromZero) + 0.00m; // + 0.00m keeps two places: 50.00, not 50

    /// <summary>Formats a percentage for evidence: <c>94.87%</c>.</summary>
    /// <param name="count">The numerator.</param>
    /// <param name="total">The denominator.</param>
    /// <returns>The text, or <c>n/a</c> when total is 0.</returns>
    public static string Format(long count, long total) =>
        Of(count, total) is { } p ? p.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>Validates a percentage parameter.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0–100.</exception>
    public static void Validate(decimal value, string name)
    {
        if (value is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(name, value, $"a percentage is 0–100, got {value}");
        }
    }
}
