using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Evaluation.Outlook;

namespace Attendance.Rules.Cli.Output;

/// <summary>The worklist as JSON (docs/cli.md): snake_case, properties in a fixed order, indented with LF line ends.</summary>
internal static class WorklistJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, CohortEvaluation cohort, Worklist list)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("policy", cohort.Policy.Policy.Id);
            json.WriteString("policy_version", cohort.Policy.Version);
            json.WriteString("from", Day(list.From));
            json.WriteString("to", Day(list.To));
            json.WriteNumber("rows_read", cohort.Marks.RowsRead);
            json.WriteNumber("rows_rejected", cohort.Marks.Rejected.Count);
            json.WriteNumber("pupils", list.Pupils);
            json.WriteStartArray("due");
            foreach (var (kind, actions) in list.Due)
            {
                json.WriteStartObject();
                json.WriteString("kind", CohortEvaluation.KindName(kind));
                json.WriteStartArray("actions");
                foreach (var a in actions)
                {
                    json.WriteStartObject();
                    json.WriteString("date", Day(a.Action.Date));
                    json.WriteString("session", a.Action.Session.ToString());
                    json.WriteString("pupil", a.Pupil);
                    Nullable(json, "year_group", a.YearGroup);
                    json.WriteString("rule", a.Action.RuleId);
                    if (a.Action.Stage is { } stage)
                    {
                        json.WriteNumber("stage", stage);
                    }
                    else
                    {
                        json.WriteNull("stage");
                    }

                    json.WriteString("title", a.Action.Title);
                    json.WriteString("evidence", a.Action.Evidence);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("routine");
            foreach (var step in list.Routine)
            {
                json.WriteStartObject();
                json.WriteString("date", Day(step.Date));
                json.WriteString("rule", step.RuleId);
                json.WriteString("title", step.Title);
                json.WriteString("kind", CohortEvaluation.KindName(step.Kind));
                json.WriteNumber("pupils", step.Pupils);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("watch_limits");
            json.WriteNumber("sessions", list.Limits.Sessions);
            json.WriteNumber("percentage_points", list.Limits.Points);
            json.WriteEndObject();
            json.WriteStartArray("watch");
            foreach (var w in list.Watch)
            {
                WriteWatched(json, w);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    private static void WriteWatched(Utf8JsonWriter json, WatchedLine w)
    {
        var d = w.Distance;
        json.WriteStartObject();
        json.WriteString("pupil", w.Pupil);
        Nullable(json, "year_group", w.YearGroup);
        json.WriteString("line", Subject(d.Subject));
        json.WriteString("id", d.Id);
        if (d.StageNumber is { } stage)
        {
            json.WriteNumber("stage", stage);
        }
        else
        {
            json.WriteNull("stage");
        }

        json.WriteString("title", d.Title);
        Nullable(json, "action", d.Action is { } kind ? CohortEvaluation.KindName(kind) : null);
        json.WriteNumber("steps", d.Steps);
        json.WriteString("unit", d.Kind == DistanceKind.SchoolDays ? "school_days" : "sessions");
        json.WriteString("of", d.Of switch { SessionKind.Absent => "absent", SessionKind.Unauthorised => "unauthorised", SessionKind.Present => "present", _ => "codes" });
        Nullable(json, "code", d.Code);
        json.WriteStartArray("codes");
        if (d.Codes is { } codes)
        {
            foreach (var code in codes.Codes)
            {
                json.WriteStringValue(code);
            }
        }

        json.WriteEndArray();
        Nullable(json, "measure", d.Measure);
        json.WriteBoolean("percentage", d.IsPercentage);
        json.WriteNumber("value", d.Value);
        json.WriteNumber("out_of", d.OutOf);
        json.WriteNumber("threshold", d.Threshold);
        if (w.Points is { } points)
        {
            json.WriteNumber("percentage_points", points);
        }
        else
        {
            json.WriteNull("percentage_points");
        }

        Nullable(json, "due_on", d.DueOn is { } due ? Day(due) : null);
        Nullable(json, "window_leaves_on", d.WindowLeavesOn is { } leaves ? Day(leaves) : null);
        json.WriteString("text", d.Describe());
        json.WriteEndObject();
    }

    /// <summary>The line's kind as the JSON names it.</summary>
    public static string Subject(DistanceSubject subject) => subject switch
    {
        DistanceSubject.Rule => "rule",
        DistanceSubject.Stage => "stage",
        DistanceSubject.Indicator => "indicator",
        DistanceSubject.PersistentAbsence => "persistent_absence",
        _ => "severe_absence",
    };

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
