namespace Attendance.Rules.Policies.Conditions;

/// <summary>The comparison operators as written, each with its doc line.</summary>
internal static class OperatorCatalog
{
    public static readonly (string Name, ComparisonOperator Operator, string Symbol, string Doc)[] All =
    [
        ("below", ComparisonOperator.Below, "<", "strictly less than (\"falls below 95%\")"),
        ("at_or_below", ComparisonOperator.AtOrBelow, "≤", "less than or equal (\"90% or below\")"),
        ("above", ComparisonOperator.Above, ">", "strictly greater than (\"over 10%\")"),
        ("at_or_above", ComparisonOperator.AtOrAbove, "≥", "greater than or equal (\"10% or more\")"),
        ("at_least", ComparisonOperator.AtLeast, "≥", "greater than or equal, for counts (\"10 or more sessions\")"),
        ("more_than", ComparisonOperator.MoreThan, ">", "strictly greater than, for counts (\"more than 15 days\")"),
        ("at_most", ComparisonOperator.AtMost, "≤", "less than or equal (\"no lates\": at_most 0)"),
        ("equals", ComparisonOperator.EqualTo, "=", "exactly equal"),
    ];

    public static string Name(ComparisonOperator op) => Array.Find(All, o => o.Operator == op).Name;

    /// <summary>The operator's words in evidence: "below", "at or below"…</summary>
    public static string Words(ComparisonOperator op) => Name(op).Replace('_', ' ');

    public static bool Holds(ComparisonOperator op, int sign) => op switch
    {
        ComparisonOperator.Below => sign < 0,
        ComparisonOperator.AtOrBelow or ComparisonOperator.AtMost => sign <= 0,
        ComparisonOperator.Above or ComparisonOperator.MoreThan => sign > 0,
        ComparisonOperator.AtOrAbove or ComparisonOperator.AtLeast => sign >= 0,
        _ => sign == 0,
    };
}
