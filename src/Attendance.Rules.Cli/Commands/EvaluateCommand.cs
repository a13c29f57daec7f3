using System.CommandLine;
using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Output;
using Spectre.Console;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>evaluate</c>: every pupil of a marks file under a policy, as a table per cohort (the default),
/// JSON (the stable contract in docs/cli.md) or CSV (a row per pupil).
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Marks files at least this large get a progress bar on standard error (table output on a terminal only).</summary>
    private const long ProgressBytes = 256 * 1024;

    public static Command Create()
    {
        var command = new Command("evaluate", "Evaluates every pupil in a marks CSV under a policy: figures, flags, penalty-notice threshold hits and actions.");
        var inputs = Options.AddInputs(command);
        var format = new Option<string>("--format")
        {
            Description = "table (the default: a table per cohort), json (the stable contract) or csv (a row per pupil).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json|csv",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var output = new Option<string?>("--out")
        {
            Description = "Write the output to this file instead of standard output.",
            HelpName = "file",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Pupils evaluated at once (default: the number of processors); the output is the same for any number.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "n",
        };
        threads.Validators.Add(r =>
        {
            // Read from the token: a value that is not a number is already a parse error, and asking for it would throw.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                r.AddError("--threads must be at least 1.");
            }
        });
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.SetAction(result => App.Guard(result, (stdout, stderr, _) =>
            Run(inputs(result), result.GetRequiredValue(format), result.GetValue(output), result.GetValue(threads), stdout, stderr)));
        return command;
    }

    private static int Run(InputOptions options, string format, string? outPath, int threads, TextWriter stdout, TextWriter stderr)
    {
        if (outPath is not null)
        {
            OutputFile.CheckNotAnInput(outPath, options.Policy, options.Marks, options.Pupils, options.Calendar);
        }

        var progress = format == "table" && Consoles.IsTerminal(stderr) && new FileInfo(options.Marks) is { Exists: true, Length: >= ProgressBytes };
        CohortEvaluation cohort;
        IReadOnlyList<PupilResult> results;
        if (progress)
        {
            (cohort, results) = WithProgress(options, threads, stderr);
        }
        else
        {
            cohort = CohortEvaluation.Load(options, stderr);
            results = cohort.EvaluateAll(threads: threads);
        }

        string text;
        switch (format)
        {
            case "json":
                text = JsonReport.Write(cohort, results);
                break;
            case "csv":
                text = CsvReport.Write(results);
                break;
            default:
                if (outPath is null)
                {
                    TableReport.Write(Consoles.For(stdout, Consoles.IsTerminal(stdout)), cohort, results);
                    return App.Success;
                }

                using (var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
                {
                    TableReport.Write(Consoles.For(buffer, terminal: false), cohort, results);
                    text = buffer.ToString();
                }

                break;
        }

        if (outPath is null)
        {
            stdout.Write(text);
        }
        else
        {
            OutputFile.Write(outPath, writer => writer.Write(text));
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outPath}: {format} for {results.Count} pupil{(results.Count == 1 ? string.Empty : "s")}"));
        }

        return App.Success;
    }

    private static (CohortEvaluation, IReadOnlyList<PupilResult>) WithProgress(InputOptions options, int threads, TextWriter stderr)
    {
        var console = Consoles.For(stderr, terminal: true);
        CohortEvaluation? cohort = null;
        IReadOnlyList<PupilResult>? results = null;
        var buffered = new StringWriter(CultureInfo.InvariantCulture);
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var reading = context.AddTask("reading marks", maxValue: 1);
                var evaluating = context.AddTask("evaluating pupils", autoStart: false);

                // Messages about rejected rows wait until the bar has gone.
                cohort = CohortEvaluation.Load(options, buffered, fraction => reading.Value = fraction);
                reading.Value = 1;
                evaluating.MaxValue = Math.Max(1, cohort.Marks.Pupils.Count);
                evaluating.StartTask();
                results = cohort.EvaluateAll(done => evaluating.Value = done, threads);
                evaluating.Value = evaluating.MaxValue;
            });
        stderr.Write(buffered.ToString());
        return (cohort!, results!);
    }
}
