using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// An action falling due, without its evidence text: what <see cref="EvaluationSummary"/> gives
/// without allocating. The full <see cref="PolicyAction"/> comes from <see cref="EvaluationSummary.ToEvaluation"/>.
/// </summary>
/// <param name="RuleId">The rule (or lateness sanction) that raised it.</param>
/// <param name="Kind">What kind of step it is.</param>
/// <param name="Stage">The stage's number, for a staged rule.</param>
/// <param name="Date">The date it falls due.</param>
/// <param name="Session">The session it falls due at.</param>
public readonly record struct DueAction(string RuleId, ActionKind Kind, int? Stage, LocalDate Date, SessionOfDay Session);
