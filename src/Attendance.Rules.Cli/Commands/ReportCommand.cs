using System.CommandLine;
using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Output;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>report</c>: one self-contained HTML page for a cohort: the header, a sortable cohort table and,
/// per pupil, a chart of year-to-date attendance week by week against the policy's thresholds with
/// the pupil's actions marked.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Writes one self-contained HTML page for the cohort: a sortable table of every pupil, and per pupil a chart of year-to-date attendance week by week against the policy's thresholds, with the pupil's actions marked.");
        var inputs = Options.AddInputs(command);
        var output = new Option<string>("--out")
        {
            Description = "The HTML file to write, for example report.html.",
            Required = true,
            HelpName = "file",
        };
        command.Options.Add(output);
        command.SetAction(result => App.Guard(result, (_, stderr, _) =>
        {
            var outPath = result.GetRequiredValue(output);
            var options = inputs(result);
            OutputFile.CheckNotAnInput(outPath, options.Policy, options.Marks, options.Pupils, options.Calendar);
            var cohort = CohortEvaluation.Load(options, stderr);
            OutputFile.Write(outPath, writer => HtmlReport.Write(writer, cohort));
            var pupils = cohort.AllPupils.Count;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outPath}: html for {pupils} pupil{(pupils == 1 ? string.Empty : "s")}"));
            return App.Success;
        }));
        return command;
    }
}
