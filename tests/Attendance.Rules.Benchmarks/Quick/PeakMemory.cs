using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Cli;

namespace Attendance.Rules.Benchmarks.Quick;

/// <summary>
/// Peak memory of <c>evaluate --format json</c> under the 1,000-rule policy on the shipped sample
/// (samples/data/stanborough.csv), against the target of issue 14: under 1 GB peak. The run is a
/// child process of this program, so its peak is its own and not the quick mode's.
/// </summary>
public static class PeakMemory
{
    /// <summary>The target of issue 14.</summary>
    public const long TargetBytes = 1L << 30;

    private const string ChildArgument = "--peak-child";

    /// <summary>Whether the arguments ask for the child run.</summary>
    public static bool IsChild(string[] args) => args.Length > 0 && args[0] == ChildArgument;

    /// <summary>Runs the child and prints one line with its peak and whether the target is met.</summary>
    /// <returns>The line printed.</returns>
    public static string Run()
    {
        var policy = ThousandRulePolicy.WriteToTemporaryFile();
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            start.ArgumentList.Add(ChildArgument);
            start.ArgumentList.Add(policy);
            start.ArgumentList.Add(Path.Combine(RepositoryFiles.Root, "samples", "data", "stanborough.csv"));
            using var child = Process.Start(start) ?? throw new InvalidOperationException("the child run did not start");
            var error = child.StandardError.ReadToEndAsync();
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var fields = output.Trim().Split(' ');
            if (child.ExitCode != 0 || fields.Length != 3)
            {
                return Line($"rules-1000 stanborough: the child run failed (exit {child.ExitCode}): {output.Trim()} {error.Result.Trim()}");
            }

            var peak = long.Parse(fields[0], CultureInfo.InvariantCulture);
            var written = long.Parse(fields[1], CultureInfo.InvariantCulture);
            var seconds = double.Parse(fields[2], CultureInfo.InvariantCulture);
            return Line($"rules-1000 stanborough: evaluate --format json under a generated 1,000-rule policy, {written / 1e6:N0} M characters written in {seconds:F1} s; " +
                        $"peak memory {peak / (1024.0 * 1024.0):N0} MiB: target under 1 GB peak {(peak < TargetBytes ? "met" : "MISSED")}");
        }
        finally
        {
            File.Delete(policy);
        }
    }

    /// <summary>The child: evaluates and prints its peak resident bytes, the characters written and the seconds taken.</summary>
    /// <returns>The tool's exit code.</returns>
    public static int Child(string[] args)
    {
        var policy = args[1];
        var marks = args[2];
        var output = new CountingWriter();
        var sw = Stopwatch.StartNew();
        var exit = App.Run(["evaluate", "--format", "json", "--policy", policy, "--marks", marks], output, Console.Error);
        sw.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PeakResidentBytes()} {output.Characters} {sw.Elapsed.TotalSeconds:F2}"));
        return exit;
    }

    /// <summary>The process's peak resident set (VmHWM on Linux), else the runtime's peak working set.</summary>
    private static long PeakResidentBytes()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static string Line(string text)
    {
        Console.WriteLine(text);
        return text;
    }

    /// <summary>Counts what is written, keeping none of it.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Characters { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Characters++;

        public override void Write(char[] buffer, int index, int count) => Characters += count;

        public override void Write(string? value) => Characters += value?.Length ?? 0;

        public override void Write(ReadOnlySpan<char> buffer) => Characters += buffer.Length;
    }
}
