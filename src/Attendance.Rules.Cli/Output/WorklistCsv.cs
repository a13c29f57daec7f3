using System.Globalization;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Evaluation.Outlook;
using CsvHelper;

namespace Attendance.Rules.Cli.Output;

/// <summary>The worklist as CSV: one row per action due, routine step and watched line, its <c>section</c> saying which.</summary>
internal static class WorklistCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace };

    public static readonly IReadOnlyList<string> Columns =
    [
        "section", "kind", "date", "session", "pupil", "year_group", "rule", "stage", "title", "pupils",
        "steps", "unit", "due_on", "window_leaves_on", "detail",
    ];

    public static void Write(TextWriter output, Worklist list)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        Row(csv, Columns);
        foreach (var (kind, actions) in list.Due)
        {
            foreach (var a in actions)
            {
                Row(csv, ["due", CohortEvaluation.KindName(kind), Day(a.Action.Date), a.Action.Session.ToString(), a.Pupil, a.YearGroup ?? string.Empty,
                    a.Action.RuleId, Number(a.Action.Stage), a.Action.Title, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, a.Action.Evidence]);
            }
        }

        foreach (var step in list.Routine)
        {
            Row(csv, ["routine", CohortEvaluation.KindName(step.Kind), Day(step.Date), string.Empty, string.Empty, string.Empty, step.RuleId, string.Empty, step.Title,
                step.Pupils.ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
        }

        foreach (var w in list.Watch)
        {
            var d = w.Distance;
            Row(csv, ["watch", d.Action is { } k ? CohortEvaluation.KindName(k) : WorklistJson.Subject(d.Subject), string.Empty, string.Empty, w.Pupil, w.YearGroup ?? string.Empty,
                d.Id, Number(d.StageNumber), d.Title, string.Empty, d.Steps.ToString(CultureInfo.InvariantCulture),
                d.Kind == DistanceKind.SchoolDays ? "school_days" : "sessions", d.DueOn is { } due ? Day(due) : string.Empty,
                d.WindowLeavesOn is { } leaves ? Day(leaves) : string.Empty, d.Describe()]);
        }
    }

    private static void Row(CsvWriter csv, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
