using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Attendance.Rules.Cli.Tests;

/// <summary>The report's parts for the attendance officer: what is due, the cohort's weeks, filters and each pupil's marks.</summary>
public sealed class ReportSectionsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "attendance-rules-report-parts-" + Guid.NewGuid().ToString("N"));

    public ReportSectionsTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_page_opens_on_the_actions_due_today_then_those_due_earlier_in_the_week()
    {
        var policy = CliRun.RepositoryPolicy("laurence-jackson.yaml");
        var marks = CliRun.RepositoryFile("samples/data/laurence-jackson.csv");
        var html = Report(policy, marks);
        var json = JsonDocument.Parse(CliRun.Run("evaluate", "--policy", policy, "--marks", marks, "--format", "json").Stdout).RootElement;
        var asOf = json.GetProperty("as_of").GetString()!;
        var actions = json.GetProperty("pupils").EnumerateArray()
            .SelectMany(p => p.GetProperty("actions").EnumerateArray().Select(a => (Pupil: p.GetProperty("pupil").GetString()!, Rule: a.GetProperty("rule").GetString()!, Date: a.GetProperty("date").GetString()!)))
            .ToList();
        var today = actions.Where(a => a.Date == asOf).ToList();
        // The as-of date is a Wednesday: the week began on the Monday.
        var earlier = actions.Where(a => string.CompareOrdinal(a.Date, "2026-07-20") >= 0 && string.CompareOrdinal(a.Date, asOf) < 0).ToList();
        Assert.Equal("2026-07-22", asOf);
        Assert.NotEmpty(today);
        Assert.NotEmpty(earlier);

        var first = html.IndexOf("<section id=\"due-today\"", StringComparison.Ordinal);
        Assert.True(first > 0 && first < html.IndexOf("<h2>Cohort</h2>", StringComparison.Ordinal));
        var dueToday = Section(html, "due-today");
        var dueEarlier = Section(html, "due-week");
        Assert.Equal(today.Count, Regex.Count(dueToday, "<tr><td><a class=\"pupil\""));
        Assert.Equal(earlier.Count, Regex.Count(dueEarlier, "<tr><td><a class=\"pupil\""));
        foreach (var (pupil, rule, date) in today)
        {
            Assert.Contains($">{rule}", dueToday);
            Assert.Contains($">{pupil}</a></td><td>{date} ", dueToday);
        }

        Assert.Contains($"<b id=\"count-due-today\">{today.Count}</b>", html);
        Assert.Contains($"<b id=\"count-due-week\">{today.Count + earlier.Count}</b>", html);
    }

    [Fact]
    public void Due_actions_are_grouped_by_kind_safeguarding_and_referrals_first()
    {
        var html = Report(CliRun.RepositoryPolicy("laurence-jackson.yaml"), CliRun.RepositoryFile("samples/data/laurence-jackson.csv"));
        var today = Section(html, "due-today");

        var kinds = Regex.Matches(today, "<td class=\"kind\" colspan=\"3\"><i class=\"sw k-([a-z-]+)\"></i>").Select(m => m.Groups[1].Value).ToList();
        string[] order = ["safeguarding", "referral", "notification", "meeting", "letter", "sanction", "data-quality", "reward"];
        Assert.NotEmpty(kinds);
        Assert.Equal(kinds.OrderBy(k => Array.IndexOf(order, k)), kinds);
    }

    [Fact]
    public void A_routine_scheduled_step_is_one_line_with_its_pupils_and_never_the_last_action()
    {
        // Every pupil gets the weekly tutor update on the Friday; one pupil also gets a letter earlier in the week.
        var policy = Write("policy.yaml", """
            id: routine-test
            version: "1.0"
            name: Routine Test School
            document:
              title: Test
            rules:
              - id: tutor-update
                type: scheduled
                title: Weekly update to the tutor
                action: notification
                every: week
                source: "Tutors are updated every week."
              - id: absence-letter
                type: session_count
                title: Letter after two unauthorised sessions
                action: letter
                codes: ["O"]
                at_least: 2
                window: academic_year
                source: "A letter is sent after two unauthorised sessions."
            """);
        var rows = new StringBuilder("pupil,date,session,code\n");
        foreach (var day in Enumerable.Range(22, 5))
        {
            var date = new NodaTime.LocalDate(2025, 9, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Append(CultureInfo.InvariantCulture, $"A1,{date},AM,{(day == 23 ? "O" : "/")}\nA1,{date},PM,{(day == 23 ? "O" : "\\")}\n");
            rows.Append(CultureInfo.InvariantCulture, $"B2,{date},AM,/\nB2,{date},PM,\\\n");
        }

        // With a calendar the engine knows on the Friday that the week ends then.
        var calendar = Write("calendar.yaml", "terms:\n  - { start: 2025-09-01, end: 2025-12-19 }\n");
        var html = Report(policy, Write("marks.csv", rows.ToString()), "--calendar", calendar);

        var today = Section(html, "due-today");
        Assert.Contains("tutor-update: Weekly update to the tutor · 2 pupils on 2025-09-26 (routine scheduled step)", today);
        Assert.DoesNotContain(">A1</a></td><td>2025-09-26", today);
        Assert.Contains(">A1</a></td><td>2025-09-23 PM", Section(html, "due-week"));
        // A1's last action is the letter, not Friday's update; B2 has only routine steps.
        Assert.Contains("data-v=\"2025-09-23\">2025-09-23 Letter after two unauthorised sessions</td>", html);
        Assert.Matches("data-section=\"p2\"><td data-v=\"B2\">.*<td class=\"last\" data-v=\"\"></td></tr>", html);
    }

    [Fact]
    public void The_cohort_chart_has_a_point_a_school_week_with_its_sessions_and_the_persistent_absence_line()
    {
        var html = Report(CliRun.Data("policy.yaml"), CliRun.Data("marks.csv"));

        var chart = html[html.IndexOf("<svg class=\"chart\" id=\"cohort-chart\"", StringComparison.Ordinal)..];
        chart = chart[..chart.IndexOf("</svg>", StringComparison.Ordinal)];
        // Worked from marks.csv: both pupils present all week 1; B002 absent (O) all week 2; A001 ill (I) one day of week 3.
        Assert.Equal(
            [
                "week of 2025-09-08: 100.00% (20 of 20 possible sessions)",
                "week of 2025-09-15: 50.00% (10 of 20 possible sessions)",
                "week of 2025-09-22: 90.00% (18 of 20 possible sessions)",
            ],
            Regex.Matches(chart, "<circle class=\"cohort-dot\"[^>]*><title>([^<]*)</title>").Select(m => m.Groups[1].Value));
        Assert.Contains("<title>90%: attendance-letter: Letter home (attendance below 90%); persistent absence (absence ≥ 10%)</title>", chart);
    }

    [Fact]
    public void Each_pupil_carries_every_mark_of_the_year_with_its_code_and_classified_arrival()
    {
        var html = Report(CliRun.Data("policy.yaml"), CliRun.Data("marks.csv"), "--pupils", CliRun.Data("pupils.csv"));

        var grids = Regex.Matches(html, "<div class=\"marks-grid\" data-start=\"([0-9-]+)\" data-marks=\"([^\"]*)\"></div>");
        Assert.Equal(2, grids.Count);
        Assert.All(grids, g => Assert.Equal("2025-09-08", g.Groups[1].Value));
        // 15 school days, two sessions each, per pupil.
        Assert.All(grids, g => Assert.Equal(30, g.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        var a001 = grids.Single(g => g.Groups[2].Value.Contains("16aI", StringComparison.Ordinal)).Groups[2].Value;
        Assert.Contains("2aL@08:55!late ", a001);
        Assert.Contains("<script type=\"application/json\" id=\"codes\">", html);
        Assert.Contains("\"O\":[\"unauthorised\",", html);
        Assert.Contains("\"I\":[\"authorised\",", html);
    }

    [Fact]
    public void The_filters_offer_the_cohort_s_year_groups_and_each_row_names_its_flags()
    {
        var html = Report(CliRun.Data("policy.yaml"), CliRun.Data("marks.csv"), "--pupils", CliRun.Data("pupils.csv"));

        Assert.Contains("<select id=\"filter-year\"><option value=\"\">all</option><option value=\"3\">3</option><option value=\"5\">5</option></select>", html);
        Assert.Contains("<tr data-year=\"5\" data-flags=\"persistent penalty-notice\" data-section=\"p1\">", html);
        Assert.Matches("<tr data-year=\"3\" data-flags=\"[a-z -]*\" data-section=\"p2\">", html);
        Assert.Contains("<b id=\"shown\">2</b> of 2 pupils shown", html);
    }

    [Fact]
    public void A_language_v2_attendance_comparison_is_drawn_as_a_threshold_line()
    {
        var policy = Write("v2.yaml", """
            id: v2-lines
            version: "1.0"
            name: V2 Lines School
            document:
              title: Test
            indicators:
              - id: target
                title: The school's target
                when: { measure: attendance, at_least: 97 }
                source: "Our target is 97%."
            rules:
              - id: concern
                title: Concern letter
                action: letter
                when: { measure: absence, over: term, at_or_above: 15 }
                source: "A letter when absence in a term reaches 15%."
            """);

        var html = Report(policy, CliRun.Data("marks.csv"), "--lenient");

        Assert.Contains("<title>97%: indicator target: The school&#39;s target</title>", html);
        Assert.Contains("<title>85%: concern: Concern letter</title>", html);
    }

    [Fact]
    public void The_watch_list_is_the_worklist_s_and_each_pupil_shows_every_distance()
    {
        var html = Report(CliRun.Data("policy.yaml"), CliRun.Data("marks.csv"), "--lenient");
        var worklist = JsonDocument.Parse(CliRun.Run("worklist", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--lenient", "--format", "json").Stdout).RootElement;

        var expected = worklist.GetProperty("watch").EnumerateArray().Select(w => (w.GetProperty("pupil").GetString(), w.GetProperty("id").GetString())).ToList();
        var watch = Section(html, "watch");
        var rows = Regex.Matches(watch, "<tr><td><a class=\"pupil\" href=\"#p\\d+\">([^<]+)</a></td><td class=\"n\">\\d+</td><td class=\"rule\">([^:<]+)").Select(m => ((string?)m.Groups[1].Value, (string?)m.Groups[2].Value)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows);
        Assert.Contains($"<b id=\"count-watch\">{expected.Select(e => e.Item1).Distinct().Count()}</b>", html);

        // A001: 2 absent sessions of 30 possible (93.33%); two more reach the 90% letter and persistent absence.
        var a001 = html[html.IndexOf("data-pupil=\"A001\"", StringComparison.Ordinal)..];
        a001 = a001[..a001.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("attendance-letter: Letter home (attendance below 90%)</td><td class=\"ev\">attendance 93.33%, line 90%: 2 more absent sessions reach it (at the earliest 29 Sep 2025)</td>", a001);
        Assert.Contains("persistent-absence: Persistent absence</td><td class=\"ev\">absence 6.67%, line 10%: 2 more absent sessions reach it", a001);
        Assert.Contains("severe-absence: Severe absence</td><td class=\"ev\">absence 6.67%, line 50%: 26 more absent sessions reach it", a001);
    }

    [Fact]
    public void A_count_with_nothing_counted_yet_is_not_watched()
    {
        var policy = Write("policy.yaml", """
            id: first-occurrence
            version: "1.0"
            name: First Occurrence School
            document:
              title: Test
            rules:
              - id: first-truancy
                type: session_count
                title: Letter at the first unexplained absence
                action: letter
                codes: ["O"]
                at_least: 1
                window: academic_year
                source: "A letter at the first unexplained absence."
              - id: second-truancy
                type: session_count
                title: Meeting at the second
                action: meeting
                codes: ["O"]
                at_least: 2
                window: academic_year
                source: "A meeting at the second."
            """);
        var rows = new StringBuilder("pupil,date,session,code\n");
        foreach (var day in Enumerable.Range(22, 5))
        {
            var date = new NodaTime.LocalDate(2025, 9, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Append(CultureInfo.InvariantCulture, $"A1,{date},AM,{(day == 23 ? "O" : "/")}\nA1,{date},PM,\\\n");
            rows.Append(CultureInfo.InvariantCulture, $"B2,{date},AM,/\nB2,{date},PM,\\\n");
        }

        var marks = Write("marks.csv", rows.ToString());
        var html = Report(policy, marks);
        var worklist = JsonDocument.Parse(CliRun.Run("worklist", "--policy", policy, "--marks", marks, "--format", "json").Stdout).RootElement;

        // A1 has one O: the first letter is reached and the meeting is 1 away; B2 has none counted towards either.
        // (Ten sessions into the year, B2 is also 2 absent sessions from persistent absence: a percentage line.)
        var watched = worklist.GetProperty("watch").EnumerateArray().Select(w => (w.GetProperty("pupil").GetString(), w.GetProperty("id").GetString()))
            .Where(w => w.Item2 is "first-truancy" or "second-truancy").ToList();
        Assert.Equal([("A1", "second-truancy")], watched);
        Assert.Contains(">A1</a></td><td class=\"n\">1</td><td class=\"rule\">second-truancy", Section(html, "watch"));
        Assert.DoesNotContain(">B2</a></td><td class=\"n\">1</td><td class=\"rule\">first-truancy", Section(html, "watch"));
        Assert.Contains(">B2</a></td><td class=\"n\">2</td><td class=\"rule\">persistent-absence", Section(html, "watch"));
        // The pupil's own section still gives B2's distance.
        Assert.Contains("0 sessions of 1: 1 more session of O reaches it", html[html.IndexOf("data-pupil=\"B2\"", StringComparison.Ordinal)..]);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Report(string policy, string marks, params string[] extra)
    {
        var output = Path.Combine(folder, "report.html");
        var result = CliRun.Run(["report", "--policy", policy, "--marks", marks, "--out", output, .. extra]);
        Assert.True(result.Exit == 0, result.Stderr);
        return File.ReadAllText(output);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
