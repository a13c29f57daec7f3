using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attendance.Rules.Cli.Commands;
using NodaTime;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// The <c>--format json</c> contract (docs/cli.md): snake_case, properties in a fixed order,
/// invariant formatting, indented with LF line ends, so the same input gives the same bytes.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes the report, ending with a line feed, a pupil at a time: each pupil's JSON is flushed
    /// to <paramref name="output"/> before the next is evaluated, so memory holds one pupil's result.
    /// </summary>
    public static void Write(TextWriter output, CohortEvaluation cohort, int threads = 1)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("policy", cohort.Policy.Policy.Id);
            json.WriteString("policy_version", cohort.Policy.Version);
            json.WriteString("as_of", Date(cohort.AsOf));
            json.WriteNumber("rows_read", cohort.Marks.RowsRead);
            json.WriteNumber("rows_rejected", cohort.Marks.Rejected.Count);
            json.WriteStartArray("pupils");
            cohort.EvaluateInOrder(cohort.AllPupils, result =>
            {
                WritePupil(json, result);
                Drain(json, buffer, output);
            }, threads);
            json.WriteEndArray();
            json.WriteEndObject();
            Drain(json, buffer, output);
        }

        output.Write('\n');
    }

    /// <summary>Moves what the writer holds to the output; the writer flushes whole tokens, so no character is split.</summary>
    private static void Drain(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        json.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }

    private static void WritePupil(Utf8JsonWriter json, PupilResult result)
    {
        var e = result.Evaluation;
        var f = e.Figures;
        json.WriteStartObject();
        json.WriteString("pupil", result.Pupil);
        json.WriteNumber("possible_sessions", f.PossibleSessions);
        json.WriteNumber("present_sessions", f.AttendedSessions);
        json.WriteNumber("authorised_absence_sessions", f.AuthorisedAbsenceSessions);
        json.WriteNumber("unauthorised_absence_sessions", f.UnauthorisedAbsenceSessions);
        json.WriteNumber("late_sessions", f.LateSessions);
        if (f.AttendancePercent is { } percent)
        {
            json.WriteNumber("attendance_percent", percent);
        }
        else
        {
            json.WriteNull("attendance_percent");
        }

        json.WriteBoolean("persistent_absence", f.IsPersistentAbsence);
        json.WriteBoolean("severe_absence", f.IsSevereAbsence);

        // The policy's own indicators beside the national flags; only where it has some, so the
        // contract of a policy without indicators is unchanged.
        if (e.Indicators.Count > 0)
        {
            json.WriteStartObject("indicators");
            foreach (var indicator in e.Indicators)
            {
                json.WriteBoolean(indicator.Id, indicator.Holds);
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("penalty_notice_threshold");
        foreach (var hit in e.ThresholdHits.Where(h => h.IsPenaltyNoticeThreshold))
        {
            json.WriteStartObject();
            json.WriteString("date", Date(hit.Date));
            json.WriteNumber("sessions", hit.Sessions);
            json.WriteString("first_week", Date(hit.FirstWeek));
            json.WriteString("last_week", Date(hit.LastWeek));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("actions");
        foreach (var action in e.Actions)
        {
            json.WriteStartObject();
            json.WriteString("date", Date(action.Date));
            json.WriteString("session", action.Session.ToString());
            json.WriteString("rule", action.RuleId);
            json.WriteString("kind", CohortEvaluation.KindName(action.Kind));
            if (action.Stage is { } stage)
            {
                json.WriteNumber("stage", stage);
            }
            else
            {
                json.WriteNull("stage");
            }

            json.WriteString("title", action.Title);
            json.WriteString("evidence", action.Evidence);
            if (action.FollowUps.Count > 0)
            {
                json.WriteStartArray("follow_ups");
                foreach (var followUp in action.FollowUps)
                {
                    json.WriteStringValue(followUp.Title);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
