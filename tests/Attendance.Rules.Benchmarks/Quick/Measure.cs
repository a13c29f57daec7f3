using System.Diagnostics;

namespace Attendance.Rules.Benchmarks.Quick;

/// <summary>
/// The quick mode's measurement: in process, on this thread, with <see cref="Stopwatch"/> and
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>. It warms the code up (passes until tiered
/// compilation has settled), then times several rounds of whole passes over the items and takes the
/// median time per item; allocation is measured over one pass. Less careful than BenchmarkDotNet
/// (no separate process, no outlier analysis, a few hundred milliseconds a round), good to about ±10%.
/// </summary>
public static class Measure
{
    /// <summary>A measured time and allocation per item.</summary>
    /// <param name="Nanoseconds">Median nanoseconds per item.</param>
    /// <param name="Bytes">Bytes allocated per item on this thread.</param>
    public readonly record struct Result(double Nanoseconds, double Bytes);

    /// <summary>Measures an operation over each item in turn.</summary>
    /// <param name="items">The items (registers, or one item repeated).</param>
    /// <param name="operation">The operation; its result is summed so it is not optimised away.</param>
    /// <param name="roundTime">The least time of one round.</param>
    /// <param name="rounds">The rounds timed.</param>
    /// <param name="warmCalls">The least number of calls before timing, so tiered compilation has reached its optimised code.</param>
    /// <returns>The median time and the allocation per item.</returns>
    public static Result PerItem<T>(IReadOnlyList<T> items, Func<T, long> operation, TimeSpan roundTime, int rounds = 5, int warmCalls = 100)
    {
        long sink = 0;
        var calls = 0;
        var warm = Stopwatch.StartNew();
        do
        {
            sink += Pass(items, operation);
            calls += items.Count;
        }
        while (warm.Elapsed < roundTime * 2 || calls < warmCalls);

        var before = GC.GetAllocatedBytesForCurrentThread();
        sink += Pass(items, operation);
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)items.Count;

        var times = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var n = 0L;
            var sw = Stopwatch.StartNew();
            do
            {
                sink += Pass(items, operation);
                n += items.Count;
            }
            while (sw.Elapsed < roundTime);

            times[r] = sw.Elapsed.TotalNanoseconds / n;
        }

        GC.KeepAlive(sink);
        Array.Sort(times);
        return new Result(times[rounds / 2], bytes);
    }

    private static long Pass<T>(IReadOnlyList<T> items, Func<T, long> operation)
    {
        long sum = 0;
        for (var i = 0; i < items.Count; i++)
        {
            sum += operation(items[i]);
        }

        return sum;
    }
}
