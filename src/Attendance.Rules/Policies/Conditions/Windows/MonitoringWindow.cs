using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ within: { school_days: N }, after: &lt;action&gt; }</c>: a monitoring period, the N school days after
/// the school day on which that action fell due. A comparison over it is judged once, at the end of
/// the period's last school day; with <c>early: true</c>, at every point inside it (over the period so
/// far), so that it holds as soon as it can. Elsewhere it has no value.
/// </summary>
/// <param name="SchoolDays">The period's length in school days.</param>
/// <param name="After">The action that starts it.</param>
/// <param name="Early">Whether it is judged at every point inside the period.</param>
public sealed record MonitoringWindow(int SchoolDays, ActionReference After, bool Early = false) : Window
{
    /// <inheritdoc />
    public override ActionReference? Anchor => After;

    /// <inheritdoc />
    public override string ToString() => $"the {SchoolDays} school days after {After}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("within", "a monitoring period: the N school days after an action's school day, judged at its end (or, early, as soon as it holds)",
            new KeySpec("within", KeyType.Unit, "the period's length", Min: 1, Max: 1300, Word: "school_days"),
            [
                new KeySpec("after", KeyType.Reference, "the action that starts the period"),
                new KeySpec("early", KeyType.Flag, "judge at every point inside the period, not only at its end", Required: false),
            ],
            typeof(MonitoringWindow),
            a => new MonitoringWindow(a.Count("within"), a.Reference("after"), a.Flag("early")),
            w => new SyntaxArgs().Set("within", ((MonitoringWindow)w).SchoolDays).Set("after", ((MonitoringWindow)w).After).Set("early", ((MonitoringWindow)w).Early ? true : null),
            w => w is MonitoringWindow),
    ];
}
