using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>punctuality</c>: the sessions attended on time as a percentage of the sessions attended (a
/// session attended late is an <c>L</c>, or an arrival the registration window classifies as late).
/// No value where the pupil attended no session in the window.
/// </summary>
public sealed record PunctualityMeasure : Measure
{
    /// <summary>The measure.</summary>
    public static PunctualityMeasure Instance { get; } = new();

    /// <inheritdoc />
    public override bool IsPercentage => true;

    /// <inheritdoc />
    public override string ToString() => "punctuality";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        SyntaxDeclaration.Word("punctuality", "% of the sessions attended that were attended on time (not late)", Instance),
    ];
}
