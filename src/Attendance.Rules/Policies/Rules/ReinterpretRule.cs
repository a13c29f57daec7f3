namespace Attendance.Rules.Policies.Rules;

/// <summary>
/// From the school day after a stage of a staged rule to the end of that academic year, marks with
/// some codes and without a fact count as another code for this policy's own rules.
/// </summary>
public sealed record ReinterpretRule : Rule
{
    /// <summary>The staged rule's id.</summary>
    public required string AfterRule { get; init; }

    /// <summary>The stage after which it applies.</summary>
    public required int AfterStage { get; init; }

    /// <summary>The codes reinterpreted.</summary>
    public required CodeSelection Codes { get; init; }

    /// <summary>The fact that exempts a mark, for example <c>medical_evidence</c>.</summary>
    public string? UnlessFact { get; init; }

    /// <summary>The code they count as.</summary>
    public required string CountAs { get; init; }

    /// <inheritdoc />
    public override string TypeName => "reinterpret";
}
