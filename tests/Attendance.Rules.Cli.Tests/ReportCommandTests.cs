using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Attendance.Rules.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "attendance-rules-report-" + Guid.NewGuid().ToString("N"));

    public ReportCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_page_is_written_for_a_small_csv_with_a_table_row_and_a_chart_per_pupil()
    {
        var (result, html) = Report("marks.csv", "--pupils", CliRun.Data("pupils.csv"));

        Assert.Equal(0, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("report.html: html for 2 pupils", result.Stderr);
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-year=\"5\" data-flags=\"persistent penalty-notice\" data-section=\"p1\"><td data-v=\"B002\"><a class=\"pupil\" href=\"#p1\">B002</a></td><td class=\"n\" data-v=\"7\">5</td><td class=\"n\">30</td><td class=\"n\" data-v=\"66.67\">66.67</td>", html);
        Assert.Contains("<a class=\"pupil\" href=\"#p2\">A001</a>", html);
        Assert.Equal(2, Regex.Count(html, "<tr data-year="));
        Assert.Equal(2, Regex.Count(html, "<svg class=\"chart\" xmlns"));
        Assert.Contains("<h1>CLI Test Primary School</h1>", html);
        Assert.Contains("<code>cli-test-school</code> version <code>1.0+", html);
        Assert.Contains("<b id=\"count-pupils\">2</b>", html);
        Assert.Contains("<b id=\"count-persistent\">1</b>", html);
        Assert.Contains("<b id=\"count-severe\">0</b>", html);
        Assert.Contains("<b>2025-09-26</b> (as of)", html);
    }

    [Fact]
    public void The_page_loads_nothing_from_outside_itself()
    {
        var (result, html) = Report("marks.csv");

        Assert.Equal(0, result.Exit);
        Assert.Contains("<svg", html);
        Assert.Contains("<script>", html);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SvgNamespace, html);
        var withoutNamespace = html.Replace(SvgNamespace, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", withoutNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", withoutNamespace, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_twice_and_under_a_french_culture()
    {
        var first = ReportBytes();
        var second = ReportBytes();
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        byte[] french;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
            french = ReportBytes();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }

        Assert.Equal(first, second);
        Assert.Equal(first, french);
    }

    [Fact]
    public void A_pupil_id_with_markup_characters_is_escaped_everywhere()
    {
        var marks = Path.Combine(folder, "marks-markup.csv");
        var rows = new StringBuilder("pupil,date,session,code\n");
        foreach (var day in Enumerable.Range(8, 5))
        {
            rows.Append(CultureInfo.InvariantCulture, $"<b>&,2025-09-{day:00},AM,/\n<b>&,2025-09-{day:00},PM,O\n");
        }

        File.WriteAllText(marks, rows.ToString());

        var (result, html) = Report(marks);

        Assert.Equal(0, result.Exit);
        Assert.Contains("<a class=\"pupil\" href=\"#p1\">&lt;b&gt;&amp;</a>", html);
        Assert.Contains("<td data-v=\"&lt;b&gt;&amp;\">", html);
        Assert.Contains("<span class=\"id\">&lt;b&gt;&amp;</span>", html);
        Assert.DoesNotContain("<b>&", html);
        Assert.DoesNotContain("\"<b>", html);
    }

    [Fact]
    public void The_chart_draws_the_policy_thresholds_and_a_dot_with_a_tooltip_for_each_day_with_actions()
    {
        var (result, html) = Report("marks.csv");
        var json = CliRun.Evaluate("marks.csv", "--format", "json");

        Assert.Equal(0, result.Exit);
        var actionDays = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("pupils").EnumerateArray()
            .Sum(p => p.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("date").GetString()).Distinct().Count());
        Assert.True(actionDays > 0);
        Assert.Equal(actionDays, Regex.Count(html, "<circle [^>]*><title>\\d{4}-\\d{2}-\\d{2}"));

        // The attendance-letter rule's 90% and the national persistent absence line (100 - 10) coincide.
        Assert.Contains("<title>90%: attendance-letter: Letter home (attendance below 90%); persistent absence (absence ≥ 10%)</title>", html);
        Assert.Contains("attendance-letter: Letter home (attendance below 90%)\n  evidence: attendance 83.33% (10 of 12 possible sessions) this academic year fell below 90%", html);
        Assert.Matches("<polyline class=\"att\" points=\"[0-9.]+,[0-9.]+( [0-9.]+,[0-9.]+){2,}\"/>", html);
    }

    [Fact]
    public void In_strict_mode_a_bad_row_exits_2_and_writes_no_page()
    {
        var (result, _) = Report("marks-bad-date.csv");

        Assert.Equal(2, result.Exit);
        Assert.Contains("marks-bad-date.csv:4: date '2025-09-31' is not a date as yyyy-MM-dd", result.Stderr);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void In_lenient_mode_a_bad_row_is_skipped_and_the_page_is_written()
    {
        var (result, html) = Report("marks-bad-date.csv", "--lenient");

        Assert.Equal(0, result.Exit);
        Assert.Contains("marks-bad-date.csv:4: rejected:", result.Stderr);
        Assert.Contains("4 rows read, 1 rejected", html);
    }

    [Fact]
    public void Without_out_the_command_line_is_bad_input()
    {
        var result = CliRun.Run("report", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("--out", result.Stderr);
    }

    private (CliResult Result, string Html) Report(string marks, params string[] extra)
    {
        var output = Path.Combine(folder, "report.html");
        var result = CliRun.Run(["report", "--policy", CliRun.Data("policy.yaml"), "--marks", Path.IsPathRooted(marks) ? marks : CliRun.Data(marks), "--out", output, .. extra]);
        return (result, File.Exists(output) ? File.ReadAllText(output) : string.Empty);
    }

    private byte[] ReportBytes()
    {
        var (result, _) = Report("marks.csv", "--pupils", CliRun.Data("pupils.csv"));
        Assert.Equal(0, result.Exit);
        var bytes = File.ReadAllBytes(Path.Combine(folder, "report.html"));
        File.Delete(Path.Combine(folder, "report.html"));
        return bytes;
    }
}
