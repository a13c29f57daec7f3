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
        var output = Options.Out();
        var threads = Options.Threads();
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
        if (format == "table")
        {
            // A table's widths depend on all its rows, so its cells are collected before it is written.
            var (cohort, content) = progress ? WithProgress(options, threads, stderr) : Collect(options, threads, stderr);
            if (outPath is null)
            {
                TableReport.Write(Consoles.For(stdout, Consoles.IsTerminal(stdout)), cohort, content);
            }
            else
            {
                OutputFile.Write(outPath, writer => TableReport.Write(Consoles.For(writer, terminal: false), cohort, content));
                Written(stderr, outPath, format, content.Pupils);
            }

            return App.Success;
        }

        var loaded = CohortEvaluation.Load(options, stderr);
        void Stream(TextWriter writer)
        {
            if (format == "json")
            {
                JsonReport.Write(writer, loaded, threads);
            }
            else
            {
                CsvReport.Write(writer, loaded, threads);
            }
        }

        if (outPath is null)
        {
            Stream(stdout);
        }
        else
        {
            OutputFile.Write(outPath, Stream);
            Written(stderr, outPath, format, loaded.AllPupils.Count);
        }

        return App.Success;
    }

    private static void Written(TextWriter stderr, string outPath, string format, int pupils) =>
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outPath}: {format} for {pupils} pupil{(pupils == 1 ? string.Empty : "s")}"));

    private static (CohortEvaluation, TableReport.TableContent) Collect(InputOptions options, int threads, TextWriter stderr)
    {
        var cohort = CohortEvaluation.Load(options, stderr);
        return (cohort, TableReport.Collect(cohort, threads));
    }

    private static (CohortEvaluation, TableReport.TableContent) WithProgress(InputOptions options, int threads, TextWriter stderr)
    {
        var console = Consoles.For(stderr, terminal: true);
        CohortEvaluation? cohort = null;
        TableReport.TableContent? content = null;
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
                content = TableReport.Collect(cohort, threads, done => evaluating.Value = done);
                evaluating.Value = evaluating.MaxValue;
            });
        stderr.Write(buffered.ToString());
        return (cohort!, content!);
    }
}
