using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Cli;
using BenchmarkDotNet.Attributes;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// <c>evaluate --format json</c> under the generated 1,000-rule policy on the shipped Stanborough
/// sample, written to a writer that keeps nothing: time and bytes allocated. Peak memory, with the
/// target of under 1 GB, is the quick mode's <c>rules-1000</c> line (see <see cref="Quick.PeakMemory"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ThousandRulesBenchmarks
{
    private string policy = string.Empty;

    private string marks = string.Empty;

    /// <summary>Writes the generated policy.</summary>
    [GlobalSetup]
    public void Setup()
    {
        policy = ThousandRulePolicy.WriteToTemporaryFile();
        marks = Path.Combine(RepositoryFiles.Root, "samples", "data", "stanborough.csv");
    }

    /// <summary>Deletes the generated policy.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(policy);

    /// <summary>The whole command: read, evaluate every pupil, write the JSON.</summary>
    [Benchmark]
    public int EvaluateJson() => App.Run(["evaluate", "--format", "json", "--policy", policy, "--marks", marks], TextWriter.Null, TextWriter.Null);
}
