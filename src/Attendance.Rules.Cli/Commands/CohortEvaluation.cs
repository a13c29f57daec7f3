using System.Globalization;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Commands;

/// <summary>One pupil's evaluation, with the year group the pupils file gave.</summary>
internal sealed record PupilResult(string Pupil, string? YearGroup, PupilEvaluation Evaluation);

/// <summary>What <c>evaluate</c> and <c>explain</c> share: the inputs read and checked, and the evaluation date.</summary>
internal sealed class CohortEvaluation
{
    /// <summary>The rows the error message lists in <c>--strict</c> mode before summarising the rest.</summary>
    private const int MaxListedRows = 20;

    private CohortEvaluation(CompiledPolicy policy, MarksFile marks, PupilsFile pupils, SchoolCalendar? calendar, LocalDate asOf)
    {
        Policy = policy;
        Marks = marks;
        Pupils = pupils;
        Calendar = calendar;
        AsOf = asOf;
    }

    public CompiledPolicy Policy { get; }

    public MarksFile Marks { get; }

    public PupilsFile Pupils { get; }

    public SchoolCalendar? Calendar { get; }

    public LocalDate AsOf { get; }

    /// <summary>Reads the policy, the optional pupils file and calendar, and the marks; applies <c>--strict</c> or <c>--lenient</c>.</summary>
    /// <exception cref="InputException">Any input is unusable (in strict mode, any row).</exception>
    public static CohortEvaluation Load(InputOptions options, TextWriter stderr, Action<double>? readProgress = null)
    {
        var policy = LoadPolicy(options.Policy, stderr, options.Verbose);
        var pupils = options.Pupils is { } pupilsPath ? PupilsFile.Read(pupilsPath, options.Encoding) : PupilsFile.None;
        var calendar = options.Calendar is { } calendarPath ? CalendarFile.Read(calendarPath) : null;
        LocalDate? asOf = null;
        if (options.AsOf is { } asOfText)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                throw new InputException($"--as-of {CsvTable.Quote(asOfText)} is not a date as yyyy-MM-dd");
            }

            if (RegisterDates.Problem(parsed.Value, "--as-of") is { } outside)
            {
                throw new InputException(outside);
            }

            asOf = parsed.Value;
        }

        var codeMap = options.CodeMap is { } codeMapPath ? CodeMapFile.Read(codeMapPath, options.Encoding) : null;
        var marks = MarksFile.Read(options.Marks, pupils.YearGroupOf, policy, readProgress, options.Encoding, pupils.RollOf, codeMap);
        if (options.Verbose && codeMap is not null)
        {
            WriteMappingsUsed(marks, codeMap, stderr);
        }

        var rejected = pupils.Rejected.Concat(marks.Rejected).ToList();
        if (rejected.Count > 0)
        {
            if (!options.Lenient)
            {
                var lines = rejected.Take(MaxListedRows).Select(r => r.ToString()).ToList();
                if (rejected.Count > MaxListedRows)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"… and {rejected.Count - MaxListedRows} more unusable rows"));
                }

                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{rejected.Count} unusable row{(rejected.Count == 1 ? string.Empty : "s")}; nothing was evaluated (--lenient skips unusable rows and lists them)"));
                throw new InputException(lines);
            }

            foreach (var row in rejected)
            {
                stderr.WriteLine(Display.Escape(string.Create(CultureInfo.InvariantCulture, $"{row.Path}:{row.Line}: rejected: {row.Reason}")));
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{marks.Path}: {marks.RowsRead} data rows read, {marks.Rejected.Count} rejected{(pupils.Rejected.Count > 0 ? $"; {options.Pupils}: {pupils.Rejected.Count} rows rejected" : string.Empty)}"));
        }

        if (asOf is null)
        {
            asOf = marks.LastDate ?? throw new InputException(
                $"{marks.Path}: no usable data rows, so there is no last date to evaluate to; give --as-of yyyy-MM-dd to report an empty cohort");
        }

        if (options.Verbose && calendar is not null)
        {
            foreach (var line in CalendarDisagreements.Describe(marks, calendar, asOf.Value))
            {
                stderr.WriteLine(line);
            }
        }

        return new CohortEvaluation(policy, marks, pupils, calendar, asOf.Value);
    }

    /// <summary>For <c>--verbose</c>: each mapping of the code map the marks used, with how many rows it mapped.</summary>
    public static void WriteMappingsUsed(MarksFile marks, CodeMapFile codeMap, TextWriter stderr)
    {
        foreach (var (mapping, rows) in marks.MappingsUsed)
        {
            var from = mapping.ValidFrom is { } d ? string.Create(CultureInfo.InvariantCulture, $" (from {d:yyyy-MM-dd})") : string.Empty;
            stderr.WriteLine(Display.Escape(string.Create(CultureInfo.InvariantCulture,
                $"code map: {mapping.VendorCode} -> {mapping.StatutoryCode}{from}: {rows} row{(rows == 1 ? string.Empty : "s")} of {marks.Path}")));
        }

        var used = marks.MappingsUsed.Count;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"code map: {codeMap.Path}: {used} of {codeMap.Map.Mappings.Count} mapping{(codeMap.Map.Mappings.Count == 1 ? string.Empty : "s")} used, {marks.MappingsUsed.Sum(m => m.Rows)} rows mapped"));
    }

    /// <summary>Loads and compiles a policy; its errors (and warnings) are bad input.</summary>
    /// <exception cref="InputException">The policy has errors.</exception>
    public static CompiledPolicy LoadPolicy(string path, TextWriter stderr, bool verbose)
    {
        var result = PolicyLoader.ReadFile(path);
        if (result.Policy is not { } policy)
        {
            var lines = result.Diagnostics.Select(d => d.ToString()).ToList();
            lines.Add($"{path}: the policy has errors; nothing was evaluated");
            throw new InputException(lines);
        }

        if (verbose)
        {
            foreach (var warning in result.Warnings)
            {
                stderr.WriteLine(warning.ToString());
            }
        }

        return PolicyEvaluator.Compile(policy);
    }

    /// <summary>One pupil's register: their marks, year group and roll from the files.</summary>
    public PupilRegister Register(string pupil) =>
        PupilRegister.Create(pupil, Marks.MarksOf(pupil), YearGroupOf(pupil), Pupils.Roll(pupil));

    /// <summary>Evaluates one pupil of the file.</summary>
    public PupilResult Evaluate(string pupil) =>
        new(pupil, YearGroupOf(pupil), Policy.Evaluate(Register(pupil), AsOf, Calendar));

    private string? YearGroupOf(string pupil) => Pupils.YearGroupOf.TryGetValue(pupil, out var yg) ? yg : null;

    /// <summary>
    /// Evaluates the given pupils and hands each result to <paramref name="write"/> in the order given,
    /// holding at most a batch of results at once (one with one thread), so memory is bounded by a
    /// few pupils' results whatever the cohort's size. With more than one thread a batch is shared
    /// out and written in order, so the output is the same for any thread count (the compiled
    /// policy is immutable and thread-safe).
    /// </summary>
    public void EvaluateInOrder(IReadOnlyList<string> pupils, Action<PupilResult> write, int threads = 1, Action<int>? progress = null)
    {
        threads = Math.Max(1, threads);
        var batch = new PupilResult[threads == 1 ? 1 : threads * 8];
        var done = 0;
        for (var start = 0; start < pupils.Count; start += batch.Length)
        {
            var count = Math.Min(batch.Length, pupils.Count - start);
            if (threads == 1)
            {
                batch[0] = Evaluate(pupils[start]);
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => batch[i] = Evaluate(pupils[start + i]));
            }

            for (var i = 0; i < count; i++)
            {
                write(batch[i]);
                batch[i] = null!;
            }

            done += count;
            progress?.Invoke(done);
        }
    }

    /// <summary>The pupils of the marks file, in the order of their first row.</summary>
    public IReadOnlyList<string> AllPupils => Marks.Pupils;

    /// <summary>The policy's word for an action kind, as in the policy format (<c>data-quality</c>).</summary>
    public static string KindName(ActionKind kind) => kind switch
    {
        ActionKind.Letter => "letter",
        ActionKind.Meeting => "meeting",
        ActionKind.Referral => "referral",
        ActionKind.Notification => "notification",
        ActionKind.Sanction => "sanction",
        ActionKind.Reward => "reward",
        ActionKind.DataQuality => "data-quality",
        ActionKind.Safeguarding => "safeguarding",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>The inputs <c>evaluate</c> and <c>explain</c> take.</summary>
internal sealed record InputOptions(string Policy, string Marks, string? Pupils, string? AsOf, string? Calendar, bool Lenient, bool Verbose, string Encoding = CsvEncoding.Default, string? CodeMap = null);
