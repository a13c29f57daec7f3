using System.CommandLine;
using System.Globalization;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Cli.Output;
using Attendance.Rules.Evaluation;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>diff</c>: what if one policy replaced another? Every pupil of a marks file evaluated under
/// both, and per pupil the actions gained, lost and moved, with totals per rule
/// (<see cref="PolicyComparison"/>), as a table or JSON.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var command = new Command("diff", "Compares two policies on the same marks: per pupil the actions the second gains, loses and moves, and totals per rule.");
        var policies = new Option<string[]>("--policy")
        {
            Description = "Give it twice: the current policy (YAML), then the proposed one.",
            Required = true,
            HelpName = "file",
            Arity = ArgumentArity.OneOrMore,
        };
        command.Options.Add(policies);
        var inputs = Options.AddInputsBesidesPolicy(command);
        var format = new Option<string>("--format")
        {
            Description = "table (the default) or json (the contract in docs/cli.md).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var output = Options.Out();
        command.Options.Add(format);
        command.Options.Add(output);
        command.Validators.Add(result =>
        {
            if (result.GetValue(policies) is { Length: not 2 } given)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"--policy must be given exactly twice, the current policy then the proposed one; it was given {given.Length} time{(given.Length == 1 ? string.Empty : "s")}."));
            }
        });
        command.SetAction(result => App.Guard(result, (stdout, stderr, _) =>
        {
            var paths = result.GetRequiredValue(policies);
            return Run(inputs(result, paths[0]), inputs(result, paths[1]), result.GetRequiredValue(format), result.GetValue(output), stdout, stderr);
        }));
        return command;
    }

    private static int Run(InputOptions before, InputOptions after, string format, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        if (outPath is not null)
        {
            OutputFile.CheckNotAnInput(outPath, before.Policy, after.Policy, before.Marks, before.Pupils, before.Calendar);
        }

        // The marks are read under each policy (an arrival with no code takes its policy's
        // registration window); a row either rejects is listed once.
        var firstMessages = new StringWriter(CultureInfo.InvariantCulture);
        var first = CohortEvaluation.Load(before, firstMessages);
        var secondMessages = new StringWriter(CultureInfo.InvariantCulture);
        var second = CohortEvaluation.Load(after with { AsOf = first.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, secondMessages);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines(firstMessages).Concat(Lines(secondMessages)))
        {
            if (seen.Add(line))
            {
                stderr.WriteLine(line);
            }
        }

        var pupils = first.AllPupils.Concat(second.AllPupils.Where(p => !first.Marks.Contains(p))).ToList();
        var diff = PolicyComparison.Combine(pupils.Select(p => PolicyComparison.Compare(first.Evaluate(p).Evaluation, second.Evaluate(p).Evaluation)));
        var report = new DiffReport(first, second, diff);
        void Write(TextWriter writer)
        {
            if (format == "json")
            {
                report.WriteJson(writer);
            }
            else
            {
                report.WriteTable(Consoles.For(writer, writer == stdout && Consoles.IsTerminal(writer)));
            }
        }

        if (outPath is null)
        {
            Write(stdout);
        }
        else
        {
            OutputFile.Write(outPath, Write);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outPath}: {format} for {diff.PupilsCompared} pupil{(diff.PupilsCompared == 1 ? string.Empty : "s")}, {diff.Pupils.Count} with changes"));
        }

        return App.Success;
    }

    private static IEnumerable<string> Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'));
}
