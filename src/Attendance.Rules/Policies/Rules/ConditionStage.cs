using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Policies.Rules;

/// <summary>
/// A stage's condition in the language v2: any condition, judged at its own points, after the
/// previous stage (which <c>previous</c> names in its windows and measures).
/// </summary>
/// <param name="When">The condition.</param>
/// <param name="Judged">When it is checked.</param>
public sealed record ConditionStage(Condition When, JudgedPeriod Judged = JudgedPeriod.Day) : StageCondition
{
    /// <inheritdoc />
    public override string TypeName => "condition";
}
