using System.Globalization;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using Spectre.Console;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// The default output: a heading, then a table per cohort (year group) with each pupil's figures
/// and actions, then the cohort summary. Pupils are evaluated a cohort at a time and each result is
/// reduced to its row's cells at once: a table's column widths depend on every row, so the cells of
/// one cohort's table are held, never the pupils' results.
/// </summary>
internal static class TableReport
{
    /// <summary>Evaluates every pupil, a year group at a time, keeping only the table cells and the summary's counts.</summary>
    public static TableContent Collect(CohortEvaluation cohort, int threads = 1, Action<int>? progress = null)
    {
        var known = cohort.Pupils.YearGroupOf.Count > 0;
        var content = new TableContent(cohort.AllPupils.Count);
        var done = 0;

        // The cohorts in the order of their year group (not given last), each in the order of first rows.
        var yearGroups = PupilsFile.YearGroups.ToList();
        var cohorts = cohort.AllPupils
            .GroupBy(p => cohort.Pupils.YearGroupOf.TryGetValue(p, out var yg) ? yg : null)
            .OrderBy(g => g.Key is null ? int.MaxValue : yearGroups.IndexOf(g.Key));
        foreach (var group in cohorts)
        {
            var title = group.Key is { } yg ? $"Year group {yg}" : known ? "Year group not given" : "All pupils";
            var rows = new CohortRows(title);
            var offset = done;
            cohort.EvaluateInOrder(group.ToList(), result =>
            {
                rows.Add(result);
                content.Count(result);
            }, threads, progress is null ? null : n => progress(offset + n));
            done += rows.Rows.Count;
            content.Cohorts.Add(rows);
        }

        return content;
    }

    /// <summary>Writes the heading, the cohorts' tables and the summary.</summary>
    public static void Write(IAnsiConsole console, CohortEvaluation cohort, TableContent content)
    {
        var policy = cohort.Policy;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{policy.Policy.Name} ({policy.Policy.Id} {policy.Version}): academic year {AcademicYear.Containing(cohort.AsOf)} to {cohort.AsOf:yyyy-MM-dd}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cohort.Marks.Path}: {cohort.Marks.RowsRead} rows read, {cohort.Marks.Rejected.Count} rejected, {content.Pupils} pupil{(content.Pupils == 1 ? string.Empty : "s")}"));
        if (content.Pupils == 0)
        {
            return;
        }

        foreach (var rows in content.Cohorts)
        {
            console.WriteLine();
            console.Write(Table(rows));
        }

        console.WriteLine();
        console.Write(Summary(policy.Policy, content));
    }

    /// <summary>The cohort summary: how many pupils each rule of the policy reached, and how often.</summary>
    private static Table Summary(Policy policy, TableContent content)
    {
        var table = new Table { Title = new TableTitle("Cohort summary"), Border = TableBorder.Square };
        table.AddColumn("Rule");
        table.AddColumn("Kind");
        table.AddColumn(new TableColumn("Pupils").RightAligned());
        table.AddColumn(new TableColumn("Actions").RightAligned());
        var rows = content.Rules
            .Select(r => (Rule: r.Key, Kind: string.Join("/", r.Value.Kinds), r.Value.Pupils, r.Value.Actions))
            .OrderBy(x => Display.RuleOrder(policy, x.Rule)).ThenBy(x => x.Rule, StringComparer.Ordinal);
        foreach (var (rule, kind, pupils, actions) in rows)
        {
            table.AddRow(Markup.Escape(Display.Escape(rule)), Markup.Escape(kind), pupils.ToString(CultureInfo.InvariantCulture), actions.ToString(CultureInfo.InvariantCulture));
        }

        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{content.Pupils} pupils: {content.Persistent} persistent absence, {content.Severe} severe absence, {content.Hits} penalty-notice threshold hits")));
        return table;
    }


    private static Table Table(CohortRows rows)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(rows.Title)), Border = TableBorder.Square };
        table.AddColumn("Pupil");
        table.AddColumn(new TableColumn("Possible").RightAligned());
        table.AddColumn(new TableColumn("Attendance %").RightAligned());
        table.AddColumn("Flags");
        table.AddColumn(new TableColumn("Actions").RightAligned());
        table.AddColumn("Last action");
        foreach (var row in rows.Rows)
        {
            table.AddRow(row);
        }

        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Rows.Count} pupil{(rows.Rows.Count == 1 ? string.Empty : "s")}: {rows.Persistent} persistent absence, {rows.Severe} severe absence")));
        return table;
    }

    /// <summary>One cohort's table: its title and each pupil's cells, as markup with input escaped.</summary>
    internal sealed class CohortRows(string title)
    {
        public string Title { get; } = title;

        public List<string[]> Rows { get; } = [];

        public int Persistent { get; private set; }

        public int Severe { get; private set; }

        public void Add(PupilResult r)
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

            // Pupil ids and titles come from the input: their control characters are shown escaped, never sent to the terminal.
            var last = r.Evaluation.Actions.Count > 0 ? r.Evaluation.Actions[^1] : null;
            Rows.Add(
            [
                Markup.Escape(Display.Escape(r.Pupil)),
                f.PossibleSessions.ToString(CultureInfo.InvariantCulture),
                f.AttendancePercent is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "n/a",
                Markup.Escape(string.Join(", ", flags)),
                r.Evaluation.Actions.Count.ToString(CultureInfo.InvariantCulture),
                last is null ? string.Empty : Markup.Escape(Display.Escape(string.Create(CultureInfo.InvariantCulture, $"{last.Date:yyyy-MM-dd} {last.Title}"))),
            ]);
            Persistent += f.IsPersistentAbsence ? 1 : 0;
            Severe += f.IsSevereAbsence ? 1 : 0;
        }
    }

    /// <summary>What the table output keeps of an evaluation: each cohort's cells and the summary's counts per rule.</summary>
    internal sealed class TableContent(int pupils)
    {
        public int Pupils { get; } = pupils;

        public List<CohortRows> Cohorts { get; } = [];

        public Dictionary<string, RuleCount> Rules { get; } = new(StringComparer.Ordinal);

        public int Persistent { get; private set; }

        public int Severe { get; private set; }

        public int Hits { get; private set; }

        public void Count(PupilResult r)
        {
            var f = r.Evaluation.Figures;
            Persistent += f.IsPersistentAbsence ? 1 : 0;
            Severe += f.IsSevereAbsence ? 1 : 0;
            Hits += r.Evaluation.ThresholdHits.Count(h => h.IsPenaltyNoticeThreshold);
            foreach (var rule in r.Evaluation.Actions.GroupBy(a => a.RuleId, StringComparer.Ordinal))
            {
                if (!Rules.TryGetValue(rule.Key, out var count))
                {
                    Rules[rule.Key] = count = new RuleCount();
                }

                count.Pupils++;
                foreach (var action in rule)
                {
                    count.Actions++;
                    count.Kinds.Add(action.Kind);
                }
            }
        }
    }

    /// <summary>One rule's line of the summary.</summary>
    internal sealed class RuleCount
    {
        public SortedSet<ActionKind> Kinds { get; } = [];

        public int Pupils { get; set; }

        public int Actions { get; set; }
    }
}
