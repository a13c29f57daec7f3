using System.Globalization;
using Attendance.Rules.Cli.Commands;
using CsvHelper;

namespace Attendance.Rules.Cli.Output;

/// <summary>The <c>--format csv</c> output: one row per pupil with the figures, flags and action counts.</summary>
internal static class CsvReport
{
    /// <summary>
    /// LF line ends, and a field that starts or ends with a space or tab quoted, as CsvHelper 33 did
    /// by default: the output's bytes stay those of earlier versions (docs/cli.md).
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace };

    public static readonly IReadOnlyList<string> Columns =
    [
        "pupil", "year_group", "possible_sessions", "present_sessions", "authorised_absence_sessions",
        "unauthorised_absence_sessions", "late_sessions", "attendance_percent", "persistent_absence",
        "severe_absence", "penalty_notice_threshold_hits", "actions", "last_action_date", "last_action",
    ];

    /// <summary>Writes the header and a row per pupil, each row written before the next pupil is evaluated.</summary>
    public static void Write(TextWriter output, CohortEvaluation cohort, int threads = 1)
    {
        using (var csv = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            cohort.EvaluateInOrder(cohort.AllPupils, r =>
            {
                var f = r.Evaluation.Figures;
                var last = r.Evaluation.Actions.Count > 0 ? r.Evaluation.Actions[^1] : null;
                csv.WriteField(r.Pupil);
                csv.WriteField(r.YearGroup ?? string.Empty);
                csv.WriteField(Number(f.PossibleSessions));
                csv.WriteField(Number(f.AttendedSessions));
                csv.WriteField(Number(f.AuthorisedAbsenceSessions));
                csv.WriteField(Number(f.UnauthorisedAbsenceSessions));
                csv.WriteField(Number(f.LateSessions));
                csv.WriteField(f.AttendancePercent is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty);
                csv.WriteField(f.IsPersistentAbsence ? "true" : "false");
                csv.WriteField(f.IsSevereAbsence ? "true" : "false");
                csv.WriteField(Number(r.Evaluation.ThresholdHits.Count(h => h.IsPenaltyNoticeThreshold)));
                csv.WriteField(Number(r.Evaluation.Actions.Count));
                csv.WriteField(last is null ? string.Empty : last.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(last?.Title ?? string.Empty);
                csv.EndRecord();
            }, threads);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
