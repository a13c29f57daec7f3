using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ run: [codes] }</c>: the current run of consecutive school days on which both sessions have
/// those codes, in school days. Days the school was closed to the pupil neither break nor lengthen
/// it. It has no window: it is the run up to the point judged.
/// </summary>
/// <param name="Codes">The codes.</param>
/// <param name="Reading">Which code of a mark counts: its own or the one it is reinterpreted as (the default), or only the recorded one.</param>
public sealed record RunMeasure(CodeSelection Codes, CodeReading Reading = CodeReading.Reinterpreted) : Measure
{
    /// <inheritdoc />
    public override bool IsPercentage => false;

    internal override bool UsesWindow => false;

    /// <inheritdoc />
    public override string ToString() => $"consecutive school days of {Codes}{AsRecorded(Reading)}";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("run", "the current run of consecutive school days with these codes (no window)",
            new KeySpec("run", KeyType.Codes, "the codes"), [CodeReadingKey.Spec], typeof(RunMeasure),
            a => new RunMeasure(a.Codes("run"), a.Reading()), m => new SyntaxArgs().Set("run", ((RunMeasure)m).Codes).Reading(((RunMeasure)m).Reading), m => m is RunMeasure),
    ];
}
