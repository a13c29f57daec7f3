using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ change: attendance, since: &lt;action&gt; }</c>: the academic year's attendance now less its value
/// at the end of the school day on which that action fell due, in percentage points. "Declined" is
/// <c>below: 0</c>; "not improved" is <c>at_or_below: 0</c>. It has no value before that action, nor
/// on its own school day. Its window may only be the default or a monitoring period, which then says
/// when it is judged (once, at the period's end).
/// </summary>
/// <param name="Since">The action whose day gives the baseline.</param>
public sealed record ChangeMeasure(ActionReference Since) : Measure
{
    /// <inheritdoc />
    public override bool IsPercentage => true;

    /// <inheritdoc />
    public override decimal Minimum => -100m;

    internal override bool UsesWindow => false;

    /// <inheritdoc />
    public override string ToString() => $"the change in attendance since {Since}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("change", "percentage points of year-to-date attendance gained since the end of an action's school day",
            new KeySpec("change", KeyType.Word, "what changed", Word: "attendance"),
            [new KeySpec("since", KeyType.Reference, "the action whose school day gives the baseline")],
            typeof(ChangeMeasure),
            a => new ChangeMeasure(a.Reference("since")),
            m => new SyntaxArgs().Set("change", "attendance").Set("since", ((ChangeMeasure)m).Since),
            m => m is ChangeMeasure),
    ];
}
