namespace Attendance.Rules.Policies.Conditions;

/// <summary>Holds when every one of its conditions holds (<c>all: [...]</c>).</summary>
public sealed record AllCondition : Condition
{
    /// <summary>Creates the condition.</summary>
    /// <param name="conditions">At least one condition.</param>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public AllCondition(ValueList<Condition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count == 0)
        {
            throw new ArgumentException("'all' needs at least one condition", nameof(conditions));
        }

        Conditions = conditions;
    }

    /// <summary>The conditions.</summary>
    public ValueList<Condition> Conditions { get; }
}
