using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>late</c>: sessions with a late arrival in the window: an <c>L</c>, a <c>U</c> that carries an
/// arrival time ("arrived late"), or an arrival the registration window classifies as late.
/// </summary>
public sealed record LateMeasure : Measure
{
    /// <summary>The measure.</summary>
    public static LateMeasure Instance { get; } = new();

    /// <inheritdoc />
    public override bool IsPercentage => false;

    /// <inheritdoc />
    public override string ToString() => "late";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        SyntaxDeclaration.Word("late", "sessions with a late arrival: L, a U with an arrival time, or an arrival classified late", Instance),
    ];
}
