namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// A condition of the policy language v2: a comparison of a measure over a window, or
/// <c>all</c>, <c>any</c> and <c>not</c> over other conditions. The set of kinds is closed.
/// </summary>
public abstract record Condition
{
    private protected Condition()
    {
    }

    /// <summary>Every comparison in this condition, depth first, in the order written.</summary>
    /// <returns>The comparisons.</returns>
    public IEnumerable<Comparison> Comparisons() => this switch
    {
        Comparison c => [c],
        AllCondition a => a.Conditions.SelectMany(x => x.Comparisons()),
        AnyCondition a => a.Conditions.SelectMany(x => x.Comparisons()),
        NotCondition n => n.Condition.Comparisons(),
        _ => [],
    };
}
