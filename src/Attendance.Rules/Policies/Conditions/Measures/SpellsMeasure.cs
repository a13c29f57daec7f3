using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ spells: [codes] }</c>: how many separate runs of school days with those codes reach into the
/// window ("multiple periods of illness"); a run already going when the window opens counts.
/// </summary>
/// <param name="Codes">The codes.</param>
/// <param name="Reading">Which code of a mark counts: its own or the one it is reinterpreted as (the default), or only the recorded one.</param>
public sealed record SpellsMeasure(CodeSelection Codes, CodeReading Reading = CodeReading.Reinterpreted) : Measure
{
    /// <inheritdoc />
    public override bool IsPercentage => false;

    /// <inheritdoc />
    public override string ToString() => $"spells of {Codes}{AsRecorded(Reading)}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("spells", "separate runs of school days with these codes that reach into the window",
            new KeySpec("spells", KeyType.Codes, "the codes"), [CodeReadingKey.Spec], typeof(SpellsMeasure),
            a => new SpellsMeasure(a.Codes("spells"), a.Reading()), m => new SyntaxArgs().Set("spells", ((SpellsMeasure)m).Codes).Reading(((SpellsMeasure)m).Reading), m => m is SpellsMeasure),
    ];
}
