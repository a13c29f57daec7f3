using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using BenchmarkDotNet.Attributes;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// A policy loaded (parsed, <c>extends</c> resolved from the embedded national base, validated) and
/// compiled from its YAML text, read from disk before the measurement.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks : SchoolParams
{
    /// <summary>Load, validate and compile.</summary>
    [Benchmark]
    public CompiledPolicy LoadAndCompile() =>
        PolicyEvaluator.Compile(PolicyLoader.LoadFromString(Cohort.PolicyText, Cohort.PolicyFileName));
}
