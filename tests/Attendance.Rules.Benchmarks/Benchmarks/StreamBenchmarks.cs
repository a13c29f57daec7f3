using Attendance.Rules.Benchmarks.Cohorts;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// A stream of one million Laurence Jackson pupil-years (<see cref="PupilStream"/>: registers handed
/// out lazily from the cohort's 200, evaluated with the calendar, results dropped), on one thread and
/// on every core. One operation is one pupil, so Mean is per pupil (pupils/s = 1 s / Mean) and
/// Allocated is bytes per pupil. A single long iteration: this takes minutes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class StreamBenchmarks
{
    /// <summary>Pupils in the stream.</summary>
    public const int Pupils = 1_000_000;

    private SchoolCohort cohort = null!;

    /// <summary>Builds the pool and warms the engine up on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        cohort = SchoolCohort.Load("laurence-jackson");
        PupilStream.Evaluate(cohort.Compiled, cohort.Registers, cohort.AsOf, cohort.Calendar);
    }

    /// <summary>One thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pupils)]
    public long SingleThread() =>
        PupilStream.Evaluate(cohort.Compiled, PupilStream.Of(cohort.Registers, Pupils), cohort.AsOf, cohort.Calendar);

    /// <summary>Every core.</summary>
    [Benchmark(OperationsPerInvoke = Pupils)]
    public long Parallel() =>
        PupilStream.EvaluateParallel(cohort.Compiled, PupilStream.Of(cohort.Registers, Pupils), cohort.AsOf, cohort.Calendar);
}
