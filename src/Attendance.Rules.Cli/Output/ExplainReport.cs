using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// One pupil's timeline, week by week: a line per school week in the compact notation
/// <c>2025-09-08 /\ /\ O\ L\ /\</c> (the Monday, then the AM and PM codes of Monday to Friday,
/// <c>-</c> for no mark), then the actions falling due that week with their evidence and follow-ups.
/// </summary>
internal static class ExplainReport
{
    public static string Write(CohortEvaluation cohort, PupilResult result)
    {
        var e = result.Evaluation;
        var f = e.Figures;
        var policy = cohort.Policy;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        Line(string.Create(CultureInfo.InvariantCulture,
            $"pupil {result.Pupil}{(result.YearGroup is { } yg ? $", year group {yg}" : string.Empty)}; policy {policy.Policy.Id} {policy.Version}; as of {cohort.AsOf:yyyy-MM-dd}"));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"academic year {AcademicYear.Containing(cohort.AsOf)} to {cohort.AsOf:yyyy-MM-dd}: {f.PossibleSessions} possible sessions, {f.AttendedSessions} present ({f.LateSessions} late), {f.AuthorisedAbsenceSessions} authorised and {f.UnauthorisedAbsenceSessions} unauthorised absence; attendance {Percent(f.AttendancePercent)}{Flags(f)}"));
        var hits = e.ThresholdHits.Where(h => h.IsPenaltyNoticeThreshold).ToList();
        Line(hits.Count == 0
            ? "penalty-notice threshold: not reached"
            : string.Create(CultureInfo.InvariantCulture, $"penalty-notice threshold: reached {hits.Count} time{(hits.Count == 1 ? string.Empty : "s")}, on {string.Join(", ", hits.Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"{e.Actions.Count} action{(e.Actions.Count == 1 ? string.Empty : "s")} due; each week: its Monday, then the AM and PM codes of Monday to Friday (- for no mark)"));

        var codes = Codes(e);
        var actionsByWeek = e.Actions.GroupBy(a => Monday(a.Date)).ToDictionary(g => g.Key, g => g.ToList());
        var weeks = new SortedSet<LocalDate>(e.Marks.Select(m => m.WeekStarting));
        weeks.UnionWith(actionsByWeek.Keys);
        foreach (var monday in weeks)
        {
            Line(string.Empty);
            Line(Week(monday, codes));
            if (!actionsByWeek.TryGetValue(monday, out var actions))
            {
                continue;
            }

            foreach (var action in actions)
            {
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"  {action.Date:yyyy-MM-dd} {action.Session}  {CohortEvaluation.KindName(action.Kind)}{(action.Stage is { } s ? $", stage {s}" : string.Empty)}: {action.Title} (rule {action.RuleId})"));
                Line("      evidence: " + action.Evidence);
                foreach (var followUp in action.FollowUps)
                {
                    Line("      follow-up: " + followUp.Title);
                }
            }
        }

        return text.ToString();
    }

    private static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a (no possible sessions)";

    private static string Flags(AttendanceFigures f) =>
        f.IsSevereAbsence ? "; severe and persistent absence" : f.IsPersistentAbsence ? "; persistent absence" : string.Empty;

    /// <summary>The code of each session up to the evaluation date, as the evaluation read it (an arrival without a code shows the code its window gave).</summary>
    private static Dictionary<LocalDate, (string Am, string Pm)> Codes(PupilEvaluation evaluation)
    {
        var codes = new Dictionary<LocalDate, (string Am, string Pm)>();
        foreach (var mark in evaluation.Marks)
        {
            var code = mark.Code.Code;
            var day = codes.TryGetValue(mark.Session.Date, out var d) ? d : ("-", "-");
            codes[mark.Session.Date] = mark.Session.Part == SessionOfDay.AM ? (code, day.Item2) : (day.Item1, code);
        }

        return codes;
    }

    private static string Week(LocalDate monday, Dictionary<LocalDate, (string Am, string Pm)> codes)
    {
        var line = new StringBuilder(monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var weekend = codes.ContainsKey(monday.PlusDays(5)) || codes.ContainsKey(monday.PlusDays(6));
        for (var i = 0; i < (weekend ? 7 : 5); i++)
        {
            var (am, pm) = codes.TryGetValue(monday.PlusDays(i), out var day) ? day : ("-", "-");
            line.Append(' ').Append(am).Append(pm);
        }

        return line.ToString();
    }

    /// <summary>The Monday of an action's date: an action may fall due on a calendar school day with no mark, so its week is not always a mark's.</summary>
    private static LocalDate Monday(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);
}
