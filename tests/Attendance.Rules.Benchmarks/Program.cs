using System.Diagnostics;
using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Benchmarks.Peers;

foreach (var id in SchoolCohort.SchoolIds)
{
    var c = SchoolCohort.Load(id);
    var peer = new RulesEnginePeer(c.Policy);
    var sw = Stopwatch.StartNew();
    var counts = new Dictionary<string, int>();
    var regs = c.CodedRegisters.Where((_, i) => i % 10 == 0).ToArray();
    foreach (var r in regs) foreach (var a in peer.Evaluate(r, c.AsOf).Actions) counts[a.RuleId + a.Stage] = counts.GetValueOrDefault(a.RuleId + a.Stage) + 1;
    Console.WriteLine($"{id}: RulesEngine {sw.Elapsed.TotalMilliseconds / regs.Length:F1} ms/pupil; {string.Join(", ", counts.Select(kv => $"{kv.Key}={kv.Value}"))}; rules {peer.Workflow.Rules.Count()}");
}
