namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// How a comparison compares its measure with its number. Every comparison is exact: counts are
/// integers and percentages are cross-multiplied, never divided. The words are the documents' own:
/// "below 95%", "at or below 90%", "more than 15 days", "at least 10 sessions".
/// </summary>
public enum ComparisonOperator
{
    /// <summary><c>below</c>: strictly less than.</summary>
    Below,

    /// <summary><c>at_or_below</c>: less than or equal.</summary>
    AtOrBelow,

    /// <summary><c>above</c>: strictly greater than.</summary>
    Above,

    /// <summary><c>at_or_above</c>: greater than or equal.</summary>
    AtOrAbove,

    /// <summary><c>at_least</c>: greater than or equal (the word for counts).</summary>
    AtLeast,

    /// <summary><c>more_than</c>: strictly greater than (the word for counts).</summary>
    MoreThan,

    /// <summary><c>at_most</c>: less than or equal (the word for counts).</summary>
    AtMost,

    /// <summary><c>equals</c>: exactly equal.</summary>
    EqualTo,
}
