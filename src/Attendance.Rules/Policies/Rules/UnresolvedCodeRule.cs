namespace Attendance.Rules.Policies.Rules;

/// <summary>Fires when a code is still on the register at the end of the Nth school day after its own.</summary>
public sealed record UnresolvedCodeRule : Rule
{
    /// <summary>The code, for example <c>N</c>.</summary>
    public required string Code { get; init; }

    /// <summary>School days allowed to resolve it.</summary>
    public required int SchoolDays { get; init; }

    /// <inheritdoc />
    public override string TypeName => "unresolved_code";
}
