namespace Attendance.Rules.Policies.Rules;

/// <summary>An escalation in stages: each can fall due only after the one before it.</summary>
public sealed record StagedRule : Rule
{
    /// <summary>The stages, numbered 1, 2, 3… in order.</summary>
    public required ValueList<Stage> Stages { get; init; }

    /// <inheritdoc />
    public override string TypeName => "staged";
}
