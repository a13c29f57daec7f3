using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Benchmarks.Cohorts;

/// <summary>
/// The engine's evaluation paths, one pupil at a time, shared by the BenchmarkDotNet classes and the
/// quick mode so both measure the same call. Each returns the number of actions, so the result is
/// used and nothing is retained. A new path (another overload of the engine, say)
/// is a method here plus one line in <see cref="Benchmarks.EvaluateBenchmarks"/> and one in
/// <see cref="Quick.QuickRun"/>.
/// </summary>
public static class EnginePaths
{
    /// <summary>The whole-year evaluation an MIS runs: arrival times classified by the policy, with the school calendar.</summary>
    public static int Evaluate(SchoolCohort cohort, PupilRegister register) =>
        cohort.Compiled.Evaluate(register, cohort.AsOf, cohort.Calendar).Actions.Count;

    /// <summary>The peers' work: a register of codes only, without a calendar.</summary>
    public static int EvaluateCodesOnly(SchoolCohort cohort, PupilRegister register) =>
        cohort.Compiled.Evaluate(register, cohort.AsOf).Actions.Count;

    /// <summary>The same evaluation into a caller-owned buffer: the actions due (rule, kind, stage, date, session) and the figures, without evidence text or any allocation.</summary>
    public static int EvaluateIntoBuffer(SchoolCohort cohort, PupilRegister register, EvaluationBuffer buffer) =>
        cohort.Compiled.Evaluate(register, cohort.AsOf, buffer, cohort.Calendar).Actions.Length;

    /// <summary>The peers' work into a buffer: the same output as the peers give (actions without evidence text).</summary>
    public static int EvaluateCodesOnlyIntoBuffer(SchoolCohort cohort, PupilRegister register, EvaluationBuffer buffer) =>
        cohort.Compiled.Evaluate(register, cohort.AsOf, buffer).Actions.Length;
}
