using System.CommandLine;
using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Output;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>report</c>: one self-contained HTML page for a cohort: what is due today and this week, the
/// cohort's weekly attendance, a sortable, filterable cohort table and, per pupil, a chart of
/// year-to-date attendance against the policy's thresholds with the actions marked and a calendar
/// of the year's marks (docs/cli.md).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Writes one self-contained HTML page for the cohort: the actions due today and this week, the cohort's weekly attendance, a sortable, filterable table of every pupil, and per pupil a chart of year-to-date attendance against the policy's thresholds with the actions marked and a calendar of the year's marks.");
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
