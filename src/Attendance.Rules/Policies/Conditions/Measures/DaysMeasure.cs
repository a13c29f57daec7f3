using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary><c>{ days: [codes] }</c>: school days in the window on which both sessions are marked with those codes.</summary>
/// <param name="Codes">The codes.</param>
/// <param name="Reading">Which code of a mark counts: its own or the one it is reinterpreted as (the default), or only the recorded one.</param>
public sealed record DaysMeasure(CodeSelection Codes, CodeReading Reading = CodeReading.Reinterpreted) : Measure
{
    /// <inheritdoc />
    public override bool IsPercentage => false;

    /// <inheritdoc />
    public override string ToString() => $"school days of {Codes}{AsRecorded(Reading)}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("days", "school days in the window on which both sessions have these codes",
            new KeySpec("days", KeyType.Codes, "the codes"), [CodeReadingKey.Spec], typeof(DaysMeasure),
            a => new DaysMeasure(a.Codes("days"), a.Reading()), m => new SyntaxArgs().Set("days", ((DaysMeasure)m).Codes).Reading(((DaysMeasure)m).Reading), m => m is DaysMeasure),
    ];
}
