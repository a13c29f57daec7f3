using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary><c>{ days: [codes] }</c>: school days in the window on which both sessions are marked with those codes.</summary>
/// <param name="Codes">The codes.</param>
public sealed record DaysMeasure(CodeSelection Codes) : Measure
{
    /// <inheritdoc />
    public override bool IsPercentage => false;

    /// <inheritdoc />
    public override string ToString() => $"school days of {Codes}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("days", "school days in the window on which both sessions have these codes",
            new KeySpec("days", KeyType.Codes, "the codes"), [], typeof(DaysMeasure),
            a => new DaysMeasure(a.Codes("days")), m => new SyntaxArgs().Set("days", ((DaysMeasure)m).Codes), m => m is DaysMeasure),
    ];
}
