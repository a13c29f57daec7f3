using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Benchmarks.Peers;
using Attendance.Rules.Registers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// The engine beside its peers on the same work: every 20th register of each school's cohort, with
/// codes only (each arrival replaced by its classified code) and no calendar, which is what the
/// reference evaluator reads. RulesEngine evaluates only the rules it can express
/// (<see cref="RulesEngineCoverage"/>); the engine evaluates the whole policy, so its ratio to
/// RulesEngine understates the difference. The equivalence of the actions is tested in
/// <c>tests/Attendance.Rules.Benchmarks.Tests</c>. One operation is one pupil. The reference takes
/// about a tenth of a second a pupil, so the job is short and monitored.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PeerBenchmarks : SchoolParams
{
    /// <summary>Every how many registers of the cohort one is taken.</summary>
    public const int Step = 20;

    private const int Pupils = 200 / Step;

    private PupilRegister[] registers = [];
    private RulesEnginePeer rulesEngine = null!;

    /// <inheritdoc/>
    public override void Setup()
    {
        base.Setup();
        registers = Cohort.CodedRegisters.Where((_, i) => i % Step == 0).ToArray();
        rulesEngine = new RulesEnginePeer(Cohort.Policy);
    }

    /// <summary>The engine on the peers' registers.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pupils)]
    public int Engine()
    {
        var actions = 0;
        foreach (var register in registers)
        {
            actions += EnginePaths.EvaluateCodesOnly(Cohort, register);
        }

        return actions;
    }

    /// <summary>The naive reference evaluator.</summary>
    private readonly Attendance.Rules.Evaluation.EvaluationBuffer buffer = new();

    /// <summary>The engine's allocation-free overload: actions without evidence text, as the peers give them.</summary>
    [Benchmark(OperationsPerInvoke = Pupils)]
    public int EngineIntoBuffer()
    {
        var actions = 0;
        foreach (var register in registers)
        {
            actions += EnginePaths.EvaluateCodesOnlyIntoBuffer(Cohort, register, buffer);
        }

        return actions;
    }

    [Benchmark(OperationsPerInvoke = Pupils)]
    public int Reference()
    {
        var actions = 0;
        foreach (var register in registers)
        {
            actions += ReferencePeer.Actions(Cohort.Policy, register, Cohort.AsOf).Count;
        }

        return actions;
    }

    /// <summary>RulesEngine, as of each session, on the rules it covers.</summary>
    [Benchmark(OperationsPerInvoke = Pupils)]
    public int RulesEngine()
    {
        var actions = 0;
        foreach (var register in registers)
        {
            actions += rulesEngine.Evaluate(register, Cohort.AsOf).Actions.Count;
        }

        return actions;
    }
}
