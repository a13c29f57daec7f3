using System.Text;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Loading;
using Attendance.Rules.Tests.Fuzzing;
using FsCheck;
using FsCheck.Xunit;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// The calendar reader, the leave request reader and the policy loader, each driven through its
/// file path (the bounded reader included) with generated hostile bytes and with mutated real
/// files. Each input must give a result or the documented refusal: an <see cref="InputException"/>
/// whose every line names the file (calendar, request), or a <see cref="PolicyLoadResult"/> with
/// located errors (policy, which never throws); never another exception. Each input runs under a
/// hang guard (not a timing assertion) and may allocate at most <see cref="MaxAllocated"/> bytes.
/// The number of cases is bounded and the seeds fixed, so every run tries the same inputs.
/// </summary>
public sealed class InputFuzzTests
{
    /// <summary>What one input may allocate: its files are at most a few hundred KB, and the readers' limits are 1 MiB (calendars, requests) and 4 MiB (policies).</summary>
    private const long MaxAllocated = 256L * 1024 * 1024;

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static readonly byte[][] Calendars = new[] { "calendar.yaml", "calendar-overlap.yaml" }.Select(n => File.ReadAllBytes(CliRun.Data(n))).ToArray();

    private static readonly byte[][] Requests = new[] { "leave-holiday.json", "leave-performance.json", "leave-bad.json" }.Select(n => File.ReadAllBytes(CliRun.Data(n))).ToArray();

    private static readonly byte[][] Policies = new[] { "policy.yaml", "policy-errors.yaml", "policy-warnings.yaml" }.Select(n => File.ReadAllBytes(CliRun.Data(n))).ToArray();

    /// <summary>Pieces of hostile input: dates at the ends of the range, NUL, BOMs, lone surrogates, escapes, tags, aliases, deep nesting, long lines, bytes that are not UTF-8.</summary>
    private static readonly byte[][] Fragments =
    [
        .. new[]
        {
            "terms:\n", "  - { start: 2025-09-01, end: 2025-12-19 }\n", "  - start: 0001-01-01\n    end: 9999-12-31\n", "closures:\n  - 2025-10-27\n",
            "  - { start: 2000-01-01, end: 2100-12-31 }\n", "assessment_periods: [", "{\"pupil\": \"P1\", ", "\"type\": \"holiday\", ", "\"first_day\": \"9999-12-31\", ",
            "\"last_day\": \"0001-01-01\", ", "\"requested_on\": \"2025-09-01\"", "\"facts\": [\"in_writing\"]", "\"calendar\": {\"terms\": [{\"start\": \"2025-09-01\", \"end\": \"2025-07-01\"}]}",
            "}", "]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{a: {a: {a: {a: {a: {a: {a: {a: {a: {a: ", "\"\\ud800\"", "\u001b[31m", "\0", "\uFEFF", "\u2028", "\t",
            "&a [x, x]\n", "*a\n", "!!python/object:os.system\n", "id: x\nrules:\n", "  - { id: r, type: attendance_below, percent: 1e400 }\n", "extends: ../../etc/passwd\n",
            "extends: /dev/zero\n", "\"\": \"\"", ":", "- ", "\n", "\r\n", "99999999999999999999999", "-1", "2025-02-30", "null", "~", "'", "\"",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF, 0xFE], [0xC3], [0xE9], [0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        Encoding.UTF8.GetBytes(new string('x', 20_000)),
    ];

    [Property(MaxTest = 150, Replay = "(20261202,1401)")]
    public void A_generated_hostile_calendar_is_read_or_refused_with_an_input_exception(NonNegativeInt[] picks, byte[] noise) =>
        AssertCalendar(Hostile(picks, noise));

    [Property(MaxTest = 150, Replay = "(20261202,1403)")]
    public void A_mutated_calendar_is_read_or_refused_with_an_input_exception(NonNegativeInt seed, NonNegativeInt mutator, NonNegativeInt position, int value) =>
        AssertCalendar(Mutators.Apply(Calendars[seed.Get % Calendars.Length], mutator.Get, position.Get, value));

    [Property(MaxTest = 150, Replay = "(20261202,1405)")]
    public void A_generated_hostile_leave_request_is_read_or_refused_with_an_input_exception(NonNegativeInt[] picks, byte[] noise) =>
        AssertRequest(Hostile(picks, noise));

    [Property(MaxTest = 150, Replay = "(20261202,1407)")]
    public void A_mutated_leave_request_is_read_or_refused_with_an_input_exception(NonNegativeInt seed, NonNegativeInt mutator, NonNegativeInt position, int value) =>
        AssertRequest(Mutators.Apply(Requests[seed.Get % Requests.Length], mutator.Get, position.Get, value));

    [Property(MaxTest = 150, Replay = "(20261202,1409)")]
    public void A_generated_hostile_policy_file_gives_a_policy_or_located_errors(NonNegativeInt[] picks, byte[] noise) =>
        AssertPolicy(Hostile(picks, noise));

    [Property(MaxTest = 100, Replay = "(20261202,1411)")]
    public void A_mutated_policy_file_read_from_its_path_gives_a_policy_or_located_errors(NonNegativeInt seed, NonNegativeInt mutator, NonNegativeInt position, int value) =>
        AssertPolicy(Mutators.Apply(Policies[seed.Get % Policies.Length], mutator.Get, position.Get, value));

    [Fact]
    public void The_generator_reaches_both_outcomes_of_each_reader()
    {
        // Unmutated seeds are read; a lone bad byte is refused: so the properties exercise both paths.
        Assert.Null(Outcome(Calendars[0], ".yaml", path => CalendarFile.Read(path)));
        Assert.Null(Outcome(Requests[0], ".json", path => LeaveRequestFile.Read(path)));
        Assert.IsType<InputException>(Outcome([0xE9], ".yaml", path => CalendarFile.Read(path)));
        Assert.IsType<InputException>(Outcome([0xE9], ".json", path => LeaveRequestFile.Read(path)));
        Assert.IsType<InputException>(Outcome(Calendars[1], ".yaml", path => CalendarFile.Read(path)));
    }

    private static byte[] Hostile(NonNegativeInt[] picks, byte[] noise)
    {
        var bytes = new List<byte>();
        foreach (var pick in picks ?? [])
        {
            bytes.AddRange(Fragments[pick.Get % Fragments.Length]);
        }

        // The generated bytes go in the middle, where they break a structure rather than trail it.
        bytes.InsertRange(bytes.Count / 2, noise ?? []);
        return [.. bytes];
    }

    private static void AssertCalendar(byte[] input)
    {
        var (error, path) = Run(input, ".yaml", p => CalendarFile.Read(p));
        AssertRefusedAsDocumented(error, path, input);
    }

    private static void AssertRequest(byte[] input)
    {
        var (error, path) = Run(input, ".json", p => LeaveRequestFile.Read(p));
        AssertRefusedAsDocumented(error, path, input);
    }

    private static void AssertPolicy(byte[] input)
    {
        PolicyLoadResult? result = null;
        var (error, path) = Run(input, ".yaml", p => result = PolicyLoader.ReadFile(p));
        Assert.True(error is null, $"{error} for {Describe(input)}");
        Assert.NotNull(result);
        if (!result.Succeeded)
        {
            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }

        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1 && d.File.Length > 0, $"{d} for {Describe(input)}"));
    }

    private static void AssertRefusedAsDocumented(Exception? error, string path, byte[] input)
    {
        if (error is null)
        {
            return;
        }

        var refused = Assert.IsType<InputException>(error);
        Assert.All(refused.Lines, line => Assert.True(line.StartsWith(path + ":", StringComparison.Ordinal), $"'{line}' does not name {path}; input {Describe(input)}"));
    }

    /// <summary>Writes the input to a file and reads it on another thread, under the hang guard; the exception it threw, if any, and the file's path.</summary>
    private static (Exception? Error, string Path) Run(byte[] input, string extension, Action<string> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fuzz-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, input);
        try
        {
            var work = Task.Run(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                Exception? error = null;
                try
                {
                    read(path);
                }
                catch (Exception e)
                {
                    error = e;
                }

                return (error, GC.GetAllocatedBytesForCurrentThread() - before);
            });
            Assert.True(work.Wait(HangGuard), $"no answer within the hang guard for {Describe(input)}");
            var (error, allocated) = work.Result;
            Assert.True(allocated <= MaxAllocated, $"{allocated:N0} bytes allocated for {Describe(input)}");
            return (error, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Exception? Outcome(byte[] input, string extension, Action<string> read) => Run(input, extension, read).Error;

    private static string Describe(byte[] input) =>
        $"{input.Length} bytes: {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 64)))}";
}
