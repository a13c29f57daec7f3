using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using Spectre.Console;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// <c>diff</c>'s output: the totals per rule (in the second policy's rule order, then rules only
/// the first has), then each changed pupil's actions gained, lost and moved. As a table, or JSON
/// (the contract in docs/cli.md: snake_case, fixed property order, invariant formats).
/// </summary>
internal sealed class DiffReport(CohortEvaluation before, CohortEvaluation after, EvaluationDiff diff)
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private IEnumerable<RuleDiffTotals> Rules => diff.Rules
        .OrderBy(r => Display.RuleOrder(after.Policy.Policy, r.RuleId))
        .ThenBy(r => Display.RuleOrder(before.Policy.Policy, r.RuleId))
        .ThenBy(r => r.RuleId, StringComparer.Ordinal);

    private string? YearGroupOf(string pupil) => before.Pupils.YearGroupOf.TryGetValue(pupil, out var yg) ? yg : null;

    public void WriteTable(IAnsiConsole console)
    {
        console.WriteLine(Display.Escape(string.Create(CultureInfo.InvariantCulture,
            $"What if {Name(after)} replaced {Name(before)}: academic year {AcademicYear.Containing(before.AsOf)} to {before.AsOf:yyyy-MM-dd}")));
        console.WriteLine(Display.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{before.Marks.Path}: {before.Marks.RowsRead} rows read, {before.Marks.Rejected.Count} rejected, {diff.PupilsCompared} pupil{(diff.PupilsCompared == 1 ? string.Empty : "s")} compared, {diff.Pupils.Count} with changes")));
        if (diff.Rules.Count == 0)
        {
            return;
        }

        var rules = new Table { Title = new TableTitle("Actions per rule"), Border = TableBorder.Square };
        rules.AddColumn("Rule");
        foreach (var heading in new[] { "Gained", "Lost", "Moved", "Unchanged", "Pupils changed" })
        {
            rules.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var r in Rules)
        {
            rules.AddRow(Cell(r.RuleId), Number(r.Gained), Number(r.Lost), Number(r.Moved), Number(r.Unchanged), Number(r.Pupils));
        }

        console.WriteLine();
        console.Write(rules);
        if (diff.Pupils.Count == 0)
        {
            return;
        }

        var pupils = new Table { Title = new TableTitle("Pupils with changes"), Border = TableBorder.Square };
        foreach (var heading in new[] { "Pupil", "Year", "Change", "Rule", "Stage", "Kind", "Before", "After", "Title" })
        {
            pupils.AddColumn(heading);
        }

        foreach (var pupil in diff.Pupils)
        {
            var rows = pupil.Gained.Select(a => (Date: a.Date, Change: "gained", Action: a, Before: string.Empty, After: When(a.Date, a.Session)))
                .Concat(pupil.Lost.Select(a => (a.Date, Change: "lost", Action: a, Before: When(a.Date, a.Session), After: string.Empty)))
                .Concat(pupil.Moved.Select(m => (Date: LocalDate.Min(m.BeforeDate, m.AfterDate), Change: Moved(m), Action: m.After, Before: When(m.BeforeDate, m.Before.Session), After: When(m.AfterDate, m.After.Session))))
                .OrderBy(r => r.Date);
            var first = true;
            foreach (var row in rows)
            {
                pupils.AddRow(
                    first ? Cell(pupil.PupilId) : string.Empty,
                    first ? Cell(YearGroupOf(pupil.PupilId) ?? string.Empty) : string.Empty,
                    row.Change,
                    Cell(row.Action.RuleId),
                    row.Action.Stage is { } s ? Number(s) : string.Empty,
                    CohortEvaluation.KindName(row.Action.Kind),
                    row.Before,
                    row.After,
                    Cell(row.Action.Title));
                first = false;
            }
        }

        console.WriteLine();
        console.Write(pupils);
    }

    public void WriteJson(TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            WritePolicy(json, "before", before);
            WritePolicy(json, "after", after);
            json.WriteString("as_of", Date(before.AsOf));
            json.WriteNumber("rows_read", before.Marks.RowsRead);
            json.WriteNumber("rows_rejected", before.Marks.Rejected.Count);
            json.WriteNumber("pupils_compared", diff.PupilsCompared);
            json.WriteNumber("pupils_changed", diff.Pupils.Count);
            json.WriteStartArray("rules");
            foreach (var r in Rules)
            {
                json.WriteStartObject();
                json.WriteString("rule", r.RuleId);
                json.WriteNumber("gained", r.Gained);
                json.WriteNumber("lost", r.Lost);
                json.WriteNumber("moved", r.Moved);
                json.WriteNumber("unchanged", r.Unchanged);
                json.WriteNumber("pupils", r.Pupils);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("pupils");
            foreach (var pupil in diff.Pupils)
            {
                json.WriteStartObject();
                json.WriteString("pupil", pupil.PupilId);
                if (YearGroupOf(pupil.PupilId) is { } yearGroup)
                {
                    json.WriteString("year_group", yearGroup);
                }
                else
                {
                    json.WriteNull("year_group");
                }

                WriteActions(json, "gained", pupil.Gained);
                WriteActions(json, "lost", pupil.Lost);
                json.WriteStartArray("moved");
                foreach (var m in pupil.Moved)
                {
                    json.WriteStartObject();
                    json.WriteString("rule", m.RuleId);
                    json.WriteString("kind", CohortEvaluation.KindName(m.Kind));
                    WriteStage(json, m.Stage);
                    json.WriteString("title", m.After.Title);
                    json.WriteString("before_date", Date(m.BeforeDate));
                    json.WriteString("before_session", m.Before.Session.ToString());
                    json.WriteString("after_date", Date(m.AfterDate));
                    json.WriteString("after_session", m.After.Session.ToString());
                    json.WriteNumber("days", m.Days);
                    json.WriteString("evidence", m.After.Evidence);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }

    private static void WritePolicy(Utf8JsonWriter json, string name, CohortEvaluation cohort)
    {
        json.WriteStartObject(name);
        json.WriteString("policy", cohort.Policy.Policy.Id);
        json.WriteString("policy_version", cohort.Policy.Version);
        json.WriteString("name", cohort.Policy.Policy.Name);
        json.WriteEndObject();
    }

    private static void WriteActions(Utf8JsonWriter json, string name, ValueList<PolicyAction> actions)
    {
        json.WriteStartArray(name);
        foreach (var action in actions)
        {
            json.WriteStartObject();
            json.WriteString("date", Date(action.Date));
            json.WriteString("session", action.Session.ToString());
            json.WriteString("rule", action.RuleId);
            json.WriteString("kind", CohortEvaluation.KindName(action.Kind));
            WriteStage(json, action.Stage);
            json.WriteString("title", action.Title);
            json.WriteString("evidence", action.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStage(Utf8JsonWriter json, int? stage)
    {
        if (stage is { } s)
        {
            json.WriteNumber("stage", s);
        }
        else
        {
            json.WriteNull("stage");
        }
    }

    private static string Name(CohortEvaluation cohort) => $"{cohort.Policy.Policy.Id} {cohort.Policy.Version}";

    private static string Moved(MovedAction m) => string.Create(CultureInfo.InvariantCulture, $"moved {(m.Days > 0 ? "+" : string.Empty)}{m.Days}d");

    private static string When(LocalDate date, SessionOfDay session) => string.Create(CultureInfo.InvariantCulture, $"{Date(date)} {session}");

    private static string Cell(string text) => Markup.Escape(Display.Escape(text));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
