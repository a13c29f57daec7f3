using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attendance.Rules.Tests.Fuzzing;
using FsCheck;
using FsCheck.Xunit;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Mutates a slice of each sample register under samples/data (byte flips, truncation, duplicated,
/// missing and swapped lines, odd Unicode, a BOM, CRLF, tabs, NUL bytes, missing fields, huge
/// numbers, deep brackets) and runs <c>evaluate</c> on it with the school's policy, strict and
/// lenient. Each run must succeed, or exit 2 naming the file (and its row where there is one);
/// never exit 1 (an unexpected exception). In lenient mode every rejected row is listed with its
/// line and reason, and the listed rows are <c>rows_rejected</c>. The number of cases is bounded
/// and the seed fixed; each run is under a generous hang guard, which is not a timing assertion.
/// </summary>
public sealed partial class MarksFuzzTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static readonly string[] Schools =
        ["aycliffe-drive-primary", "hall-green-primary", "laurence-jackson", "stanborough", "willoughby-primary"];

    private static readonly byte[][] Slices = Schools.Select(Slice).ToArray();

    [Fact]
    public void Each_unmutated_slice_evaluates_with_no_rejected_rows()
    {
        for (var i = 0; i < Schools.Length; i++)
        {
            var (result, path) = Evaluate(i, Slices[i], lenient: false);
            Assert.True(result.Exit == 0, $"{Schools[i]}: {result.Stderr}");
            var json = JsonDocument.Parse(result.Stdout).RootElement;
            Assert.Equal(80, json.GetProperty("rows_read").GetInt32());
            Assert.Equal(0, json.GetProperty("rows_rejected").GetInt32());
            File.Delete(path);
        }
    }

    [Property(MaxTest = 120, Replay = "(20261123,3031)")]
    public void A_mutated_register_succeeds_or_exits_2_with_located_messages_in_both_modes(NonNegativeInt school, NonNegativeInt mutator, NonNegativeInt position, int value)
    {
        var index = school.Get % Schools.Length;
        var input = Mutators.Apply(Slices[index], mutator.Get, position.Get, value);
        AssertAnswered(index, input);
    }

    [Theory]
    [MemberData(nameof(EveryMutatorOnEverySchool))]
    public void Each_mutator_on_each_register_succeeds_or_exits_2_with_located_messages(int school, int mutator)
    {
        for (var position = 0; position < 3; position++)
        {
            AssertAnswered(school, Mutators.Apply(Slices[school], mutator, (position * 1013) + school, (position * 7919) + 5));
        }
    }

    public static TheoryData<int, int> EveryMutatorOnEverySchool()
    {
        var data = new TheoryData<int, int>();
        for (var school = 0; school < Schools.Length; school++)
        {
            for (var mutator = 0; mutator < Mutators.Count; mutator++)
            {
                data.Add(school, mutator);
            }
        }

        return data;
    }

    [Fact]
    public void Some_mutated_registers_are_refused_in_strict_mode_and_accepted_in_lenient_mode()
    {
        var strictRefused = 0;
        var lenientAccepted = 0;
        for (var i = 0; i < 20; i++)
        {
            var input = Mutators.Apply(Slices[i % Slices.Length], 3 + (i % 2 == 0 ? 0 : 11), i * 13, i);
            var (strict, strictPath) = Evaluate(i % Slices.Length, input, lenient: false);
            var (lenient, lenientPath) = Evaluate(i % Slices.Length, input, lenient: true);
            File.Delete(strictPath);
            File.Delete(lenientPath);
            strictRefused += strict.Exit == 2 ? 1 : 0;
            lenientAccepted += strict.Exit == 2 && lenient.Exit == 0 ? 1 : 0;
        }

        Assert.True(strictRefused > 0, "no mutated register was refused");
        Assert.True(lenientAccepted > 0, "no refused register was accepted leniently");
    }

    private static void AssertAnswered(int school, byte[] input)
    {
        foreach (var lenient in new[] { false, true })
        {
            var work = Task.Run(() => Evaluate(school, input, lenient));
            Assert.True(work.Wait(HangGuard), $"no answer within the hang guard for {Describe(input)}");
            var (result, path) = work.Result;
            try
            {
                Check(result, path, lenient, input);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static void Check(CliResult result, string path, bool lenient, byte[] input)
    {
        var context = $"{(lenient ? "lenient" : "strict")} run on {Describe(input)}{Environment.NewLine}exit {result.Exit}, stderr:{Environment.NewLine}{result.Stderr}";
        Assert.True(result.Exit is 0 or 2, context);
        Assert.DoesNotContain(" at Attendance", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("attendance-rules: error:", result.Stderr, StringComparison.Ordinal);
        var rejectedLines = result.StderrLines.Where(l => l.Contains(": rejected: ", StringComparison.Ordinal)).ToList();
        if (result.Exit == 0)
        {
            var json = JsonDocument.Parse(result.Stdout).RootElement;
            var read = json.GetProperty("rows_read").GetInt32();
            var rejected = json.GetProperty("rows_rejected").GetInt32();
            Assert.True(read >= rejected, context);
            if (!lenient)
            {
                Assert.True(rejected == 0, context);
            }

            // Every rejected row is listed with its file, line (2 or more: the header is line 1) and reason.
            Assert.True(rejected == rejectedLines.Count, context);
            Assert.All(rejectedLines, l => Assert.Matches(RejectedLine(), l));
            return;
        }

        Assert.Equal(string.Empty, result.Stdout);
        Assert.NotEmpty(result.StderrLines);
        Assert.All(result.StderrLines, line => Assert.True(
            line.StartsWith(path + ":", StringComparison.Ordinal) || Summary().IsMatch(line),
            $"line not naming the file: {line}{Environment.NewLine}{context}"));
        Assert.All(result.StderrLines.Where(l => l.StartsWith(path + ":", StringComparison.Ordinal) && char.IsAsciiDigit(l[path.Length + 1])), line =>
        {
            var row = int.Parse(line[(path.Length + 1)..].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(row >= 1, $"row {row} in {line}");
        });
    }

    private static (CliResult Result, string Path) Evaluate(int school, byte[] input, bool lenient)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fuzz-{Guid.NewGuid():N}-{Schools[school]}.csv");
        File.WriteAllBytes(path, input);
        string[] args = ["evaluate", "--policy", CliRun.RepositoryPolicy(Schools[school] + ".yaml"), "--marks", path, "--format", "json"];
        return (CliRun.Run(lenient ? [.. args, "--lenient"] : args), path);
    }

    /// <summary>The header, the first 40 data rows and 40 from the middle of a school's sample register.</summary>
    private static byte[] Slice(string school)
    {
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(CliRun.RepositoryPolicy("x"))!, "..", "samples", "data", school + ".csv"));
        var middle = lines.Length / 2;
        return Encoding.UTF8.GetBytes(string.Join('\n', [lines[0], .. lines[1..41], .. lines[middle..(middle + 40)]]) + "\n");
    }

    private static string Describe(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        return $"the register ({input.Length} bytes) starting: {(text.Length > 400 ? text[..400] + "…" : text).Replace("\0", "\\0", StringComparison.Ordinal)}";
    }

    [GeneratedRegex(@"^.+\.csv:([2-9]|[1-9][0-9]+): rejected: .+$")]
    private static partial Regex RejectedLine();

    [GeneratedRegex(@"^(… and \d+ more unusable rows|\d+ unusable rows?; nothing was evaluated .*)$")]
    private static partial Regex Summary();
}
