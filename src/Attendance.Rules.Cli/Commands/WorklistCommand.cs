using System.CommandLine;
using System.Globalization;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Cli.Output;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>worklist</c>: what an attendance officer does in a range of days: the actions falling due,
/// by kind (safeguarding first), routine scheduled steps folded into one line each, then the pupils
/// near a line (the library's distances), nearest first. Table, JSON or CSV like <c>evaluate</c>.
/// </summary>
internal static class WorklistCommand
{
    public static Command Create()
    {
        var command = new Command("worklist", "The actions falling due in a range of days, by kind, and the watch list: pupils within a few sessions or a percentage point of a line.");
        var inputs = Options.AddInputs(command);
        var from = new Option<string?>("--from")
        {
            Description = "The first day of the range (yyyy-MM-dd); the range's last day by default.",
            HelpName = "yyyy-MM-dd",
        };
        var to = new Option<string?>("--to")
        {
            Description = "The last day of the range, and the evaluation date (yyyy-MM-dd); --as-of, else the last date in the marks file, by default.",
            HelpName = "yyyy-MM-dd",
        };
        var withinSessions = new Option<int>("--within-sessions")
        {
            Description = "The watch list shows lines at most this many further sessions away (a school day counts two). Default 2.",
            DefaultValueFactory = _ => WatchLimits.Default.Sessions,
            HelpName = "n",
        };
        var withinPoints = new Option<decimal>("--within-points")
        {
            Description = "The watch list also shows percentage lines at most this many percentage points away. Default 1.",
            DefaultValueFactory = _ => WatchLimits.Default.Points,
            HelpName = "points",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (the default), json or csv (a row per action, routine step and watched line).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json|csv",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var output = Options.Out();
        var threads = Options.Threads();
        foreach (var option in new Option[] { from, to, withinSessions, withinPoints, format, output, threads })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (Token(result.GetResult(withinSessions)) is { } n && (!int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sessions) || sessions < 0))
            {
                result.AddError("--within-sessions must be a whole number, 0 or more.");
            }

            if (Token(result.GetResult(withinPoints)) is { } p && (!decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out var points) || points < 0))
            {
                result.AddError("--within-points must be a number, 0 or more.");
            }
        });
        command.SetAction(result => App.Guard(result, (stdout, stderr, _) =>
        {
            var options = inputs(result);
            var range = Range(result.GetValue(from), result.GetValue(to), options.AsOf);
            return Run(
                options with { AsOf = range.To },
                range.From,
                new WatchLimits(result.GetValue(withinSessions), result.GetValue(withinPoints)),
                result.GetRequiredValue(format),
                result.GetValue(output),
                result.GetValue(threads),
                stdout,
                stderr);
        }));
        return command;
    }

    private static string? Token(System.CommandLine.Parsing.OptionResult? r) => r is { Tokens.Count: 1 } ? r.Tokens[0].Value : null;

    /// <summary>The range as given: --to is the evaluation date (it and --as-of must agree where both are given); --from defaults to it.</summary>
    /// <exception cref="InputException">A date is not a date, or the range runs backwards.</exception>
    private static (string? From, string? To) Range(string? from, string? to, string? asOf)
    {
        var last = Date(to, "--to");
        if (last is not null && Date(asOf, "--as-of") is { } evaluation && evaluation != last)
        {
            throw new InputException($"--to {to} and --as-of {asOf} differ; the range ends on the evaluation date, so give one of them");
        }

        var first = Date(from, "--from");
        if (first is not null && (last ?? Date(asOf, "--as-of")) is { } end && first > end)
        {
            throw new InputException($"--from {from} is after the range's last day {end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        return (from, to ?? asOf);
    }

    private static LocalDate? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            throw new InputException($"{option} {CsvTable.Quote(text)} is not a date as yyyy-MM-dd");
        }

        return RegisterDates.Problem(parsed.Value, option) is { } outside ? throw new InputException(outside) : parsed.Value;
    }

    private static int Run(InputOptions options, string? fromText, WatchLimits limits, string format, string? outPath, int threads, TextWriter stdout, TextWriter stderr)
    {
        if (outPath is not null)
        {
            OutputFile.CheckNotAnInput(outPath, options.Policy, options.Marks, options.Pupils, options.Calendar);
        }

        var cohort = CohortEvaluation.Load(options, stderr);
        var from = fromText is null ? cohort.AsOf : Date(fromText, "--from")!.Value;
        if (from > cohort.AsOf)
        {
            throw new InputException($"--from {fromText} is after the range's last day {cohort.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (the last date in {cohort.Marks.Path})");
        }

        var list = Worklist.Collect(cohort, from, limits, threads);
        void Write(TextWriter writer)
        {
            switch (format)
            {
                case "json":
                    WorklistJson.Write(writer, cohort, list);
                    break;
                case "csv":
                    WorklistCsv.Write(writer, list);
                    break;
                default:
                    WorklistTable.Write(Consoles.For(writer, outPath is null && Consoles.IsTerminal(writer)), cohort, list);
                    break;
            }
        }

        if (outPath is null)
        {
            Write(stdout);
        }
        else
        {
            OutputFile.Write(outPath, Write);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outPath}: {format} worklist for {list.Pupils} pupil{(list.Pupils == 1 ? string.Empty : "s")}"));
        }

        return App.Success;
    }
}
