using System.Globalization;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Registers;
using Spectre.Console;

namespace Attendance.Rules.Cli.Output;

/// <summary>The default output: a heading, then a table per cohort (year group) with each pupil's figures and actions.</summary>
internal static class TableReport
{
    public static void Write(IAnsiConsole console, CohortEvaluation cohort, IReadOnlyList<PupilResult> results)
    {
        var policy = cohort.Policy;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{policy.Policy.Name} ({policy.Policy.Id} {policy.Version}): academic year {AcademicYear.Containing(cohort.AsOf)} to {cohort.AsOf:yyyy-MM-dd}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cohort.Marks.Path}: {cohort.Marks.RowsRead} rows read, {cohort.Marks.Rejected.Count} rejected, {results.Count} pupil{(results.Count == 1 ? string.Empty : "s")}"));
        if (results.Count == 0)
        {
            return;
        }

        var known = cohort.Pupils.YearGroupOf.Count > 0;
        var cohorts = results
            .GroupBy(r => r.YearGroup)
            .OrderBy(g => g.Key is null ? int.MaxValue : PupilsFile.YearGroups.ToList().IndexOf(g.Key));
        foreach (var group in cohorts)
        {
            var title = group.Key is { } yg ? $"Year group {yg}" : known ? "Year group not given" : "All pupils";
            console.WriteLine();
            console.Write(Table(title, group.ToList()));
        }

        console.WriteLine();
        console.Write(Summary(policy.Policy, results));
    }

    /// <summary>The cohort summary: how many pupils each rule of the policy reached, and how often.</summary>
    private static Table Summary(Attendance.Rules.Policies.Policy policy, IReadOnlyList<PupilResult> results)
    {
        var table = new Table { Title = new TableTitle("Cohort summary"), Border = TableBorder.Square };
        table.AddColumn("Rule");
        table.AddColumn("Kind");
        table.AddColumn(new TableColumn("Pupils").RightAligned());
        table.AddColumn(new TableColumn("Actions").RightAligned());
        var rows = results.SelectMany(r => r.Evaluation.Actions.Select(a => (r.Pupil, Action: a)))
            .GroupBy(x => x.Action.RuleId, StringComparer.Ordinal)
            .Select(g => (Rule: g.Key, Kind: string.Join("/", g.Select(x => x.Action.Kind).Distinct().Order()), Pupils: g.Select(x => x.Pupil).Distinct(StringComparer.Ordinal).Count(), Actions: g.Count()))
            .OrderBy(x => IndexOf(policy, x.Rule)).ThenBy(x => x.Rule, StringComparer.Ordinal);
        foreach (var (rule, kind, pupils, actions) in rows)
        {
            table.AddRow(Markup.Escape(rule), Markup.Escape(kind), pupils.ToString(CultureInfo.InvariantCulture), actions.ToString(CultureInfo.InvariantCulture));
        }

        var persistent = results.Count(r => r.Evaluation.Figures.IsPersistentAbsence);
        var severe = results.Count(r => r.Evaluation.Figures.IsSevereAbsence);
        var hits = results.Sum(r => r.Evaluation.ThresholdHits.Count(h => h.IsPenaltyNoticeThreshold));
        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} pupils: {persistent} persistent absence, {severe} severe absence, {hits} penalty-notice threshold hits")));
        return table;
    }

    private static int IndexOf(Attendance.Rules.Policies.Policy policy, string ruleId)
    {
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            if (policy.Rules[i].Id == ruleId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static Table Table(string title, IReadOnlyList<PupilResult> results)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Square };
        table.AddColumn("Pupil");
        table.AddColumn(new TableColumn("Possible").RightAligned());
        table.AddColumn(new TableColumn("Attendance %").RightAligned());
        table.AddColumn("Flags");
        table.AddColumn(new TableColumn("Actions").RightAligned());
        table.AddColumn("Last action");
        foreach (var r in results)
        {
            var f = r.Evaluation.Figures;
            var flags = new List<string>();
            if (f.IsSevereAbsence)
            {
                flags.Add("severe");
            }

            if (f.IsPersistentAbsence)
            {
                flags.Add("persistent");
            }

            var hits = r.Evaluation.ThresholdHits.Count(h => h.IsPenaltyNoticeThreshold);
            if (hits > 0)
            {
                flags.Add(string.Create(CultureInfo.InvariantCulture, $"penalty-notice threshold ×{hits}"));
            }

            var last = r.Evaluation.Actions.Count > 0 ? r.Evaluation.Actions[^1] : null;
            table.AddRow(
                Markup.Escape(r.Pupil),
                f.PossibleSessions.ToString(CultureInfo.InvariantCulture),
                f.AttendancePercent is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "n/a",
                Markup.Escape(string.Join(", ", flags)),
                r.Evaluation.Actions.Count.ToString(CultureInfo.InvariantCulture),
                last is null ? string.Empty : Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{last.Date:yyyy-MM-dd} {last.Title}")));
        }

        var persistent = results.Count(r => r.Evaluation.Figures.IsPersistentAbsence);
        var severe = results.Count(r => r.Evaluation.Figures.IsSevereAbsence);
        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} pupil{(results.Count == 1 ? string.Empty : "s")}: {persistent} persistent absence, {severe} severe absence")));
        return table;
    }
}
