using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>A count threshold reached: the date, the window, and the sessions counted (each counted in one hit only).</summary>
public sealed record ThresholdHit
{
    /// <summary>The count rule, for example <c>penalty-notice-threshold</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Whether the rule has the role <see cref="Policies.Rules.RuleRole.PenaltyNoticeThreshold"/>: a hit at which a penalty notice must be considered.</summary>
    public bool IsPenaltyNoticeThreshold { get; init; }

    /// <summary>The date the count was reached.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The Monday of the first school week of the window (of the earliest counted session's week for other windows).</summary>
    public required LocalDate FirstWeek { get; init; }

    /// <summary>The Monday of the last school week of the window.</summary>
    public required LocalDate LastWeek { get; init; }

    /// <summary>The sessions counted.</summary>
    public required ValueList<Session> CountedSessions { get; init; }

    /// <summary>How many sessions were counted.</summary>
    public int Sessions => CountedSessions.Count;
}
