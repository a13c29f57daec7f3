using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>What one overnight advance gives: the new state, the whole evaluation, and what is newly due.</summary>
/// <param name="State">The state to keep for the next advance.</param>
/// <param name="Evaluation">The evaluation as of the new date.</param>
/// <param name="NewActions">Actions due now that were not due at the previous advance (some may be dated earlier: a term's reward is known only once the term has ended).</param>
/// <param name="NewThresholdHits">Threshold hits not reported before.</param>
public sealed record IncrementalEvaluation(
    EvaluationState State,
    PupilEvaluation Evaluation,
    ValueList<PolicyAction> NewActions,
    ValueList<ThresholdHit> NewThresholdHits);
