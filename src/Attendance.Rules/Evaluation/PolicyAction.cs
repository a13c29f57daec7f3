using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>Something a policy says should happen, on the day it falls due, with the evidence that made it due.</summary>
public sealed record PolicyAction
{
    /// <summary>The rule (or lateness sanction) that produced it.</summary>
    public required string RuleId { get; init; }

    /// <summary>What kind of action it is.</summary>
    public required ActionKind Kind { get; init; }

    /// <summary>The stage, for a staged rule.</summary>
    public int? Stage { get; init; }

    /// <summary>The title, in the school's words.</summary>
    public required string Title { get; init; }

    /// <summary>The date it falls due.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The session at whose end its condition first held.</summary>
    public required SessionOfDay Session { get; init; }

    /// <summary>The figures and sessions that made it due, as a sentence a person can check.</summary>
    public required string Evidence { get; init; }

    /// <summary>The sessions the evidence counts, where it counts sessions.</summary>
    public ValueList<Session> Sessions { get; init; } = ValueList<Session>.Empty;

    /// <summary>Steps the policy lists after this action without a trigger of their own.</summary>
    public ValueList<FollowUp> FollowUps { get; init; } = ValueList<FollowUp>.Empty;

    /// <summary>Formats as <c>2025-10-03 letter stage 1 'title': evidence</c>.</summary>
    /// <returns>The action on one line.</returns>
    public override string ToString() =>
        $"{Date:yyyy-MM-dd} {Session} {RuleId}{(Stage is { } s ? $" stage {s}" : string.Empty)}: {Title} — {Evidence}";
}
