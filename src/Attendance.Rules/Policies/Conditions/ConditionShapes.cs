namespace Attendance.Rules.Policies.Conditions;

/// <summary>Shapes of conditions that the reader and the engine treat alike.</summary>
internal static class ConditionShapes
{
    /// <summary>
    /// One count of sessions reaching a number: its firing is a threshold hit with the sessions
    /// counted, and only it may be <c>repeat: fresh</c> (no session counted twice).
    /// </summary>
    public static bool IsSessionCount(Condition when) =>
        when is Comparison { Measure: CountMeasure or LateMeasure, Operator: ComparisonOperator.AtLeast or ComparisonOperator.MoreThan or ComparisonOperator.AtOrAbove or ComparisonOperator.Above };
}
