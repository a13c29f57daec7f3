using System.Collections.Concurrent;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Benchmarks.Cohorts;

/// <summary>
/// A stream of many pupils, as a nightly run over many schools reads them: registers produced
/// lazily, one at a time, from a small pool of pre-built registers (so building them is not what is
/// measured), evaluated and dropped. Only a count of actions is kept, so memory stays flat however
/// long the stream.
/// </summary>
public static class PupilStream
{
    /// <summary>The pool's registers in turn, <paramref name="count"/> of them, lazily.</summary>
    public static IEnumerable<PupilRegister> Of(IReadOnlyList<PupilRegister> pool, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return pool[i % pool.Count];
        }
    }

    /// <summary>Evaluates the stream on this thread, into one reused buffer (the allocation-free overload).</summary>
    /// <returns>The number of actions.</returns>
    public static long Evaluate(CompiledPolicy policy, IEnumerable<PupilRegister> stream, LocalDate asOf, SchoolCalendar? calendar, Action<long>? progress = null)
    {
        long actions = 0, pupils = 0;
        var buffer = new EvaluationBuffer();
        foreach (var register in stream)
        {
            actions += policy.Evaluate(register, asOf, buffer, calendar).Actions.Length;
            if (progress is not null && ++pupils % 10_000 == 0)
            {
                progress(pupils);
            }
        }

        return actions;
    }

    /// <summary>Evaluates the stream on every core, a buffer per worker (<see cref="Parallel.ForEach{TSource}(Partitioner{TSource}, Action{TSource})"/> over the lazy stream).</summary>
    /// <returns>The number of actions.</returns>
    public static long EvaluateParallel(CompiledPolicy policy, IEnumerable<PupilRegister> stream, LocalDate asOf, SchoolCalendar? calendar, int? threads = null)
    {
        long actions = 0;
        Parallel.ForEach(
            Partitioner.Create(stream, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount },
            () => (Actions: 0L, Buffer: new EvaluationBuffer()),
            (register, _, local) => (local.Actions + policy.Evaluate(register, asOf, local.Buffer, calendar).Actions.Length, local.Buffer),
            local => Interlocked.Add(ref actions, local.Actions));
        return actions;
    }
}
