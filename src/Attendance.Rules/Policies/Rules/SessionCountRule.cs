namespace Attendance.Rules.Policies.Rules;

/// <summary>Fires when at least N sessions with codes in a set fall within a window.</summary>
public sealed record SessionCountRule : Rule
{
    /// <summary>The codes counted.</summary>
    public required CodeSelection Codes { get; init; }

    /// <summary>The number of sessions that makes a hit.</summary>
    public required int AtLeastSessions { get; init; }

    /// <summary>Which code of a mark counts: its own or the one a reinterpretation makes it count as (the default), or only the recorded one.</summary>
    public CodeReading Reading { get; init; }

    /// <summary>The window counted over.</summary>
    public required CountWindow Window { get; init; }

    /// <inheritdoc />
    public override string TypeName => "session_count";
}
