using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Attendance.Rules.Benchmarks.Benchmarks;
using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Benchmarks.Peers;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Benchmarks.Quick;

/// <summary>
/// <c>--quick</c>: one line per measure, in about a minute, in process (see <see cref="Measure"/>).
/// Per school: whole-year evaluation of the 200-pupil cohort (marks/s on one core, bytes per pupil)
/// with the ratio to each peer, measured on a smaller sample of the same registers (codes only, no
/// calendar, the engine timed on exactly that sample); policy load and compile; ClassifyArrival; the
/// one-day advance. Then the stream (10,000 pupils by default, twice each way; <c>--stream-pupils 1000000</c> for the
/// full million) on one thread and on every core. Last, the peak memory of <c>evaluate --format json</c>
/// under a generated 1,000-rule policy on the shipped Stanborough sample, against the target of
/// under 1 GB (<see cref="PeakMemory"/>, about 10 s).
/// </summary>
public static class QuickRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the quick mode.</summary>
    /// <param name="args">The arguments after <c>--quick</c>: <c>--stream-pupils N</c>, <c>--stream-only</c>, <c>--breakdown</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var streamPupils = 10_000;
        var streamOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--stream-only")
            {
                streamOnly = true;
            }
            else if (args[i] == "--breakdown")
            {
                Breakdown(SchoolCohort.Load("laurence-jackson"));
                return 0;
            }
            else if (args[i] == "--stream-pupils" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, Invariant, out var n) && n > 0)
            {
                streamPupils = n;
                i++;
            }
            else
            {
                Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: --quick [--stream-pupils N] [--stream-only | --breakdown]");
                return 2;
            }
        }

        // Numbers print the same on every machine.
        CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = Invariant;
        var total = Stopwatch.StartNew();
        Console.WriteLine(string.Create(Invariant,
            $"quick mode: in process, Stopwatch and allocated bytes on the measuring thread, median of 5 rounds after warm-up; {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC{(Debugger.IsAttached ? ", DEBUGGER ATTACHED" : string.Empty)}"));
        var round = TimeSpan.FromMilliseconds(150);
        SchoolCohort? streamPool = null;
        // Build every cohort first, then run every engine path over each once, so the JIT's churn is
        // over and tiered compilation has moved the hot code on before the first school is measured.
        var buffer = new EvaluationBuffer();
        var cohorts = (streamOnly ? ["laurence-jackson"] : SchoolCohort.SchoolIds).Select(SchoolCohort.Load).ToArray();
        foreach (var cohort in cohorts)
        {
            for (var pass = 0; pass < 3; pass++)
            {
                foreach (var r in cohort.Registers)
                {
                    EnginePaths.Evaluate(cohort, r);
                }

                foreach (var r in cohort.CodedRegisters)
                {
                    EnginePaths.EvaluateCodesOnly(cohort, r);
                    EnginePaths.EvaluateCodesOnlyIntoBuffer(cohort, r, buffer);
                }

                foreach (var r in cohort.Registers)
                {
                    EnginePaths.EvaluateIntoBuffer(cohort, r, buffer);
                }

                PolicyEvaluator.Compile(PolicyLoader.LoadFromString(cohort.PolicyText, cohort.PolicyFileName));
                var s = AdvanceSetup.For(cohort);
                cohort.Compiled.Advance(s.State, s.NextDay, s.Date, cohort.Calendar);
            }
        }

        Thread.Sleep(500);
        foreach (var cohort in cohorts)
        {
            var id = cohort.Id;
            if (id == "laurence-jackson")
            {
                streamPool = cohort;
            }

            if (streamOnly)
            {
                continue;
            }

            var marksPerPupil = cohort.Marks / (double)cohort.Registers.Length;
            // The headline is the allocation-free overload (actions due and figures, as the peers give);
            // the full result, evidence text and all, is on the detail line.
            var evaluate = Measure.PerItem(cohort.Registers, r => EnginePaths.EvaluateIntoBuffer(cohort, r, buffer), round);
            var full = Measure.PerItem(cohort.Registers, r => EnginePaths.Evaluate(cohort, r), round);

            // Peers: each on a sample of the cohort's registers of codes only, the engine timed on exactly that sample.
            var referenceSample = cohort.CodedRegisters.Where((_, i) => i % 50 == 0).ToArray();
            var engineOnReferenceSample = Measure.PerItem(referenceSample, r => EnginePaths.EvaluateCodesOnlyIntoBuffer(cohort, r, buffer), round);
            var reference = Measure.PerItem(referenceSample, r => ReferencePeer.Actions(cohort.Policy, r, cohort.AsOf).Count, TimeSpan.Zero, rounds: 3, warmCalls: 1);
            var rulesEngineSample = cohort.CodedRegisters.Where((_, i) => i % 10 == 0).ToArray();
            var peer = new RulesEnginePeer(cohort.Policy);
            var engineOnRulesEngineSample = Measure.PerItem(rulesEngineSample, r => EnginePaths.EvaluateCodesOnlyIntoBuffer(cohort, r, buffer), round);
            var rulesEngine = Measure.PerItem(rulesEngineSample, r => peer.Evaluate(r, cohort.AsOf).Actions.Count, TimeSpan.Zero, rounds: 3, warmCalls: 20);
            var referenceRatio = reference.Nanoseconds / engineOnReferenceSample.Nanoseconds;
            var rulesEngineRatio = rulesEngine.Nanoseconds / engineOnRulesEngineSample.Nanoseconds;

            Line($"evaluate {id}: {marksPerPupil / evaluate.Nanoseconds * 1e3:F1} M marks/s, {evaluate.Bytes:N0} B/pupil, {referenceRatio:F1}x reference, {rulesEngineRatio:F1}x RulesEngine");
            Line($"  {id} pupil-year: {evaluate.Nanoseconds / 1e3:N1} µs for {marksPerPupil:F0} marks into a buffer (200 pupils, calendar, arrival times); full result with evidence text {full.Nanoseconds / 1e3:N1} µs, {full.Bytes:N0} B/pupil; " +
                 $"codes only, no calendar: engine {engineOnReferenceSample.Nanoseconds / 1e3:N1} µs vs reference {reference.Nanoseconds / 1e6:N1} ms ({referenceSample.Length} pupils), " +
                 $"engine {engineOnRulesEngineSample.Nanoseconds / 1e3:N1} µs vs RulesEngine {rulesEngine.Nanoseconds / 1e6:N2} ms ({rulesEngineSample.Length} pupils; RulesEngine runs {peer.Workflow.Rules.Count()} expressions, the engine all {cohort.Policy.Rules.Count} rules)");

            var load = Measure.PerItem([cohort.PolicyText], text => PolicyEvaluator.Compile(PolicyLoader.LoadFromString(text, cohort.PolicyFileName)).Policy.Rules.Count, round);
            Line($"load {id}: {load.Nanoseconds / 1e6:F2} ms, {load.Bytes / 1024:N0} KiB (load, validate and compile from the YAML text)");

            var arrival = ClassifyArrivalBenchmarks.ArrivalFor(cohort);
            var yearGroup = cohort.School.Secondary ? "7" : "1";
            var table = cohort.Compiled.Registration;
            var classify = Measure.PerItem(Enumerable.Repeat(arrival, 1000).ToArray(), a => (long)table.Classify(SessionOfDay.AM, a, yearGroup, reasonAccepted: false).Status, round);
            Line($"classify-arrival {id}: {classify.Nanoseconds:F1} ns, {classify.Bytes:F0} B (AM arrival at {arrival:HH:mm})");

            var advanceSetup = AdvanceSetup.For(cohort);
            var advance = Measure.PerItem([advanceSetup], s => cohort.Compiled.Advance(s.State, s.NextDay, s.Date, cohort.Calendar).NewActions.Count, round);
            Line($"advance {id}: {advance.Nanoseconds:N0} ns/day, {advance.Bytes:N0} B/day (state fed to school day {AdvanceSetup.Day}, advanced by one day's {advanceSetup.NextDay.Length} marks)");
        }

        Stream(streamPool!, streamPupils);
        if (!streamOnly)
        {
            PeakMemory.Run();
        }

        Line($"quick mode took {total.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static void Stream(SchoolCohort pool, int pupils)
    {
        // Warm up both paths on the pool first, so tiered compilation is done before anything is timed.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            PupilStream.Evaluate(pool.Compiled, pool.Registers, pool.AsOf, pool.Calendar);
            PupilStream.EvaluateParallel(pool.Compiled, pool.Registers, pool.AsOf, pool.Calendar);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long heapPeak = 0;
        var allocated = 0L;
        var single = TimeSpan.MaxValue;
        var parallel = TimeSpan.MaxValue;
        // Two runs of each, alternating; the faster of each counts (this machine's other load only slows a run down).
        for (var run = 0; run < 2; run++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            PupilStream.Evaluate(pool.Compiled, PupilStream.Of(pool.Registers, pupils), pool.AsOf, pool.Calendar, _ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false)));
            single = Min(single, sw.Elapsed);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            sw.Restart();
            PupilStream.EvaluateParallel(pool.Compiled, PupilStream.Of(pool.Registers, pupils), pool.AsOf, pool.Calendar);
            parallel = Min(parallel, sw.Elapsed);
        }

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var singleRate = pupils / single.TotalSeconds;
        var parallelRate = pupils / parallel.TotalSeconds;
        var mib = 1024.0 * 1024.0;
        Line($"stream {pupils:N0} pupils (laurence-jackson, a pool of {pool.Registers.Length}): {singleRate:N0} pupils/s on 1 thread, {parallelRate:N0} pupils/s on {Environment.ProcessorCount} ({parallelRate / singleRate:F2}x), " +
             $"{allocated / (double)pupils:N0} B/pupil allocated, heap {heapBefore / mib:F1} MiB before, at most {heapPeak / mib:F1} MiB during, {heapAfter / mib:F1} MiB after");
        Line($"  at that rate 9 million pupil-years take {9e6 / parallelRate / 60:F1} min on this machine ({pupils * (double)pool.Marks / pool.Registers.Length / single.TotalSeconds / 1e6:F1} M marks/s on 1 thread)");
    }

    /// <summary>
    /// Where a pupil-year's time goes: the policy with no rules (the register's pass, the timeline,
    /// arrivals, figures and lateness sanctions), the condition columns alone (an indicator judged
    /// once), then the rules of one kind only, and of a kind with several, each rule alone with the
    /// measures it reads, into a buffer.
    /// </summary>
    private static void Breakdown(SchoolCohort cohort)
    {
        var round = TimeSpan.FromMilliseconds(300);
        var buffer = new EvaluationBuffer();
        double Time(Policies.Policy policy)
        {
            var compiled = PolicyEvaluator.Compile(policy);
            return Measure.PerItem(cohort.Registers, r => compiled.Evaluate(r, cohort.AsOf, buffer, cohort.Calendar).Actions.Length, round, rounds: 7).Nanoseconds / 1e3;
        }

        var rules = cohort.Policy.Rules;
        Time(cohort.Policy);
        var all = Time(cohort.Policy);
        var none = Time(cohort.Policy with { Rules = Policies.ValueList<Policies.Rules.Rule>.Empty });
        Line($"breakdown {cohort.Id}: {all:N1} µs a pupil-year with all {rules.Count} rules; {none:N1} µs with none (register, timeline, arrivals, figures, sanctions)");
        var indicator = new Policies.Indicator("columns", "columns", new Policies.Conditions.Comparison(Policies.Conditions.PercentMeasure.Attendance, Policies.Conditions.PeriodWindow.AcademicYear, Policies.Conditions.ComparisonOperator.Below, 90m), Policies.ValueList<string>.Empty);
        var columns = Time(cohort.Policy with { Rules = Policies.ValueList<Policies.Rules.Rule>.Empty, Indicators = Policies.ValueList<Policies.Indicator>.From([indicator]) });
        Line($"  the condition columns (an indicator judged once): +{columns - none:N1} µs");
        foreach (var kind in rules.GroupBy(r => r.TypeName))
        {
            var only = Time(cohort.Policy with { Rules = Policies.ValueList<Policies.Rules.Rule>.From(kind) });
            Line($"  {kind.Key} x{kind.Count()}: +{only - none:N1} µs");
            if (kind.Count() > 1)
            {
                foreach (var rule in kind)
                {
                    var one = Time(cohort.Policy with { Rules = Policies.ValueList<Policies.Rules.Rule>.From([rule]) });
                    Line($"    {rule.Id}{Measures(rule)}: +{one - none:N1} µs");
                }
            }
        }
    }

    /// <summary>The measures a rule with <c>when</c> reads, for the breakdown: " (measure over window, …)".</summary>
    private static string Measures(Policies.Rules.Rule rule)
    {
        static IEnumerable<string> Of(Policies.Conditions.Condition c) => c switch
        {
            Policies.Conditions.Comparison x => [$"{x.Measure} over {x.Over}"],
            Policies.Conditions.AllCondition x => x.Conditions.SelectMany(Of),
            Policies.Conditions.AnyCondition x => x.Conditions.SelectMany(Of),
            Policies.Conditions.NotCondition x => Of(x.Condition),
            _ => [],
        };

        return rule is Policies.Rules.ConditionRule r ? $" ({string.Join("; ", Of(r.When).Distinct())}, judged {r.Judged.ToString().ToLowerInvariant()}, {r.Repeat.ToString().ToLowerInvariant()})" : string.Empty;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void Line(string text) => Console.WriteLine(text);
}
