using Attendance.Rules.Loading.Language;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ count: [codes] }</c>: sessions in the window with those codes (by the mark's own code or the
/// one the policy reinterprets it as), optionally only those with, or without, a fact.
/// </summary>
/// <param name="Codes">The codes counted.</param>
/// <param name="WithFact">Count only marks with this fact.</param>
/// <param name="WithoutFact">Count only marks without this fact (for example <c>M</c> without medical evidence).</param>
/// <param name="Reading">Which code of a mark counts: its own or the one it is reinterpreted as (the default), or only the recorded one.</param>
public sealed record CountMeasure(CodeSelection Codes, MarkFacts? WithFact = null, MarkFacts? WithoutFact = null, CodeReading Reading = CodeReading.Reinterpreted) : Measure
{
    /// <inheritdoc />
    public override bool IsPercentage => false;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Codes.SetName is { } set ? $"{set} sessions ({Codes})" : $"sessions of {Codes}")}{(WithFact is { } w ? $" with {Facts.Name(w)}" : string.Empty)}{(WithoutFact is { } wo ? $" without {Facts.Name(wo)}" : string.Empty)}{AsRecorded(Reading)}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("count", "sessions with these codes in the window",
            new KeySpec("count", KeyType.Codes, "the codes counted"),
            [
                new KeySpec("with_fact", KeyType.Fact, "count only marks recorded with this fact", Required: false),
                new KeySpec("without_fact", KeyType.Fact, "count only marks recorded without this fact", Required: false),
                CodeReadingKey.Spec,
            ],
            typeof(CountMeasure),
            a => new CountMeasure(a.Codes("count"), a.Fact("with_fact"), a.Fact("without_fact"), a.Reading()),
            m => new SyntaxArgs().Set("count", ((CountMeasure)m).Codes).Set("with_fact", ((CountMeasure)m).WithFact).Set("without_fact", ((CountMeasure)m).WithoutFact).Reading(((CountMeasure)m).Reading),
            m => m is CountMeasure),
    ];
}
