using System.Globalization;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Evaluation.Outlook;
using Attendance.Rules.Registers;
using Spectre.Console;

namespace Attendance.Rules.Cli.Output;

/// <summary>The worklist as tables: one per kind of action due, the routine steps, then the watch list.</summary>
internal static class WorklistTable
{
    public static void Write(IAnsiConsole console, CohortEvaluation cohort, Worklist list)
    {
        var policy = cohort.Policy;
        var range = list.From == list.To ? Day(list.From) : $"{Day(list.From)} to {Day(list.To)}";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{policy.Policy.Name} ({policy.Policy.Id} {policy.Version}): worklist for {range}, academic year {AcademicYear.Containing(list.To)}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(cohort.Marks.Path)}: {cohort.Marks.RowsRead} rows read, {cohort.Marks.Rejected.Count} rejected, {list.Pupils} pupil{(list.Pupils == 1 ? string.Empty : "s")}"));
        if (list.Due.Count == 0 && list.Routine.Count == 0)
        {
            console.WriteLine();
            console.WriteLine("No action falls due in the range.");
        }

        foreach (var (kind, actions) in list.Due)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{Heading(kind)}: {actions.Count}"))), Border = TableBorder.Square };
            table.AddColumn("Date");
            table.AddColumn("Pupil");
            table.AddColumn("Year");
            table.AddColumn("Rule");
            table.AddColumn("Action");
            foreach (var a in actions)
            {
                table.AddRow(
                    Markup.Escape($"{Day(a.Action.Date)} {a.Action.Session}"),
                    Text(a.Pupil),
                    Text(a.YearGroup ?? string.Empty),
                    Text(a.Action.Stage is { } s ? string.Create(CultureInfo.InvariantCulture, $"{a.Action.RuleId} stage {s}") : a.Action.RuleId),
                    Text(a.Action.Title));
            }

            console.WriteLine();
            console.Write(table);
        }

        if (list.Routine.Count > 0)
        {
            var table = new Table { Title = new TableTitle("Routine steps"), Border = TableBorder.Square };
            table.AddColumn("Date");
            table.AddColumn("Step");
            table.AddColumn("Kind");
            table.AddColumn(new TableColumn("Pupils").RightAligned());
            foreach (var step in list.Routine)
            {
                table.AddRow(Markup.Escape(Day(step.Date)), Text(step.Title), Markup.Escape(CohortEvaluation.KindName(step.Kind)), step.Pupils.ToString(CultureInfo.InvariantCulture));
            }

            console.WriteLine();
            console.Write(table);
        }

        var watch = new Table
        {
            Title = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Watch list: within {list.Limits.Sessions} session{(list.Limits.Sessions == 1 ? string.Empty : "s")} or {list.Limits.Points} percentage point{(list.Limits.Points == 1 ? string.Empty : "s")} of a line, as of {Day(list.To)}"))),
            Border = TableBorder.Square,
        };
        watch.AddColumn("Pupil");
        watch.AddColumn("Year");
        watch.AddColumn("Line");
        watch.AddColumn(new TableColumn("Sessions").RightAligned());
        watch.AddColumn("How far");
        foreach (var w in list.Watch)
        {
            watch.AddRow(Text(w.Pupil), Text(w.YearGroup ?? string.Empty), Text(LineName(w.Distance)), w.Sessions.ToString(CultureInfo.InvariantCulture), Text(w.Distance.Describe()));
        }

        if (list.Watch.Count == 0)
        {
            watch.Caption = new TableTitle("no pupil is that near a line");
        }

        console.WriteLine();
        console.Write(watch);
    }

    /// <summary>A line's name: the rule (and stage) or indicator and its title, or the national line.</summary>
    public static string LineName(Distance d) => d.Subject switch
    {
        DistanceSubject.PersistentAbsence or DistanceSubject.SevereAbsence => d.Title.ToLowerInvariant(),
        _ when d.StageNumber is { } s => string.Create(CultureInfo.InvariantCulture, $"{d.Id} stage {s}: {d.Title}"),
        _ => $"{d.Id}: {d.Title}",
    };

    private static string Heading(Attendance.Rules.Policies.ActionKind kind) => kind switch
    {
        Attendance.Rules.Policies.ActionKind.DataQuality => "Data quality",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(CohortEvaluation.KindName(kind)),
    };

    private static string Text(string value) => Markup.Escape(Display.Escape(value));

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
