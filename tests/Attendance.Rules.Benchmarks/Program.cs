// The benchmarks of issue #7 (docs/performance.md):
//   dotnet run -c Release --project tests/Attendance.Rules.Benchmarks -- --quick [--stream-pupils N]
//   dotnet run -c Release --project tests/Attendance.Rules.Benchmarks -- --filter '*EvaluateBenchmarks*'
using Attendance.Rules.Benchmarks.Quick;
using BenchmarkDotNet.Running;

if (PeakMemory.IsChild(args))
{
    return PeakMemory.Child(args);
}

if (args.Length > 0 && args[0] == "--quick")
{
    return QuickRun.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args);
return 0;
