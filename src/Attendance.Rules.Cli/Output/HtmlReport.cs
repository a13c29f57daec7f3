using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// The <c>report</c> page: one self-contained HTML file (no external scripts, styles, fonts or
/// images) with a header, a cohort table sorted by clicking its headers, and per pupil an inline SVG
/// chart of year-to-date attendance at the end of each school week against the policy's thresholds,
/// with the pupil's actions as dots. Text is HTML-escaped; numbers use the invariant culture; the
/// same input gives the same bytes.
/// </summary>
internal static class HtmlReport
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 40;
    private const int Right = 44;
    private const int Top = 10;
    private const int Bottom = 24;

    /// <summary>Action kinds from the most to the least serious: a dot standing for several actions takes the most serious one's colour.</summary>
    private static readonly ActionKind[] Seriousness =
    [
        ActionKind.Safeguarding, ActionKind.Referral, ActionKind.Sanction, ActionKind.Meeting,
        ActionKind.Letter, ActionKind.Notification, ActionKind.DataQuality, ActionKind.Reward,
    ];

    private const string Style = """
        :root{color-scheme:light;--fg:#1d2433;--muted:#5b6475;--line:#d7dbe3;--bg:#fff;--head:#f3f5f8;--accent:#1f5fbf}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1100px;padding:16px 20px 40px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
        .meta{color:var(--muted);margin:0 0 10px}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;background:var(--head);padding:1px 4px;border-radius:3px}
        .counts{display:flex;gap:12px;flex-wrap:wrap;list-style:none;padding:0;margin:10px 0}
        .counts li{border:1px solid var(--line);border-radius:6px;padding:6px 12px;background:var(--head)}
        .counts b{font-size:20px;display:block}
        .legend{color:var(--muted);font-size:13px;margin:6px 0}
        .legend span{display:inline-block;margin-right:14px}
        .sw{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:-1px}
        table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;white-space:nowrap}
        td.n,th.n{text-align:right}
        td.last{white-space:normal;min-width:220px}
        thead th{position:sticky;top:0;background:var(--head);z-index:1}
        th button{all:unset;cursor:pointer;font-weight:600}
        th button:focus-visible{outline:2px solid var(--accent)}
        th[aria-sort=ascending] button::after{content:" \25B2"}
        th[aria-sort=descending] button::after{content:" \25BC"}
        tbody tr:nth-child(even){background:#fafbfc}
        a{color:var(--accent)}
        .flag{font-weight:600;color:#a33}
        details{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 10px}
        details[open]{padding-bottom:10px}
        summary{cursor:pointer}
        summary .id{font-weight:600}
        svg.chart{width:100%;max-width:720px;height:auto;display:block;margin-top:6px}
        .chart .axis{stroke:#9aa3b2;stroke-width:1}
        .chart .grid{stroke:#eceef2;stroke-width:1}
        .chart .thr{stroke:#c0392b;stroke-width:1;stroke-dasharray:4 3}
        .chart .thr-pa{stroke:#d68910}
        .chart text{font-size:10px;fill:#5b6475;font-family:system-ui,sans-serif}
        .chart .att{fill:none;stroke:var(--accent);stroke-width:2}
        .chart circle{stroke:#fff;stroke-width:1}
        .note{color:var(--muted);font-size:12px;margin:4px 0 0}
        .k-safeguarding{fill:#7b1fa2;background:#7b1fa2}.k-referral{fill:#c62828;background:#c62828}.k-sanction{fill:#e65100;background:#e65100}
        .k-meeting{fill:#ad8b00;background:#ad8b00}.k-letter{fill:#2e7d32;background:#2e7d32}.k-notification{fill:#78909c;background:#78909c}
        .chart circle.routine{fill:#9aa3b2;stroke:none}.sw.routine{background:#9aa3b2;width:6px;height:6px;vertical-align:1px}
        .k-data-quality{fill:#5d4037;background:#5d4037}.k-reward{fill:#00897b;background:#00897b}
        """;

    private const string Script = """
        (function () {
          'use strict';
          var table = document.getElementById('cohort');
          if (!table) { return; }
          var body = table.tBodies[0];
          var heads = table.tHead.rows[0].cells;
          function key(row, index, numeric) {
            var value = row.cells[index].getAttribute('data-v');
            if (value === null) { value = row.cells[index].textContent; }
            if (!numeric) { return value; }
            return value === '' ? NaN : Number(value);
          }
          function sortBy(index) {
            var th = heads[index];
            var numeric = th.getAttribute('data-type') === 'number';
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            var rows = Array.prototype.slice.call(body.rows);
            var keyed = rows.map(function (row, position) { return { row: row, key: key(row, index, numeric), position: position }; });
            keyed.sort(function (a, b) {
              var x = a.key, y = b.key, c;
              if (numeric) {
                var xn = isNaN(x), yn = isNaN(y);
                if (xn || yn) { c = xn === yn ? 0 : (xn ? 1 : -1); return c || a.position - b.position; }
                c = x - y;
              } else {
                c = x < y ? -1 : (x > y ? 1 : 0);
              }
              return (ascending ? c : -c) || a.position - b.position;
            });
            for (var i = 0; i < heads.length; i++) { heads[i].setAttribute('aria-sort', 'none'); }
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            keyed.forEach(function (k) { body.appendChild(k.row); });
          }
          Array.prototype.forEach.call(heads, function (th, index) {
            var button = th.querySelector('button');
            if (button) { button.addEventListener('click', function () { sortBy(index); }); }
          });
          document.addEventListener('click', function (event) {
            var link = event.target.closest ? event.target.closest('a.pupil') : null;
            if (!link) { return; }
            var target = document.getElementById(link.getAttribute('href').slice(1));
            if (target) { target.open = true; }
          });
        })();
        """;

    /// <summary>
    /// Writes the page (LF line ends, ending with a line feed) a pupil at a time: each pupil's table
    /// row and section go to two temporary files as soon as the pupil is evaluated (the header's
    /// counts come before them in the page), then the page is put together from them, so memory
    /// holds one pupil's result and the cohort's counts.
    /// </summary>
    public static void Write(TextWriter output, CohortEvaluation cohort, int threads = 1)
    {
        var policy = cohort.Policy.Policy;
        var year = AcademicYear.Containing(cohort.AsOf);
        var weeks = SchoolWeeks(cohort, year.Start);
        var thresholds = Thresholds(policy);
        int persistent = 0, severe = 0, index = 0;
        using var rows = new Spill();
        using var sections = new Spill();
        var html = new StringBuilder(16 * 1024);
        cohort.EvaluateInOrder(cohort.AllPupils, result =>
        {
            persistent += result.Evaluation.Figures.IsPersistentAbsence ? 1 : 0;
            severe += result.Evaluation.Figures.IsSevereAbsence ? 1 : 0;
            CohortRow(html, result, index);
            rows.Write(html);
            html.Clear();
            PupilSection(html, cohort, result, index, weeks, thresholds, year);
            sections.Write(html);
            html.Clear();
            index++;
        }, threads);

        void Line(string text) => output.Write(text + "\n");

        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<title>Attendance report: {E(policy.Name)}, as of {Date(cohort.AsOf)}</title>");
        Line("<style>");
        Line(Style.TrimEnd());
        Line("</style>");
        Line("</head>");
        Line("<body>");

        Line("<header>");
        Line($"<h1>{E(policy.Name)}</h1>");
        Line(Inv($"<p class=\"meta\">Policy <code>{E(policy.Id)}</code> version <code>{E(cohort.Policy.Version)}</code> · academic year {year} to <b>{Date(cohort.AsOf)}</b> (as of) · {cohort.Marks.RowsRead} rows read, {cohort.Marks.Rejected.Count} rejected</p>"));
        Line("<ul class=\"counts\">");
        Line(Inv($"<li><b id=\"count-pupils\">{index}</b>pupils</li>"));
        Line(Inv($"<li><b id=\"count-persistent\">{persistent}</b>persistent absence (absence ≥ {Num(policy.AbsenceFlags.PersistentPercent)}%)</li>"));
        Line(Inv($"<li><b id=\"count-severe\">{severe}</b>severe absence (absence ≥ {Num(policy.AbsenceFlags.SeverePercent)}%)</li>"));
        Line("</ul>");
        Line("</header>");

        Line("<h2>Cohort</h2>");
        Line("<p class=\"legend\">Figures cover the academic year to the as-of date. Click a column header to sort; click a pupil to open their chart.</p>");
        CohortTableHead(html);
        output.Write(html.ToString());
        html.Clear();
        rows.CopyTo(output);
        output.Write("</tbody>\n</table>\n");

        Line("<h2>Pupils</h2>");
        Line("<p class=\"legend\">Year-to-date attendance % at the end of each school week (blue line) against the policy's thresholds (dashed):</p>");
        Line("<p class=\"legend\">" + string.Join(string.Empty, thresholds.Select(t =>
            $"<span><b>{Num(t.Percent)}%</b> {E(t.Label)}</span>")) + "</p>");
        Line("<p class=\"legend\">Actions are dots at their dates (hover for the rule, title and evidence): " + string.Join(string.Empty, Seriousness.Select(k =>
            $"<span><i class=\"sw k-{CohortEvaluation.KindName(k)}\"></i>{CohortEvaluation.KindName(k)}</span>")) + "<span><i class=\"sw routine\"></i>scheduled only (small)</span></p>");
        sections.CopyTo(output);

        Line("<script>");
        Line(Script.TrimEnd());
        Line("</script>");
        Line("</body>");
        Line("</html>");
    }

    private static void CohortTableHead(StringBuilder html)
    {
        html.Append("<table id=\"cohort\">\n<thead><tr>");
        foreach (var (name, numeric) in new[]
                 {
                     ("Pupil", false), ("Year group", true), ("Possible", true), ("Attendance %", true), ("Persistent", true),
                     ("Severe", true), ("Penalty-notice hits", true), ("Actions", true), ("Last action", false),
                 })
        {
            html.Append(numeric ? "<th class=\"n\" data-type=\"number\"" : "<th data-type=\"text\"")
                .Append(" aria-sort=\"none\"><button type=\"button\">").Append(E(name)).Append("</button></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
    }

    private static void CohortRow(StringBuilder html, PupilResult r, int i)
    {
        var f = r.Evaluation.Figures;
        var hits = r.Evaluation.ThresholdHits.Count(h => h.IsPenaltyNoticeThreshold);
        var last = r.Evaluation.Actions.Count > 0 ? r.Evaluation.Actions[^1] : null;
        var yearGroupOrder = r.YearGroup is { } yg ? PupilsFile.YearGroups.ToList().IndexOf(yg).ToString(CultureInfo.InvariantCulture) : string.Empty;
        html.Append(Inv($"<tr><td data-v=\"{E(r.Pupil)}\"><a class=\"pupil\" href=\"#p{i + 1}\">{E(r.Pupil)}</a></td>"))
            .Append(Inv($"<td class=\"n\" data-v=\"{yearGroupOrder}\">{E(r.YearGroup ?? string.Empty)}</td>"))
            .Append(Inv($"<td class=\"n\">{f.PossibleSessions}</td>"))
            .Append(f.AttendancePercent is { } p ? Inv($"<td class=\"n\" data-v=\"{p:0.00}\">{p:0.00}</td>") : "<td class=\"n\" data-v=\"\">n/a</td>")
            .Append(f.IsPersistentAbsence ? "<td class=\"n flag\" data-v=\"1\">yes</td>" : "<td class=\"n\" data-v=\"0\"></td>")
            .Append(f.IsSevereAbsence ? "<td class=\"n flag\" data-v=\"1\">yes</td>" : "<td class=\"n\" data-v=\"0\"></td>")
            .Append(Inv($"<td class=\"n\">{hits}</td>"))
            .Append(Inv($"<td class=\"n\">{r.Evaluation.Actions.Count}</td>"))
            .Append(last is null
                ? "<td class=\"last\" data-v=\"\"></td>"
                : Inv($"<td class=\"last\" data-v=\"{Date(last.Date)}\">{Date(last.Date)} {E(last.Title)}</td>"))
            .Append("</tr>\n");
    }

    /// <summary>A part of the page written before its place in the page is reached: a temporary file, deleted when disposed.</summary>
    private sealed class Spill : IDisposable
    {
        private readonly FileStream file = new(
            Path.Combine(Path.GetTempPath(), $"attendance-rules-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

        private readonly StreamWriter writer;

        public Spill() => writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);

        public void Write(StringBuilder text) => writer.Write(text);

        public void CopyTo(TextWriter output)
        {
            writer.Flush();
            file.Position = 0;
            using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 64 * 1024, leaveOpen: true);
            var chunk = new char[16 * 1024];
            int read;
            while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
            {
                output.Write(chunk, 0, read);
            }
        }

        public void Dispose()
        {
            writer.Dispose();
            file.Dispose();
        }
    }

    private static void PupilSection(StringBuilder html, CohortEvaluation cohort, PupilResult result, int index, IReadOnlyList<LocalDate> weeks, IReadOnlyList<Threshold> thresholds, AcademicYear year)
    {
        var f = result.Evaluation.Figures;
        var flags = f.IsSevereAbsence ? " · <span class=\"flag\">severe</span>" : f.IsPersistentAbsence ? " · <span class=\"flag\">persistent</span>" : string.Empty;
        var actions = result.Evaluation.Actions;
        html.Append(Inv($"<details id=\"p{index + 1}\"><summary><span class=\"id\">{E(result.Pupil)}</span>"))
            .Append(result.YearGroup is { } yg ? $" · year {E(yg)}" : string.Empty)
            .Append(f.AttendancePercent is { } p ? Inv($" · {p:0.00}%") : " · n/a")
            .Append(flags)
            .Append(Inv($" · {actions.Count} action{(actions.Count == 1 ? string.Empty : "s")}</summary>\n"));

        var register = Counted(result);
        var start = year.Start;
        var points = new List<(LocalDate Date, decimal Percent)>();
        foreach (var weekEnd in weeks)
        {
            var figures = AttendanceFigures.For(register, new DateInterval(start, weekEnd), cohort.Policy.Policy.AbsenceFlags);
            if (figures.AttendancePercent is { } percent)
            {
                points.Add((weekEnd, percent));
            }
        }

        if (weeks.Count == 0)
        {
            html.Append("<p class=\"note\">No school days this academic year up to the as-of date.</p>\n</details>\n");
            return;
        }

        var first = weeks[0].PlusDays(-4) < start ? start : weeks[0].PlusDays(-4);
        var from = first;
        var to = cohort.AsOf > weeks[^1] ? cohort.AsOf : weeks[^1];
        var lowest = points.Count == 0 ? 100m : points.Min(x => x.Percent);
        var yMin = Math.Min(80m, Math.Max(0m, Math.Floor((lowest - 5m) / 10m) * 10m));
        var span = Math.Max(1, Period.Between(from, to, PeriodUnits.Days).Days);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        string X(LocalDate date) => Num(Left + (Period.Between(from, date, PeriodUnits.Days).Days * (decimal)plotWidth / span));
        string Y(decimal percent) => Num(Top + ((100m - percent) * plotHeight / (100m - yMin)));

        var svg = html;
        svg.Append(Inv($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Year-to-date attendance of {E(result.Pupil)}\">"));
        svg.Append(Inv($"<title>Year-to-date attendance of {E(result.Pupil)}, {year} to {Date(cohort.AsOf)}</title>"));

        // Grid lines every 10% and the axes.
        for (var g = yMin; g <= 100m; g += 10m)
        {
            svg.Append(Inv($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(g)}\" y2=\"{Y(g)}\"/><text x=\"{Left - 4}\" y=\"{Y(g)}\" dy=\"3\" text-anchor=\"end\">{Num(g)}%</text>"));
        }

        svg.Append(Inv($"<line class=\"axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\"/><line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\"/>"));
        for (var month = new LocalDate(from.Year, from.Month, 1).PlusMonths(from.Day == 1 ? 0 : 1); month <= to; month = month.PlusMonths(1))
        {
            svg.Append(Inv($"<line class=\"axis\" x1=\"{X(month)}\" x2=\"{X(month)}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 4}\"/><text x=\"{X(month)}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{month.ToString("MMM", CultureInfo.InvariantCulture)}</text>"));
        }

        var labelY = decimal.MinValue;
        foreach (var t in thresholds.Where(t => t.Percent >= yMin && t.Percent <= 100m))
        {
            var lineY = Top + ((100m - t.Percent) * plotHeight / (100m - yMin));
            labelY = Math.Max(lineY, labelY + 10m);
            svg.Append(Inv($"<line class=\"thr{(t.IsPersistent ? " thr-pa" : string.Empty)}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Num(lineY)}\" y2=\"{Num(lineY)}\"><title>{Num(t.Percent)}%: {E(t.Label)}</title></line>"));
            svg.Append(Inv($"<text x=\"{Width - Right + 4}\" y=\"{Num(labelY)}\" dy=\"3\">{Num(t.Percent)}%</text>"));
        }

        if (points.Count > 0)
        {
            svg.Append("<polyline class=\"att\" points=\"")
                .AppendJoin(' ', points.Select(pt => X(pt.Date) + "," + Y(pt.Percent)))
                .Append("\"/>");
        }

        var scheduled = cohort.Policy.Policy.Rules.OfType<ScheduledRule>().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = 0;
        foreach (var day in actions.GroupBy(a => a.Date))
        {
            if (day.Key < from || day.Key > to)
            {
                earlier++;
                continue;
            }

            var figures = AttendanceFigures.For(register, new DateInterval(start, day.Key), cohort.Policy.Policy.AbsenceFlags);
            var y = figures.AttendancePercent ?? 100m;
            var notable = day.Where(a => !scheduled.Contains(a.RuleId)).ToList();
            var css = notable.Count == 0 ? "routine" : "k-" + CohortEvaluation.KindName(notable.Select(a => a.Kind).MinBy(Rank));
            svg.Append(Inv($"<circle class=\"{css}\" cx=\"{X(day.Key)}\" cy=\"{Y(Math.Max(yMin, y))}\" r=\"{(notable.Count == 0 ? "2" : "4")}\"><title>{E(Tooltip(day.Key, day.ToList(), figures.AttendancePercent))}</title></circle>"));
        }

        svg.Append("</svg>\n");
        if (earlier > 0)
        {
            var before = actions.Count(a => a.Date < from || a.Date > to);
            html.Append(Inv($"<p class=\"note\">{before} earlier action{(before == 1 ? string.Empty : "s")} (before {Date(from)}) not on the chart.</p>\n"));
        }

        html.Append("</details>\n");
    }

    private static int Rank(ActionKind kind) => Array.IndexOf(Seriousness, kind) is >= 0 and var n ? n : int.MaxValue;

    /// <summary>A dot's tooltip: the date and year-to-date attendance, then each action as rule, title and evidence (an evidence shared by consecutive actions is written once).</summary>
    private static string Tooltip(LocalDate date, IReadOnlyList<PolicyAction> actions, decimal? percent)
    {
        var text = new StringBuilder(Date(date));
        if (percent is { } p)
        {
            text.Append(Inv($" (year to date {p:0.00}%)"));
        }

        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            text.Append('\n').Append(a.RuleId).Append(": ").Append(a.Title);
            if (a.Stage is { } stage)
            {
                text.Append(Inv($" (stage {stage})"));
            }

            if (i + 1 == actions.Count || actions[i + 1].Evidence != a.Evidence)
            {
                text.Append("\n  evidence: ").Append(a.Evidence);
            }
        }

        return text.ToString();
    }

    /// <summary>The pupil's register up to the as-of date with each session's code in the figures (an arrival without a code has the code its window gave), as the evaluation read it.</summary>
    private static PupilRegister Counted(PupilResult result) =>
        PupilRegister.Create(result.Pupil, result.Evaluation.Marks.Select(m => SessionMark.Create(m.Session, m.Code)), result.YearGroup);

    /// <summary>
    /// The last marked date of each school week of the academic year up to the as-of date, over the
    /// whole cohort: read from the marks file (the marks the evaluation reads are the register's up
    /// to the as-of date), so it is known before any pupil is evaluated.
    /// </summary>
    private static IReadOnlyList<LocalDate> SchoolWeeks(CohortEvaluation cohort, LocalDate yearStart)
    {
        var lastOfWeek = new SortedDictionary<LocalDate, LocalDate>();
        foreach (var pupil in cohort.AllPupils)
        {
            foreach (var mark in cohort.Marks.MarksOf(pupil))
            {
                var date = mark.Session.Date;
                var monday = date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
                if (date >= yearStart && date <= cohort.AsOf && (!lastOfWeek.TryGetValue(monday, out var last) || date > last))
                {
                    lastOfWeek[monday] = date;
                }
            }
        }

        return lastOfWeek.Values.ToList();
    }

    /// <summary>A threshold line: the policy's attendance_below rules and stages, and 100 minus the persistent absence percent; one line per percent.</summary>
    private sealed record Threshold(decimal Percent, string Label, bool IsPersistent);

    private static List<Threshold> Thresholds(Policy policy)
    {
        var all = new List<(decimal Percent, string Label, bool Persistent)>();
        foreach (var rule in policy.Rules)
        {
            switch (rule)
            {
                case AttendanceBelowRule below:
                    all.Add((below.Percent, $"{rule.Id}: {rule.Title}", false));
                    break;
                case StagedRule staged:
                    foreach (var stage in staged.Stages)
                    {
                        if (stage.When is AttendanceBelowCondition condition)
                        {
                            all.Add((condition.Percent, Inv($"{rule.Id} stage {stage.Number}: {stage.Title}"), false));
                        }
                    }

                    break;
            }
        }

        all.Add((100m - policy.AbsenceFlags.PersistentPercent, Inv($"persistent absence (absence ≥ {Num(policy.AbsenceFlags.PersistentPercent)}%)"), true));
        return all
            .GroupBy(t => t.Percent)
            .OrderByDescending(g => g.Key)
            .Select(g => new Threshold(g.Key, string.Join("; ", g.Select(t => t.Label)), g.Any(t => t.Persistent)))
            .ToList();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => decimal.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>HTML-escapes text for element content and quoted attribute values.</summary>
    internal static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
