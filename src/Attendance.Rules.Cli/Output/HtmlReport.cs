using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Codes;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Evaluation.Outlook;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// The <c>report</c> page: one self-contained HTML file (no external scripts, styles, fonts or
/// images). It opens on what is due today and this week, then a weekly attendance chart for the
/// cohort against the persistent-absence line and the school's own lines, a cohort table sorted by
/// clicking its headers and filtered by year group and flag, and per pupil an inline SVG chart of
/// year-to-date attendance at the end of each school week with the pupil's actions as dots and a
/// calendar of the year's marks (drawn when the pupil is opened). Everything is read from the
/// evaluation's results (each mark's code, arrival and school week); nothing is worked out again.
/// Text is HTML-escaped; numbers use the invariant culture; the same input gives the same bytes.
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
        .due td.kind{font-weight:600;background:var(--head)}
        .due td.rule{white-space:normal;font-weight:600;padding-left:20px}
        .due tr.routine td.rule{font-weight:400;color:var(--muted)}
        .due td.ev{white-space:normal;color:var(--muted);font-size:12px;width:100%}
        .filters{display:flex;gap:16px;align-items:center;flex-wrap:wrap;margin:6px 0 10px}
        .filters label{color:var(--muted)}
        .chart .cohort{fill:none;stroke:#2e7d32;stroke-width:2}
        .chart .cohort-dot{fill:#2e7d32}
        #watch td.rule{min-width:300px;font-weight:400;padding-left:8px}
        table.distances{width:auto;max-width:100%;margin-top:8px;font-size:12px}
        table.distances td.rule{white-space:normal;max-width:360px}
        table.distances td.ev{white-space:normal}
        table.distances tr.d-none td{color:var(--muted)}
        table.marks{width:auto;border-collapse:separate;border-spacing:2px;margin-top:8px;font-size:11px}
        table.marks th,table.marks td{border:0;padding:0 4px 0 0;color:var(--muted);font-weight:400}
        table.marks td.s{width:9px;height:14px;padding:0;border-radius:2px;background:#f1f3f6}
        table.marks td.s.c-present{background:#66bb6a}table.marks td.s.c-approved{background:#4db6ac}
        table.marks td.s.c-authorised{background:#ffb74d}table.marks td.s.c-unauthorised{background:#e53935}
        table.marks td.s.c-unable{background:#9575cd}table.marks td.s.c-not-required{background:#cfd8dc}
        table.marks td.s.c-dual{background:#64b5f6}table.marks td.s.c-administrative{background:#b0bec5}
        table.marks td.s.late{box-shadow:inset 0 -3px 0 #1d2433}
        table.marks td.gap{width:6px}
        .cat{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
        .cat.c-present{background:#66bb6a}.cat.c-approved{background:#4db6ac}.cat.c-authorised{background:#ffb74d}.cat.c-unauthorised{background:#e53935}
        .cat.c-unable{background:#9575cd}.cat.c-not-required{background:#cfd8dc}.cat.c-dual{background:#64b5f6}.cat.c-administrative{background:#b0bec5}
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

          // Filters: a row and its pupil's section show when both the year group and the flag match.
          var year = document.getElementById('filter-year');
          var flag = document.getElementById('filter-flag');
          var shown = document.getElementById('shown');
          function filter() {
            var y = year.value, f = flag.value, count = 0;
            Array.prototype.forEach.call(body.rows, function (row) {
              var show = (y === '' || row.getAttribute('data-year') === y)
                && (f === '' || (' ' + row.getAttribute('data-flags') + ' ').indexOf(' ' + f + ' ') >= 0);
              row.hidden = !show;
              var section = document.getElementById(row.getAttribute('data-section'));
              if (section) { section.hidden = !show; }
              if (show) { count++; }
            });
            shown.textContent = String(count);
          }
          if (year && flag && shown) {
            year.addEventListener('change', filter);
            flag.addEventListener('change', filter);
          }

          // The calendar of a pupil's marks, drawn from the section's data when it is first opened.
          var codes = JSON.parse(document.getElementById('codes').textContent);
          var days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
          function draw(holder) {
            var start = holder.getAttribute('data-start').split('-').map(Number);
            var monday = Date.UTC(start[0], start[1] - 1, start[2]);
            var tokens = holder.getAttribute('data-marks').split(' ').filter(function (t) { return t !== ''; });
            var weeks = {}, width = 5;
            tokens.forEach(function (token) {
              var m = /^(\d+)([ap])([^=@!]+)(?:=([^@!]+))?(?:@(\d\d:\d\d))?(?:!(\w+))?$/.exec(token);
              if (!m) { return; }
              var day = Number(m[1]), week = Math.floor(day / 7), weekday = day % 7;
              if (weekday >= 5) { width = 7; }
              (weeks[week] = weeks[week] || {})[weekday * 2 + (m[2] === 'p' ? 1 : 0)] = m;
            });
            var table = document.createElement('table');
            table.className = 'marks';
            var head = table.createTHead().insertRow();
            head.appendChild(document.createElement('th')).textContent = 'Week of';
            for (var d = 0; d < width; d++) {
              var th = head.appendChild(document.createElement('th'));
              th.colSpan = 2; th.textContent = days[d];
              if (d + 1 < width) { head.appendChild(document.createElement('th')); }
            }
            var tbody = table.createTBody();
            Object.keys(weeks).map(Number).sort(function (a, b) { return a - b; }).forEach(function (week) {
              var row = tbody.insertRow();
              var date = new Date(monday + week * 7 * 86400000).toISOString().slice(0, 10);
              row.insertCell().textContent = date;
              for (var d = 0; d < width; d++) {
                for (var half = 0; half < 2; half++) {
                  var cell = row.insertCell();
                  cell.className = 's';
                  var m = weeks[week][d * 2 + half];
                  if (!m) { continue; }
                  var code = codes[m[3]] || ['', m[3]];
                  cell.className = 's c-' + code[0] + (m[6] === 'late' || m[6] === 'after-close' ? ' late' : '');
                  var when = new Date(monday + (week * 7 + d) * 86400000).toISOString().slice(0, 10) + (half ? ' PM' : ' AM');
                  var text = when + ': ' + m[3] + ' (' + code[1] + ')';
                  if (m[4]) { text += ', counted as ' + m[4]; }
                  if (m[5]) { text += ', arrived ' + m[5] + (m[6] ? ' (' + m[6].replace('-', ' ') + ')' : ''); }
                  cell.title = text;
                }
                if (d + 1 < width) { row.insertCell().className = 'gap'; }
              }
            });
            holder.appendChild(table);
            holder.setAttribute('data-drawn', 'true');
          }
          Array.prototype.forEach.call(document.querySelectorAll('details[data-pupil]'), function (details) {
            details.addEventListener('toggle', function () {
              var holder = details.querySelector('.marks-grid');
              if (details.open && holder && !holder.hasAttribute('data-drawn')) { draw(holder); }
            });
          });
        })();
        """;

    /// <summary>
    /// Writes the page (LF line ends, ending with a line feed) a pupil at a time: each pupil's table
    /// row and section go to two temporary files as soon as the pupil is evaluated (the header's
    /// counts, the due actions and the cohort chart come before them in the page), then the page is
    /// put together from them, so memory holds one pupil's result, the week's due actions and the
    /// cohort's weekly sums.
    /// </summary>
    public static void Write(TextWriter output, CohortEvaluation cohort, int threads = 1)
    {
        var policy = cohort.Policy.Policy;
        var year = AcademicYear.Containing(cohort.AsOf);
        var thresholds = Thresholds(policy);
        var routine = Worklist.RoutineRules(policy);
        var gated = Worklist.GatedRules(policy);
        var weekStart = cohort.AsOf.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var chartFrom = FirstMarkedDate(cohort, year.Start);
        var due = new List<(string Pupil, int Index, PolicyAction Action)>();
        var watch = new List<(WatchedLine Line, int Index)>();
        var weekly = new SortedDictionary<LocalDate, WeekSums>();
        var yearGroups = new SortedSet<int>();
        int persistent = 0, severe = 0, index = 0;
        using var rows = new Spill();
        using var sections = new Spill();
        var html = new StringBuilder(16 * 1024);
        cohort.EvaluateInOrder(cohort.AllPupils, result =>
        {
            persistent += result.Evaluation.Figures.IsPersistentAbsence ? 1 : 0;
            severe += result.Evaluation.Figures.IsSevereAbsence ? 1 : 0;
            if (result.YearGroup is { } yg)
            {
                yearGroups.Add(YearGroupOrder(yg));
            }

            var dueThisWeek = false;
            foreach (var action in result.Evaluation.Actions)
            {
                if (action.Date >= weekStart && action.Date <= cohort.AsOf)
                {
                    due.Add((result.Pupil, index, action));
                    dueThisWeek = true;
                }
            }

            var i = index;
            watch.AddRange(Worklist.Watched(result, WatchLimits.Default, gated).Select(line => (line, i)));
            AddWeeks(weekly, result, year, cohort.AsOf);
            CohortRow(html, result, index, routine, dueThisWeek);
            rows.Write(html);
            html.Clear();
            PupilSection(html, cohort, result, index, thresholds, year, chartFrom, routine);
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
        Line(Inv($"<li><b id=\"count-due-today\">{due.Count(d => d.Action.Date == cohort.AsOf)}</b>actions due today</li>"));
        Line(Inv($"<li><b id=\"count-due-week\">{due.Count}</b>actions due this week</li>"));
        Line(Inv($"<li><b id=\"count-watch\">{watch.Select(w => w.Index).Distinct().Count()}</b>pupils on the watch list</li>"));
        Line(Inv($"<li><b id=\"count-persistent\">{persistent}</b>persistent absence (absence ≥ {Num(policy.AbsenceFlags.PersistentPercent)}%)</li>"));
        Line(Inv($"<li><b id=\"count-severe\">{severe}</b>severe absence (absence ≥ {Num(policy.AbsenceFlags.SeverePercent)}%)</li>"));
        Line("</ul>");
        Line("</header>");

        DueSection(html, "due-today", $"Due today ({Date(cohort.AsOf)})", due.Where(d => d.Action.Date == cohort.AsOf).ToList(), routine);
        if (weekStart < cohort.AsOf)
        {
            DueSection(html, "due-week", $"Due earlier this week ({Date(weekStart)} to {Date(cohort.AsOf.PlusDays(-1))})", due.Where(d => d.Action.Date < cohort.AsOf).ToList(), routine);
        }
        WatchSection(html, watch);
        output.Write(html.ToString());
        html.Clear();

        Line("<h2>Cohort attendance by week</h2>");
        CohortChart(html, weekly, thresholds, year);
        output.Write(html.ToString());
        html.Clear();

        Line("<h2>Cohort</h2>");
        Line("<p class=\"legend\">Figures cover the academic year to the as-of date; the last action leaves out routine scheduled steps. Click a column header to sort; click a pupil to open their chart and marks.</p>");
        Filters(html, yearGroups, index);
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
        Line("<p class=\"legend\">Marks, each session coloured by what its code counts as (hover for the code and the arrival; a dark underline is a late arrival): " + string.Join(string.Empty, Categories.Select(c =>
            $"<span><i class=\"cat c-{c.Css}\"></i>{E(c.Label)}</span>")) + "</p>");
        sections.CopyTo(output);

        Line("<script type=\"application/json\" id=\"codes\">" + CodeTable() + "</script>");
        Line("<script>");
        Line(Script.TrimEnd());
        Line("</script>");
        Line("</body>");
        Line("</html>");
    }

    /// <summary>
    /// The due actions grouped by kind (what needs a person first), then by rule and stage, one row a
    /// pupil; a routine step is folded into one line with its count of pupils.
    /// </summary>
    private static void DueSection(StringBuilder html, string id, string heading, List<(string Pupil, int Index, PolicyAction Action)> due, HashSet<string> routine)
    {
        html.Append(Inv($"<section id=\"{id}\" class=\"due\">\n<h2>{E(heading)}</h2>\n"));
        if (due.Count == 0)
        {
            html.Append("<p class=\"note\">Nothing falls due.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Pupil</th><th>Date</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        foreach (var kind in Worklist.KindOrder.Concat(Enum.GetValues<ActionKind>().Except(Worklist.KindOrder)))
        {
            var ofKind = due.Where(d => d.Action.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            html.Append(Inv($"<tr><td class=\"kind\" colspan=\"3\"><i class=\"sw k-{CohortEvaluation.KindName(kind)}\"></i>{CohortEvaluation.KindName(kind)} ({ofKind.Count})</td></tr>\n"));
            foreach (var step in ofKind.GroupBy(d => (d.Action.RuleId, d.Action.Stage, d.Action.Title)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal).ThenBy(g => g.Key.Stage))
            {
                var pupils = step.Select(d => d.Pupil).Distinct().Count();
                var name = Inv($"{E(step.Key.RuleId)}{(step.Key.Stage is { } st ? Inv($" stage {st}") : string.Empty)}: {E(step.Key.Title)}");
                if (routine.Contains(step.Key.RuleId))
                {
                    var dates = string.Join(", ", step.Select(d => Date(d.Action.Date)).Distinct().Order(StringComparer.Ordinal));
                    html.Append(Inv($"<tr class=\"routine\"><td class=\"rule\" colspan=\"3\">{name} · {pupils} pupil{(pupils == 1 ? string.Empty : "s")} on {dates} (routine scheduled step)</td></tr>\n"));
                    continue;
                }

                html.Append(Inv($"<tr><td class=\"rule\" colspan=\"3\">{name} · {pupils} pupil{(pupils == 1 ? string.Empty : "s")}</td></tr>\n"));
                foreach (var d in step.OrderBy(d => d.Action.Date).ThenBy(d => d.Action.Session).ThenBy(d => d.Pupil, StringComparer.Ordinal))
                {
                    html.Append(Inv($"<tr><td><a class=\"pupil\" href=\"#p{d.Index + 1}\">{E(d.Pupil)}</a></td><td>{Date(d.Action.Date)} {d.Action.Session}</td><td class=\"ev\">{E(d.Action.Evidence)}</td></tr>\n"));
                }
            }
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>The pupils within the default limits of a line (the worklist's watch list), nearest first.</summary>
    private static void WatchSection(StringBuilder html, List<(WatchedLine Line, int Index)> watch)
    {
        var limits = WatchLimits.Default;
        html.Append("<section id=\"watch\" class=\"due\">\n<h2>Watch list</h2>\n")
            .Append(Inv($"<p class=\"legend\">Pupils within {limits.Sessions} sessions or {Num(limits.Points)} percentage point of a line not yet reached: how many more sessions of which kind make it fall due (worked out from the counts, as <code>worklist</code> does).</p>\n"));
        if (watch.Count == 0)
        {
            html.Append("<p class=\"note\">No pupil is that near a line.</p>\n</section>\n");
            return;
        }

        watch.Sort((a, b) => Worklist.Nearest(a.Line, b.Line));
        html.Append("<table>\n<thead><tr><th>Pupil</th><th class=\"n\">Sessions</th><th>Line</th><th>Distance</th></tr></thead>\n<tbody>\n");
        foreach (var (line, index) in watch)
        {
            var d = line.Distance;
            var name = Inv($"{E(d.Id)}{(d.StageNumber is { } st ? Inv($" stage {st}") : string.Empty)}: {E(d.Title)}");
            html.Append(Inv($"<tr><td><a class=\"pupil\" href=\"#p{index + 1}\">{E(line.Pupil)}</a></td><td class=\"n\">{line.Sessions}</td><td class=\"rule\">{name}</td><td class=\"ev\">{E(d.Describe())}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Filters(StringBuilder html, SortedSet<int> yearGroups, int pupils)
    {
        html.Append("<div class=\"filters\"><label>Year group <select id=\"filter-year\"><option value=\"\">all</option>");
        foreach (var order in yearGroups)
        {
            var name = PupilsFile.YearGroups[order];
            html.Append(Inv($"<option value=\"{E(name)}\">{E(name)}</option>"));
        }

        html.Append("</select></label><label>Flag <select id=\"filter-flag\"><option value=\"\">all</option>")
            .Append("<option value=\"persistent\">persistent absence</option><option value=\"severe\">severe absence</option>")
            .Append("<option value=\"penalty-notice\">penalty-notice threshold reached</option><option value=\"due\">an action due this week</option>")
            .Append("<option value=\"none\">no flag</option></select></label>")
            .Append(Inv($"<span><b id=\"shown\">{pupils}</b> of {pupils} pupils shown</span></div>\n"));
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

    private static void CohortRow(StringBuilder html, PupilResult r, int i, HashSet<string> routine, bool dueThisWeek)
    {
        var f = r.Evaluation.Figures;
        var hits = r.Evaluation.ThresholdHits.Count(h => h.IsPenaltyNoticeThreshold);
        var last = r.Evaluation.Actions.LastOrDefault(a => !routine.Contains(a.RuleId));
        var yearGroupOrder = r.YearGroup is { } yg ? YearGroupOrder(yg).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var flags = new List<string>();
        if (f.IsPersistentAbsence)
        {
            flags.Add("persistent");
        }

        if (f.IsSevereAbsence)
        {
            flags.Add("severe");
        }

        if (hits > 0)
        {
            flags.Add("penalty-notice");
        }

        if (dueThisWeek)
        {
            flags.Add("due");
        }

        if (flags.Count == 0)
        {
            flags.Add("none");
        }

        html.Append(Inv($"<tr data-year=\"{E(r.YearGroup ?? string.Empty)}\" data-flags=\"{string.Join(' ', flags)}\" data-section=\"p{i + 1}\"><td data-v=\"{E(r.Pupil)}\"><a class=\"pupil\" href=\"#p{i + 1}\">{E(r.Pupil)}</a></td>"))
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

    private static int YearGroupOrder(string yearGroup) => PupilsFile.YearGroups.ToList().IndexOf(yearGroup);

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

    private static void PupilSection(StringBuilder html, CohortEvaluation cohort, PupilResult result, int index, IReadOnlyList<Threshold> thresholds, AcademicYear year, LocalDate from, HashSet<string> routine)
    {
        var f = result.Evaluation.Figures;
        var flags = f.IsSevereAbsence ? " · <span class=\"flag\">severe</span>" : f.IsPersistentAbsence ? " · <span class=\"flag\">persistent</span>" : string.Empty;
        var actions = result.Evaluation.Actions;
        html.Append(Inv($"<details id=\"p{index + 1}\" data-pupil=\"{E(result.Pupil)}\"><summary><span class=\"id\">{E(result.Pupil)}</span>"))
            .Append(result.YearGroup is { } yg ? $" · year {E(yg)}" : string.Empty)
            .Append(f.AttendancePercent is { } p ? Inv($" · {p:0.00}%") : " · n/a")
            .Append(flags)
            .Append(Inv($" · {actions.Count} action{(actions.Count == 1 ? string.Empty : "s")}</summary>\n"));

        var ytd = YearToDate.Of(result.Evaluation.Marks, year.Start, cohort.AsOf);
        if (ytd.Weeks.Count == 0)
        {
            html.Append("<p class=\"note\">No school days this academic year up to the as-of date.</p>\n");
            Distances(html, result);
            MarksGrid(html, result, year, cohort.AsOf);
            html.Append("</details>\n");
            return;
        }

        var to = cohort.AsOf;
        var lowest = ytd.Weeks.Min(x => x.Percent);
        var yMin = Math.Min(80m, Math.Max(0m, Math.Floor((lowest - 5m) / 10m) * 10m));
        var span = Math.Max(1, Period.Between(from, to, PeriodUnits.Days).Days);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        string X(LocalDate date) => Num(Left + (Period.Between(from, date, PeriodUnits.Days).Days * (decimal)plotWidth / span));
        string Y(decimal percent) => Num(Top + ((100m - percent) * plotHeight / (100m - yMin)));

        var svg = html;
        svg.Append(Inv($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Year-to-date attendance of {E(result.Pupil)}\">"));
        svg.Append(Inv($"<title>Year-to-date attendance of {E(result.Pupil)}, {year} to {Date(cohort.AsOf)}</title>"));
        Axes(svg, yMin, from, to, Y, X);
        ThresholdLines(svg, thresholds, yMin);

        svg.Append("<polyline class=\"att\" points=\"")
            .AppendJoin(' ', ytd.Weeks.Select(pt => X(pt.Date) + "," + Y(pt.Percent)))
            .Append("\"/>");

        var earlier = 0;
        foreach (var day in actions.GroupBy(a => a.Date))
        {
            if (day.Key < from || day.Key > to)
            {
                earlier++;
                continue;
            }

            var percent = ytd.At(day.Key);
            var notable = day.Where(a => !routine.Contains(a.RuleId)).ToList();
            var css = notable.Count == 0 ? "routine" : "k-" + CohortEvaluation.KindName(notable.Select(a => a.Kind).MinBy(Rank));
            svg.Append(Inv($"<circle class=\"{css}\" cx=\"{X(day.Key)}\" cy=\"{Y(Math.Max(yMin, percent ?? 100m))}\" r=\"{(notable.Count == 0 ? "2" : "4")}\"><title>{E(Tooltip(day.Key, day.ToList(), percent))}</title></circle>"));
        }

        svg.Append("</svg>\n");
        if (earlier > 0)
        {
            var before = actions.Count(a => a.Date < from || a.Date > to);
            html.Append(Inv($"<p class=\"note\">{before} earlier action{(before == 1 ? string.Empty : "s")} (before {Date(from)}) not on the chart.</p>\n"));
        }

        Distances(html, result);
        MarksGrid(html, result, year, cohort.AsOf);
        html.Append("</details>\n");
    }

    /// <summary>The pupil's distances to every line (the library's outlook), and the year end where a calendar gives it.</summary>
    private static void Distances(StringBuilder html, PupilResult result)
    {
        var outlook = result.Evaluation.Outlook;
        if (outlook.Distances.Count == 0 && !outlook.YearEnd.IsAvailable)
        {
            return;
        }

        html.Append("<table class=\"distances\">\n<thead><tr><th>Line</th><th>How far</th></tr></thead>\n<tbody>\n");
        foreach (var d in outlook.Distances)
        {
            var name = Inv($"{E(d.Id)}{(d.StageNumber is { } st ? Inv($" stage {st}") : string.Empty)}: {E(d.Title)}");
            html.Append(Inv($"<tr class=\"d-{KindClass(d.Kind)}\"><td class=\"rule\">{name}</td><td class=\"ev\">{E(d.Describe())}</td></tr>\n"));
        }

        if (outlook.YearEnd is { IsAvailable: true } end)
        {
            html.Append(Inv($"<tr><td class=\"rule\">year end (31 July)</td><td class=\"ev\">{end.RemainingSessions} sessions left: at best {(end.BestPercent is { } best ? Inv($"{best:0.00}%") : "n/a")}; at the rate so far {(end.AtCurrentRatePercent is { } rate ? Inv($"{rate:0.00}%") : "n/a")}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string KindClass(DistanceKind kind) => kind switch
    {
        DistanceKind.Sessions or DistanceKind.SchoolDays => "near",
        DistanceKind.Reached => "reached",
        _ => "none",
    };

    /// <summary>The grid lines every 10%, the axes and a tick for each month.</summary>
    private static void Axes(StringBuilder svg, decimal yMin, LocalDate from, LocalDate to, Func<decimal, string> y, Func<LocalDate, string> x)
    {
        for (var g = yMin; g <= 100m; g += 10m)
        {
            svg.Append(Inv($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y(g)}\" y2=\"{y(g)}\"/><text x=\"{Left - 4}\" y=\"{y(g)}\" dy=\"3\" text-anchor=\"end\">{Num(g)}%</text>"));
        }

        svg.Append(Inv($"<line class=\"axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\"/><line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\"/>"));
        for (var month = new LocalDate(from.Year, from.Month, 1).PlusMonths(from.Day == 1 ? 0 : 1); month <= to; month = month.PlusMonths(1))
        {
            svg.Append(Inv($"<line class=\"axis\" x1=\"{x(month)}\" x2=\"{x(month)}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 4}\"/><text x=\"{x(month)}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{month.ToString("MMM", CultureInfo.InvariantCulture)}</text>"));
        }
    }

    /// <summary>The policy's thresholds as dashed lines, each labelled on the right (labels kept 10 units apart).</summary>
    private static void ThresholdLines(StringBuilder svg, IReadOnlyList<Threshold> thresholds, decimal yMin)
    {
        var plotHeight = Height - Top - Bottom;
        var labelY = decimal.MinValue;
        foreach (var t in thresholds.Where(t => t.Percent >= yMin && t.Percent <= 100m))
        {
            var lineY = Top + ((100m - t.Percent) * plotHeight / (100m - yMin));
            labelY = Math.Max(lineY, labelY + 10m);
            svg.Append(Inv($"<line class=\"thr{(t.IsPersistent ? " thr-pa" : string.Empty)}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Num(lineY)}\" y2=\"{Num(lineY)}\"><title>{Num(t.Percent)}%: {E(t.Label)}</title></line>"));
            svg.Append(Inv($"<text x=\"{Width - Right + 4}\" y=\"{Num(labelY)}\" dy=\"3\">{Num(t.Percent)}%</text>"));
        }
    }

    /// <summary>The cohort's attended and possible sessions in one school week.</summary>
    private sealed class WeekSums
    {
        public long Attended;
        public long Possible;
    }

    /// <summary>Adds a pupil's marks of the academic year to the cohort's weekly sums, by the school week the evaluation gave each mark.</summary>
    private static void AddWeeks(SortedDictionary<LocalDate, WeekSums> weekly, PupilResult result, AcademicYear year, LocalDate asOf)
    {
        foreach (var mark in result.Evaluation.Marks)
        {
            var date = mark.Session.Date;
            if (date < year.Start || date > asOf || mark.SchoolWeek is null || !mark.Code.IsPossibleSession)
            {
                continue;
            }

            if (!weekly.TryGetValue(mark.WeekStarting, out var sums))
            {
                weekly[mark.WeekStarting] = sums = new WeekSums();
            }

            sums.Possible++;
            sums.Attended += mark.Code.IsAttendance ? 1 : 0;
        }
    }

    /// <summary>The cohort's attendance in each school week (not year to date), against the persistent-absence line and the school's own lines.</summary>
    private static void CohortChart(StringBuilder html, SortedDictionary<LocalDate, WeekSums> weekly, IReadOnlyList<Threshold> thresholds, AcademicYear year)
    {
        var weeks = weekly.Where(w => w.Value.Possible > 0).Select(w => (Week: w.Key, Percent: 100m * w.Value.Attended / w.Value.Possible, w.Value.Attended, w.Value.Possible)).ToList();
        if (weeks.Count == 0)
        {
            html.Append("<p class=\"note\" id=\"cohort-chart\">No school weeks this academic year up to the as-of date.</p>\n");
            return;
        }

        var from = weeks[0].Week;
        var to = weeks[^1].Week.PlusDays(4);
        var lowest = weeks.Min(w => w.Percent);
        var yMin = Math.Min(80m, Math.Max(0m, Math.Floor((lowest - 5m) / 10m) * 10m));
        var span = Math.Max(1, Period.Between(from, to, PeriodUnits.Days).Days);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        string X(LocalDate date) => Num(Left + (Period.Between(from, date, PeriodUnits.Days).Days * (decimal)plotWidth / span));
        string Y(decimal percent) => Num(Top + ((100m - Math.Max(yMin, percent)) * plotHeight / (100m - yMin)));

        html.Append("<p class=\"legend\">The cohort's attendance % in each school week (green), against the persistent-absence line and the policy's own thresholds (dashed).</p>\n");
        html.Append(Inv($"<svg class=\"chart\" id=\"cohort-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"The cohort's attendance by week\">"));
        html.Append(Inv($"<title>The cohort's attendance in each school week of {year}</title>"));
        Axes(html, yMin, from, to, Y, X);
        ThresholdLines(html, thresholds, yMin);
        html.Append("<polyline class=\"cohort\" points=\"")
            .AppendJoin(' ', weeks.Select(w => X(w.Week.PlusDays(2)) + "," + Y(w.Percent)))
            .Append("\"/>");
        foreach (var w in weeks)
        {
            html.Append(Inv($"<circle class=\"cohort-dot\" cx=\"{X(w.Week.PlusDays(2))}\" cy=\"{Y(w.Percent)}\" r=\"2.5\"><title>week of {Date(w.Week)}: {w.Percent:0.00}% ({w.Attended} of {w.Possible} possible sessions)</title></circle>"));
        }

        html.Append("</svg>\n");
    }

    /// <summary>
    /// A pupil's marks of the academic year as data for the page's script, which draws the calendar
    /// when the pupil is opened: one token a session, <c>{day}{a|p}{code}[={counted as}][@{arrival}[!{status}]]</c>
    /// with the day counted from the Monday of the first week.
    /// </summary>
    private static void MarksGrid(StringBuilder html, PupilResult result, AcademicYear year, LocalDate asOf)
    {
        var marks = result.Evaluation.Marks.Where(m => m.Session.Date >= year.Start && m.Session.Date <= asOf).ToList();
        if (marks.Count == 0)
        {
            return;
        }

        var start = marks[0].WeekStarting;
        html.Append(Inv($"<div class=\"marks-grid\" data-start=\"{Date(start)}\" data-marks=\""));
        foreach (var m in marks)
        {
            html.Append(Period.Between(start, m.Session.Date, PeriodUnits.Days).Days.ToString(CultureInfo.InvariantCulture))
                .Append(m.Session.Part == SessionOfDay.AM ? 'a' : 'p')
                .Append(E(m.Code.Code));
            if (m.CountedAs.Code != m.Code.Code)
            {
                html.Append('=').Append(E(m.CountedAs.Code));
            }

            if (m.ArrivalTime is { } arrival)
            {
                html.Append('@').Append(arrival.ToString("HH:mm", CultureInfo.InvariantCulture));
                if (m.Arrival is { } outcome && outcome.Status != ArrivalStatus.NoWindow)
                {
                    html.Append('!').Append(outcome.Status switch
                    {
                        ArrivalStatus.OnTime => "on-time",
                        ArrivalStatus.Late => "late",
                        _ => "after-close",
                    });
                }
            }

            html.Append(' ');
        }

        html.Append("\"></div>\n");
    }

    /// <summary>Each code category's class in the page and its words in the legend.</summary>
    private static readonly (CodeCategory Category, string Css, string Label)[] Categories =
    [
        (CodeCategory.Present, "present", "present"),
        (CodeCategory.ApprovedEducationalActivity, "approved", "approved educational activity"),
        (CodeCategory.AuthorisedAbsence, "authorised", "authorised absence"),
        (CodeCategory.UnauthorisedAbsence, "unauthorised", "unauthorised absence"),
        (CodeCategory.UnableToAttend, "unable", "unable to attend"),
        (CodeCategory.NotRequired, "not-required", "not required to attend"),
        (CodeCategory.DualRegistered, "dual", "dual registered"),
        (CodeCategory.Administrative, "administrative", "not on roll or closed"),
    ];

    /// <summary>Every national code's category class and meaning, as JSON for the page's script (the default encoder escapes &lt;, &gt; and &amp;, so no text closes the script element).</summary>
    private static string CodeTable()
    {
        var table = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var code in NationalCodeTable.All)
        {
            // A code in both code sets: the later set's meaning.
            table[code.Code] = [Categories.First(c => c.Category == code.Category).Css, code.Meaning];
        }

        return System.Text.Json.JsonSerializer.Serialize(table);
    }

    /// <summary>The first marked date of the academic year in the marks file, where every pupil's chart starts.</summary>
    private static LocalDate FirstMarkedDate(CohortEvaluation cohort, LocalDate yearStart)
    {
        var first = cohort.AsOf;
        foreach (var pupil in cohort.AllPupils)
        {
            foreach (var mark in cohort.Marks.MarksOf(pupil))
            {
                var date = mark.Session.Date;
                if (date >= yearStart && date < first)
                {
                    first = date;
                }
            }
        }

        return first;
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

    /// <summary>
    /// A pupil's year-to-date attendance read from the evaluation's marks (each mark's code in the
    /// figures and its school week): at the end of each school week, and at any date.
    /// </summary>
    private sealed class YearToDate
    {
        private readonly List<(LocalDate Date, long Attended, long Possible)> days = [];

        /// <summary>The last marked date of each school week with a possible session, and the attendance % to then.</summary>
        public List<(LocalDate Date, decimal Percent)> Weeks { get; } = [];

        public static YearToDate Of(IReadOnlyList<MarkOutcome> marks, LocalDate yearStart, LocalDate asOf)
        {
            var ytd = new YearToDate();
            long attended = 0, possible = 0;
            for (var i = 0; i < marks.Count; i++)
            {
                var mark = marks[i];
                var date = mark.Session.Date;
                if (date < yearStart || date > asOf)
                {
                    continue;
                }

                if (mark.Code.IsPossibleSession)
                {
                    possible++;
                    attended += mark.Code.IsAttendance ? 1 : 0;
                }

                var lastOfDay = i + 1 == marks.Count || marks[i + 1].Session.Date != date;
                if (lastOfDay)
                {
                    ytd.days.Add((date, attended, possible));
                }

                var lastOfWeek = i + 1 == marks.Count || marks[i + 1].WeekStarting != mark.WeekStarting || marks[i + 1].Session.Date > asOf;
                if (lastOfWeek && mark.SchoolWeek is not null && possible > 0)
                {
                    ytd.Weeks.Add((date, 100m * attended / possible));
                }
            }

            return ytd;
        }

        /// <summary>The attendance % to the end of a date; null before any possible session.</summary>
        public decimal? At(LocalDate date)
        {
            int lo = 0, hi = days.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >> 1;
                if (days[mid].Date <= date)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo == 0 || days[lo - 1].Possible == 0 ? null : 100m * days[lo - 1].Attended / days[lo - 1].Possible;
        }
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

        // The language v2: every attendance or absence % a rule, stage, scheduled step or indicator compares against.
        foreach (var site in Policies.Conditions.ConditionSite.Of(policy))
        {
            var title = site.Owner switch
            {
                Rule r => $"{r.Id}: {r.Title}",
                Stage st => Inv($"{site.RuleId} stage {st.Number}: {st.Title}"),
                Indicator i => $"indicator {i.Id}: {i.Title}",
                _ => site.RuleId ?? string.Empty,
            };
            foreach (var comparison in Comparisons(site.When))
            {
                if (comparison.Measure is Policies.Conditions.PercentMeasure { Kind: Policies.Conditions.PercentKind.Attendance })
                {
                    all.Add((comparison.Value, title, false));
                }
                else if (comparison.Measure is Policies.Conditions.PercentMeasure { Kind: Policies.Conditions.PercentKind.Absence })
                {
                    all.Add((100m - comparison.Value, title, false));
                }
            }
        }

        all.Add((100m - policy.AbsenceFlags.PersistentPercent, Inv($"persistent absence (absence ≥ {Num(policy.AbsenceFlags.PersistentPercent)}%)"), true));
        return all
            .GroupBy(t => t.Percent)
            .OrderByDescending(g => g.Key)
            .Select(g => new Threshold(g.Key, string.Join("; ", g.Select(t => t.Label).Distinct()), g.Any(t => t.Persistent)))
            .ToList();
    }

    private static IEnumerable<Policies.Conditions.Comparison> Comparisons(Policies.Conditions.Condition condition) => condition switch
    {
        Policies.Conditions.Comparison c => [c],
        Policies.Conditions.AllCondition all => all.Conditions.SelectMany(Comparisons),
        Policies.Conditions.AnyCondition any => any.Conditions.SelectMany(Comparisons),
        Policies.Conditions.NotCondition not => Comparisons(not.Condition),
        _ => [],
    };

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
