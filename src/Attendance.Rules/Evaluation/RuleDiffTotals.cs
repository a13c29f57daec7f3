namespace Attendance.Rules.Evaluation;

/// <summary>One rule's totals in a <see cref="EvaluationDiff"/>: actions gained, lost, moved and unchanged over every pupil compared.</summary>
/// <param name="RuleId">The rule (or lateness sanction).</param>
/// <param name="Gained">Actions only the second policy raises.</param>
/// <param name="Lost">Actions only the first policy raises.</param>
/// <param name="Moved">Actions both raise on a different day or session.</param>
/// <param name="Unchanged">Actions both raise on the same day and session.</param>
/// <param name="Pupils">Pupils with at least one of this rule's actions gained, lost or moved.</param>
public sealed record RuleDiffTotals(string RuleId, int Gained, int Lost, int Moved, int Unchanged, int Pupils);
