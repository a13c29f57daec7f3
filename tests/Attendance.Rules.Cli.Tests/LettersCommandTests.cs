using System.Text.Json;
using Attendance.Rules.Cli.Letters;
using Attendance.Rules.Tests.Files;

namespace Attendance.Rules.Cli.Tests;

/// <summary><c>letters</c>: merge values in the letters and letters.csv, on the test data and the shipped samples; bad templates and folders.</summary>
public sealed class LettersCommandTests : IDisposable
{
    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    private string Out => files.PathOf("out");

    /// <summary>A copy of the test templates (Data/letters) in the temporary folder, with extra or replaced files.</summary>
    private string Templates(params (string Name, string Text)[] extra)
    {
        var folder = files.PathOf("templates");
        Directory.CreateDirectory(folder);
        foreach (var path in Directory.GetFiles(CliRun.Data("letters")))
        {
            File.Copy(path, Path.Combine(folder, Path.GetFileName(path)));
        }

        foreach (var (name, text) in extra)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    private static CliResult Letters(string templates, string outFolder, params string[] extra) =>
        CliRun.Run(["letters", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--pupils", CliRun.Data("pupils-contacts.csv"),
            "--templates", templates, "--out", outFolder, .. extra]);

    private static JsonElement Evaluate(string policy, string marks, string asOf)
    {
        var result = CliRun.Run("evaluate", "--policy", policy, "--marks", marks, "--format", "json", "--as-of", asOf);
        Assert.True(result.Exit == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static string Element(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id} in {html}");
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf("</", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void A_letter_carries_the_pupil_the_school_the_action_its_evidence_figures_and_follow_ups()
    {
        var result = Letters(CliRun.Data("letters"), Out, "--from", "2025-09-15", "--to", "2025-09-15");
        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal($"{Out}: 1 letter for 1 pupil falling due on 2025-09-15, and letters.csv", Assert.Single(result.StderrLines));
        var html = File.ReadAllText(Path.Combine(Out, "2025-09-15-B002-attendance-letter.html"));

        // The evaluation on the day: the same evidence and attendance as evaluate gives.
        var pupil = Evaluate(CliRun.Data("policy.yaml"), CliRun.Data("marks.csv"), "2025-09-15").GetProperty("pupils").EnumerateArray().Single(p => p.GetProperty("pupil").GetString() == "B002");
        var action = pupil.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == "attendance-letter");
        Assert.Equal(action.GetProperty("evidence").GetString(), Element(html, "evidence"));
        Assert.Equal(
            $"{pupil.GetProperty("attendance_percent").GetDecimal():0.00}% of {pupil.GetProperty("possible_sessions").GetInt32()}; absent {pupil.GetProperty("authorised_absence_sessions").GetInt32() + pupil.GetProperty("unauthorised_absence_sessions").GetInt32()} ({pupil.GetProperty("unauthorised_absence_sessions").GetInt32()} unauthorised); persistent true",
            Element(html, "figures"));

        Assert.Equal("CLI Test Primary School (cli-test-school, Testshire)", Element(html, "school"));
        Assert.Equal("Ms C. Brown|1 High Street|Testtown|TE1 1ST|c.brown@example.org", Element(html, "to"));
        Assert.Equal("Bea Brown (B002, year 5)", Element(html, "pupil"));
        Assert.Equal("attendance-letter/none/letter/2025-09-15/Monday 15 September 2025/PM", Element(html, "action"));
        Assert.Equal("Letter home (attendance below 90%)", Element(html, "title"));
        Assert.Contains("<li>1. Phone call from the class teacher", html, StringComparison.Ordinal);
        Assert.Equal("2025-09-15-B002-attendance-letter.html from attendance-letter.liquid", Element(html, "file"));
    }

    [Fact]
    public void A_letter_carries_the_pupils_distances_on_the_day_it_fell_due()
    {
        var templates = Templates(("attendance-letter.liquid", """
            <ul>{% for d in distances %}<li id="{{ d.id }}">{{ d.text }}</li>{% endfor %}</ul>
            <p id="steps">{% for d in distances %}{% if d.id == "severe-absence" %}{{ d.kind }} {{ d.steps }} {{ d.of }} {{ d.percent }}{% endif %}{% endfor %}</p>
            <p id="year-end">{{ year_end.available }}</p>
            """));

        var result = Letters(templates, Out, "--from", "2025-09-15", "--to", "2025-09-15");

        Assert.True(result.Exit == 0, result.Stderr);
        var html = File.ReadAllText(Path.Combine(Out, "2025-09-15-B002-attendance-letter.html"));
        // B002 on 15 September: absent both sessions that day, 2 of 12 possible sessions (16.67%);
        // (2 + k) / (12 + k) reaches 50% at k = 8 further absent sessions.
        Assert.Equal("sessions 8 absent 16.67", Element(html, "steps"));
        Assert.StartsWith("absence 16.67%, line 50%: 8 more absent sessions reach it", Element(html, "severe-absence"), StringComparison.Ordinal);
        Assert.Equal("false", Element(html, "year-end"));
    }

    [Fact]
    public void A_letter_before_the_evaluation_date_reads_the_pupils_roll()
    {
        // B002 born in 2021: not of compulsory school age until 31 March 2026, so on 15 September 2025
        // the penalty-notice referral does not apply to them (the roll is in the pupils file only).
        var pupils = files.PathOf("pupils-roll.csv");
        File.WriteAllText(pupils, "pupil,year_group,date_of_birth\nA001,3,2017-05-01\nB002,5,2021-01-15\n");
        var templates = Templates(("attendance-letter.liquid", """
            <p id="referral">{% for d in distances %}{% if d.id == "penalty-notice-threshold" %}{{ d.kind }}{% endif %}{% endfor %}</p>
            """));

        var result = CliRun.Run("letters", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--pupils", pupils,
            "--templates", templates, "--out", Out, "--from", "2025-09-15", "--to", "2025-09-15");

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal("does-not-apply", Element(File.ReadAllText(Path.Combine(Out, "2025-09-15-B002-attendance-letter.html")), "referral"));
    }

    [Fact]
    public void Letters_csv_has_a_row_per_letter_with_every_merge_field()
    {
        var result = Letters(CliRun.Data("letters"), Out, "--from", "2025-09-01", "--to", "2025-09-26");
        Assert.True(result.Exit == 0, result.Stderr);
        var lines = File.ReadAllLines(Path.Combine(Out, "letters.csv"));
        Assert.Equal(string.Join(",", LettersCsv.Columns), lines[0]);
        var row = Assert.Single(lines.Skip(1));
        var header = lines[0].Split(',');
        string Field(string column) => SplitCsv(row)[Array.IndexOf(header, column)];
        Assert.Equal("2025-09-15-B002-attendance-letter.html", Field("letter_file"));
        Assert.Equal("Bea Brown", Field("pupil_name"));
        Assert.Equal("1 High Street; Testtown; TE1 1ST", Field("pupil_contact_address_lines"));
        Assert.Equal("attendance-letter", Field("action_rule"));
        Assert.Equal("", Field("action_stage"));
        Assert.Equal("83.33", Field("figures_attendance_percent"));
        Assert.Equal("Phone call from the class teacher", Field("follow_ups_title"));
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }

    [Fact]
    public void Without_a_pupils_file_the_name_and_contact_are_empty_and_a_range_without_letters_writes_only_the_header()
    {
        var result = CliRun.Run("letters", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--templates", CliRun.Data("letters"), "--out", Out, "--to", "2025-09-12");
        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal($"{Out}: no letter or meeting falls due on 2025-09-12; letters.csv has only its header", Assert.Single(result.StderrLines));
        Assert.Single(File.ReadAllLines(Path.Combine(Out, "letters.csv")));

        var named = CliRun.Run("letters", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--templates", CliRun.Data("letters"), "--out", Out, "--to", "2025-09-15");
        Assert.True(named.Exit == 0, named.Stderr);
        var html = File.ReadAllText(Path.Combine(Out, "2025-09-15-B002-attendance-letter.html"));
        Assert.Equal(" (B002, year )", Element(html, "pupil"));
    }

    // Stanborough's stage 1 letters for October on its shipped sample: one letter per stage 1 action
    // evaluate gives in the month, each with the pupil's evidence and the policy's follow-ups.
    [Fact]
    public void The_shipped_stanborough_templates_write_each_october_stage_1_letter_with_its_evidence()
    {
        var policy = CliRun.RepositoryPolicy("stanborough.yaml");
        var marks = CliRun.RepositoryFile("samples/data/stanborough.csv");
        var result = CliRun.Run("letters", "--policy", policy, "--marks", marks, "--pupils", CliRun.RepositoryFile("samples/data/stanborough-pupils.csv"),
            "--templates", CliRun.RepositoryFile("samples/letters/stanborough"), "--from", "2025-10-01", "--to", "2025-10-31", "--out", Out);
        Assert.True(result.Exit == 0, result.Stderr);

        var expected = Evaluate(policy, marks, "2025-10-31").GetProperty("pupils").EnumerateArray()
            .SelectMany(p => p.GetProperty("actions").EnumerateArray().Select(a => (Pupil: p.GetProperty("pupil").GetString()!, Action: a)))
            .Where(x => x.Action.GetProperty("kind").GetString() is "letter" or "meeting" && string.CompareOrdinal(x.Action.GetProperty("date").GetString(), "2025-10-01") >= 0)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, Directory.GetFiles(Out, "*.html").Length);
        foreach (var (pupil, action) in expected)
        {
            var file = Path.Combine(Out, $"{action.GetProperty("date").GetString()}-{pupil}-{action.GetProperty("rule").GetString()}-stage-{action.GetProperty("stage").GetInt32()}.html");
            var html = File.ReadAllText(file);
            Assert.Contains($"Why this letter was sent: {System.Net.WebUtility.HtmlEncode(action.GetProperty("evidence").GetString())}", html, StringComparison.Ordinal);
            Assert.Contains($"Reference: {pupil} · attendance-concern stage 1", html, StringComparison.Ordinal);
            Assert.Contains("<li>Offer a Families First Assessment</li>", html, StringComparison.Ordinal);
        }
    }

    // Every seed school's template set covers every letter and meeting its sample brings in a month.
    [Theory]
    [InlineData("stanborough")]
    [InlineData("hall-green-primary")]
    [InlineData("laurence-jackson")]
    [InlineData("willoughby-primary")]
    [InlineData("aycliffe-drive-primary")]
    public void Each_seed_schools_templates_serve_its_sample(string school)
    {
        var policy = CliRun.RepositoryPolicy($"{school}.yaml");
        var marks = CliRun.RepositoryFile($"samples/data/{school}.csv");
        var result = CliRun.Run("letters", "--policy", policy, "--marks", marks, "--pupils", CliRun.RepositoryFile($"samples/data/{school}-pupils.csv"),
            "--templates", CliRun.RepositoryFile($"samples/letters/{school}"), "--from", "2025-11-01", "--to", "2025-11-30", "--out", Out);
        Assert.True(result.Exit == 0, result.Stderr);
        var expected = Evaluate(policy, marks, "2025-11-30").GetProperty("pupils").EnumerateArray()
            .Sum(p => p.GetProperty("actions").EnumerateArray().Count(a => a.GetProperty("kind").GetString() is "letter" or "meeting" && string.CompareOrdinal(a.GetProperty("date").GetString(), "2025-11-01") >= 0));
        Assert.Equal(expected, Directory.GetFiles(Out, "*.html").Length);
        Assert.Equal(expected + 1, File.ReadAllLines(Path.Combine(Out, "letters.csv")).Length);
    }

    [Fact]
    public void An_unknown_field_fails_with_the_templates_file_line_and_column_before_anything_is_written()
    {
        var templates = Templates(("attendance-letter.liquid", "<p>{{ pupil.name }}</p>\n<p>Dear {{ pupil.contact.nmae }},</p>\n{% for step in follow_ups %}{{ step.titel }}{% endfor %}\n"));
        var result = Letters(templates, Out, "--from", "2025-09-01");
        Assert.Equal(2, result.Exit);
        var file = Path.Combine(templates, "attendance-letter.liquid");
        Assert.Equal(
            [
                $"{file}:2:12: error: unknown field 'pupil.contact.nmae': pupil.contact has the fields name, address, address_lines, email",
                $"{file}:3:32: error: unknown field 'step.titel': step has the fields title",
                $"{templates}: 2 problems in the letter templates; no letter was written",
            ],
            result.StderrLines);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("{{ schol.name }}", "1:4", "unknown field 'schol': the fields are letter, school, pupil, action, figures, follow_ups, distances, year_end")]
    [InlineData("x {{ action.date | frobnicate }}", "1:18", "unknown filter 'frobnicate'")]
    [InlineData("{{ figures.attendance_percent.value }}", "1:4", "unknown field 'figures.attendance_percent.value': figures.attendance_percent is a single value")]
    [InlineData("{{ follow_ups.title }}", "1:4", "unknown field 'follow_ups.title': follow_ups is a list: it has size, first and last, and its items are read with a for loop")]
    [InlineData("\n\n  {% include 'other' %}", "3:3", "include is not allowed: a letter template is one file")]
    [InlineData("{% for i in (1..figures.possible) %}{{ i }}{% endfor %}", "1:17", "unknown field 'figures.possible': figures has the fields from, to, to_text, attendance_percent, absence_percent, possible_sessions, present_sessions, authorised_absence_sessions, unauthorised_absence_sessions, absence_sessions, late_sessions, persistent_absence, severe_absence")]
    public void A_template_that_reads_what_the_model_does_not_have_is_refused(string template, string position, string message)
    {
        var templates = Templates(("default.liquid", template));
        var result = Letters(templates, Out);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"{Path.Combine(templates, "default.liquid")}:{position}: error: {message}", result.StderrLines[0]);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void The_fields_a_template_may_read_include_its_own_variables_and_the_loop()
    {
        var templates = Templates(("default.liquid",
            "{% assign who = pupil.name | default: pupil.id %}{% capture line %}{{ who }}{% endcapture %}{{ line.size }}"
            + "{% for s in action.sessions %}{{ forloop.index }}{{ s }}{% endfor %}{{ follow_ups.first.title }}{{ follow_ups[0].title }}{{ pupil['id'] }}"));
        var result = Letters(templates, Out, "--from", "2025-09-01");
        Assert.True(result.Exit == 0, result.Stderr);
    }

    [Fact]
    public void A_template_that_does_not_parse_fails_with_fluids_line_and_column()
    {
        var templates = Templates(("default.liquid", "<p>one</p>\n<p>{% if pupil.id %}two</p>\n"));
        var result = Letters(templates, Out);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"{Path.Combine(templates, "default.liquid")}:2:29: error: '{{% endif %}}' was expected", result.StderrLines[0]);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void An_action_without_a_template_fails_naming_the_action_before_anything_is_written()
    {
        var templates = files.PathOf("only-termly");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "termly-report.liquid"), "{{ action.title }}");
        var result = Letters(templates, Out, "--from", "2025-09-01");
        Assert.Equal(2, result.Exit);
        Assert.Equal(
            $"no letter template for the letter of rule attendance-letter 'Letter home (attendance below 90%)' for pupil B002 on 2025-09-15: {templates} has none of attendance-letter.liquid, default.liquid; no letter was written",
            Assert.Single(result.StderrLines));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_missing_templates_folder_is_one_line_of_bad_input()
    {
        var missing = files.PathOf("no-such-folder");
        var result = Letters(missing, Out);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"--templates {missing}: there is no such folder", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_templates_path_that_is_a_file_is_one_line_of_bad_input()
    {
        var result = Letters(CliRun.Data("policy.yaml"), Out);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"--templates {CliRun.Data("policy.yaml")} is a file; it should be a folder of letter templates (*.liquid)", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_folder_without_templates_is_one_line_of_bad_input()
    {
        var empty = files.PathOf("empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not a template");
        var result = Letters(empty, Out);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"--templates {empty}: the folder has no letter templates (*.liquid)", Assert.Single(result.StderrLines));
    }

    // The tests run as root, for whom no permission bit makes a folder unreadable: a template that
    // is a FIFO (reading it would block) stands for a file that cannot be read.
    [Fact]
    public void An_unreadable_template_is_one_line_of_bad_input()
    {
        var templates = Templates();
        File.Delete(Path.Combine(templates, "default.liquid"));
        var fifo = files.Fifo(Path.Combine("templates", "default.liquid"));
        HostileFiles.Guarded(() =>
        {
            var result = Letters(templates, Out);
            Assert.Equal(2, result.Exit);
            var line = Assert.Single(result.StderrLines);
            Assert.Contains(fifo, line, StringComparison.Ordinal);
            Assert.Contains("not a regular file", line, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Out_naming_an_input_or_the_templates_folder_or_a_file_is_refused()
    {
        var marks = Letters(CliRun.Data("letters"), CliRun.Data("marks.csv"));
        Assert.Equal(2, marks.Exit);
        Assert.Contains("names the input", Assert.Single(marks.StderrLines), StringComparison.Ordinal);

        var templates = Templates();
        var same = Letters(templates, templates);
        Assert.Equal(2, same.Exit);
        Assert.Equal($"--out {templates} is the templates folder; letters are written to a folder of their own, so nothing was read", Assert.Single(same.StderrLines));

        var file = files.Write("a-file", "x");
        var onFile = Letters(templates, file);
        Assert.Equal(2, onFile.Exit);
        Assert.Equal($"--out {file} is a file; it should be a folder for the letters", Assert.Single(onFile.StderrLines));
    }

    [Fact]
    public void A_template_that_runs_past_its_step_limit_is_bad_input_naming_it()
    {
        var templates = Templates(("attendance-letter.liquid", "{% for i in (1..5000000) %}{{ i }}{% endfor %}"));
        var result = Letters(templates, Out, "--to", "2025-09-15");
        Assert.Equal(2, result.Exit);
        Assert.StartsWith($"{Path.Combine(templates, "attendance-letter.liquid")}: error: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.EndsWith("(writing 2025-09-15-B002-attendance-letter.html); no letter was written", result.StderrLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void From_after_to_is_bad_input()
    {
        var result = Letters(CliRun.Data("letters"), Out, "--from", "2025-09-20", "--to", "2025-09-10");
        Assert.Equal(2, result.Exit);
        Assert.Equal("--from 2025-09-20 is after --to 2025-09-10", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_value_is_html_escaped_in_the_letter()
    {
        var pupils = files.Write("pupils.csv", "pupil,year_group,name\nB002,5,<script>alert(1)</script> & Co\n");
        var result = CliRun.Run("letters", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--pupils", pupils,
            "--templates", CliRun.Data("letters"), "--out", Out, "--to", "2025-09-15");
        Assert.True(result.Exit == 0, result.Stderr);
        var html = File.ReadAllText(Path.Combine(Out, "2025-09-15-B002-attendance-letter.html"));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_merge_field_is_in_the_docs_table()
    {
        var docs = File.ReadAllText(CliRun.RepositoryFile("docs/cli.md"));
        foreach (var (path, description, _) in MergeField.Paths(LetterFields.All))
        {
            Assert.Contains($"| `{path}` | {description} |", docs, StringComparison.Ordinal);
        }
    }
}
