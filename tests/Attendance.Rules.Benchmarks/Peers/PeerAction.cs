using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using Attendance.Rules.Tests.Reference;
using NodaTime;

namespace Attendance.Rules.Benchmarks.Peers;

/// <summary>An action as the peers and the engine are compared on: rule, kind, stage, date and session (no evidence text).</summary>
public sealed record PeerAction(string RuleId, ActionKind Kind, int? Stage, LocalDate Date, SessionOfDay Session)
{
    /// <summary>The engine's action.</summary>
    public static PeerAction Of(PolicyAction a) => new(a.RuleId, a.Kind, a.Stage, a.Date, a.Session);

    /// <summary>The reference evaluator's action.</summary>
    public static PeerAction Of(ReferenceAction a) => new(a.RuleId, a.Kind, a.Stage, a.Date, a.Session);

    /// <summary>Formats as <c>2025-10-03 AM rule stage 1 (Letter)</c>.</summary>
    public override string ToString() => $"{Date:yyyy-MM-dd} {Session} {RuleId}{(Stage is { } s ? $" stage {s}" : string.Empty)} ({Kind})";
}
