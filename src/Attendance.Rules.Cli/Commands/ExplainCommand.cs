using System.CommandLine;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Cli.Output;

namespace Attendance.Rules.Cli.Commands;

/// <summary><c>explain</c>: one pupil's timeline week by week, each week's actions with their evidence and follow-ups.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var command = new Command("explain", "Shows one pupil's register week by week in the compact notation (2025-09-08 /\\ /\\ O\\ L\\ /\\), with the actions that fell due each week, their evidence and follow-ups.");
        var inputs = Options.AddInputs(command);
        var pupil = new Option<string>("--pupil")
        {
            Description = "The pupil's id, as in the marks file.",
            Required = true,
            HelpName = "id",
        };
        command.Options.Add(pupil);
        command.SetAction(result => App.Guard(result, (stdout, stderr, _) =>
        {
            var options = inputs(result);
            var id = result.GetRequiredValue(pupil);
            var cohort = CohortEvaluation.Load(options, stderr);
            if (!cohort.Marks.Contains(id))
            {
                throw new InputException($"{options.Marks}: pupil {CsvTable.Quote(id)} has no usable rows in the marks file");
            }

            stdout.Write(ExplainReport.Write(cohort, cohort.Evaluate(id)));
            return App.Success;
        }));
        return command;
    }
}
