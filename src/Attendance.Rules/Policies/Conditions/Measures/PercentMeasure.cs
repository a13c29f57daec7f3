using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>Which percentage of possible sessions a <see cref="PercentMeasure"/> is.</summary>
public enum PercentKind
{
    /// <summary>Present or at an approved educational activity (the DfE's attendance rate).</summary>
    Attendance,

    /// <summary>Authorised and unauthorised absence (the DfE's overall absence rate).</summary>
    Absence,

    /// <summary>Unauthorised absence, as the policy's rules count it (after reinterpretation).</summary>
    Unauthorised,
}

/// <summary><c>attendance</c>, <c>absence</c> or <c>unauthorised</c>: a percentage of the possible sessions in the window.</summary>
/// <param name="Kind">Which percentage.</param>
public sealed record PercentMeasure(PercentKind Kind) : Measure
{
    /// <summary>Attendance %.</summary>
    public static PercentMeasure Attendance { get; } = new(PercentKind.Attendance);

    /// <summary>Absence %.</summary>
    public static PercentMeasure Absence { get; } = new(PercentKind.Absence);

    /// <summary>Unauthorised absence %.</summary>
    public static PercentMeasure Unauthorised { get; } = new(PercentKind.Unauthorised);

    /// <inheritdoc />
    public override bool IsPercentage => true;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PercentKind.Attendance => "attendance",
        PercentKind.Absence => "absence",
        _ => "unauthorised",
    };

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        SyntaxDeclaration.Word("attendance", "% of possible sessions present or at an approved educational activity", Attendance),
        SyntaxDeclaration.Word("absence", "% of possible sessions absent, authorised or not", Absence),
        SyntaxDeclaration.Word("unauthorised", "% of possible sessions of unauthorised absence (after any reinterpretation)", Unauthorised),
    ];
}
