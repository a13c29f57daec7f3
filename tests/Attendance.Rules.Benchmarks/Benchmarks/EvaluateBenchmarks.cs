using Attendance.Rules.Benchmarks.Cohorts;
using BenchmarkDotNet.Attributes;
using SampleRegisters;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// Whole-year evaluation (2025/26, about 394 session marks a pupil) of each school's generated cohort
/// of 200 pupils, with the school calendar and the arrival times classified by the policy. One
/// operation is one pupil (<see cref="BenchmarkAttribute.OperationsPerInvoke"/>), so Mean is per
/// pupil-year and Allocated is bytes per pupil.
/// </summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks : SchoolParams
{
    private const int Pupils = SampleRegisterGenerator.PupilsPerSchool;

    /// <summary>The engine's evaluation, result included.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pupils)]
    public int Evaluate()
    {
        var actions = 0;
        foreach (var register in Cohort.Registers)
        {
            actions += EnginePaths.Evaluate(Cohort, register);
        }

        return actions;
    }

    private readonly Attendance.Rules.Evaluation.EvaluationBuffer buffer = new();

    /// <summary>The allocation-free overload: the same evaluation into a buffer reused from pupil to pupil (actions due and figures, no evidence text).</summary>
    [Benchmark(OperationsPerInvoke = Pupils)]
    public int EvaluateIntoBuffer()
    {
        var actions = 0;
        foreach (var register in Cohort.Registers)
        {
            actions += EnginePaths.EvaluateIntoBuffer(Cohort, register, buffer);
        }

        return actions;
    }
}
