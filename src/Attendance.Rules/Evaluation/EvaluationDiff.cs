using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// What changes for a cohort when one policy replaces another (a "what if"): each pupil's actions
/// gained, lost and moved, and totals per rule. Made by <see cref="PolicyComparison.Combine"/> or
/// <see cref="PolicyComparison.Compare(CompiledPolicy, CompiledPolicy, IEnumerable{Registers.PupilRegister}, NodaTime.LocalDate, Registers.SchoolCalendar?)"/>.
/// </summary>
public sealed record EvaluationDiff
{
    /// <summary>How many pupils were compared.</summary>
    public required int PupilsCompared { get; init; }

    /// <summary>The pupils for whom something differs, in the order they were compared.</summary>
    public required ValueList<PupilDiff> Pupils { get; init; }

    /// <summary>Every rule with an action under either policy, in ordinal order of rule id.</summary>
    public required ValueList<RuleDiffTotals> Rules { get; init; }
}
