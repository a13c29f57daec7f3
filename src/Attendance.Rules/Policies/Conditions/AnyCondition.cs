namespace Attendance.Rules.Policies.Conditions;

/// <summary>Holds when at least one of its conditions holds (<c>any: [...]</c>).</summary>
public sealed record AnyCondition : Condition
{
    /// <summary>Creates the condition.</summary>
    /// <param name="conditions">At least one condition.</param>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public AnyCondition(ValueList<Condition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count == 0)
        {
            throw new ArgumentException("'any' needs at least one condition", nameof(conditions));
        }

        Conditions = conditions;
    }

    /// <summary>The conditions.</summary>
    public ValueList<Condition> Conditions { get; }
}
