namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// A measure over a window compared with a number: <c>{ measure: attendance, over: term, below: 95 }</c>.
/// A comparison holds only where its measure has a value: a percentage needs possible sessions (at
/// least <see cref="MinPossibleSessions"/>, or the policy's default), a change or a window anchored
/// at an earlier action needs that action.
/// </summary>
public sealed record Comparison : Condition
{
    /// <summary>Creates a comparison.</summary>
    /// <param name="measure">What is measured.</param>
    /// <param name="over">The window it is measured over.</param>
    /// <param name="op">How it is compared.</param>
    /// <param name="value">The number compared with: a percentage (0–100, or −100–100 for a change) or a count.</param>
    /// <param name="minPossibleSessions">For a percentage, the fewest possible sessions in the window for it to count; null for the policy's default.</param>
    /// <exception cref="ArgumentNullException">A measure or window is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the measure's range, or the minimum is negative.</exception>
    public Comparison(Measure measure, Window over, ComparisonOperator op, decimal value, int? minPossibleSessions = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(over);
        if (value < measure.Minimum || value > measure.Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{measure} is compared with a number from {measure.Minimum} to {measure.Maximum}, got {value}");
        }

        if (minPossibleSessions is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minPossibleSessions), minPossibleSessions, "min_possible_sessions is 0 or more");
        }

        Measure = measure;
        Over = over;
        Operator = op;
        Value = value;
        MinPossibleSessions = minPossibleSessions;
    }

    /// <summary>What is measured.</summary>
    public Measure Measure { get; }

    /// <summary>The window.</summary>
    public Window Over { get; }

    /// <summary>How it is compared.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>The number compared with.</summary>
    public decimal Value { get; }

    /// <summary>For a percentage, the fewest possible sessions for the comparison to hold; null for the policy's default.</summary>
    public int? MinPossibleSessions { get; }
}
