using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ since: &lt;action&gt; }</c>: from the school day after that action fell due (this academic year)
/// to the point judged. Before the action, a comparison over it has no value.
/// </summary>
/// <param name="From">The action.</param>
public sealed record SinceWindow(ActionReference From) : Window
{
    /// <inheritdoc />
    public override ActionReference? Anchor => From;

    /// <inheritdoc />
    public override string ToString() => $"since {From}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("since", "from the school day after that action fell due to the point judged",
            new KeySpec("since", KeyType.Reference, "the action"), [], typeof(SinceWindow),
            a => new SinceWindow(a.Reference("since")), w => new SyntaxArgs().Set("since", ((SinceWindow)w).From), w => w is SinceWindow),
    ];
}
