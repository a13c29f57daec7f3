using System.CommandLine;
using System.Globalization;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Cli.Letters;
using Attendance.Rules.Cli.Output;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Files;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>letters</c>: for each letter or meeting action falling due in a date range, one HTML document
/// from the school's Liquid template for its rule and stage, and a row of <c>letters.csv</c> for mail
/// merge elsewhere. Everything is checked (templates, inputs, a template for every action) and every
/// letter rendered before the first file is written.
/// </summary>
internal static class LettersCommand
{
    /// <summary>The mail-merge file written beside the letters.</summary>
    public const string CsvName = "letters.csv";

    public static Command Create()
    {
        var command = new Command("letters", "Writes an HTML letter from a Liquid template for each letter or meeting action falling due in a date range, and letters.csv for mail merge.");
        var policy = Options.Policy();
        command.Options.Add(policy);
        var inputs = Options.AddInputsBesidesPolicy(command, asOf: false);
        var templates = new Option<string>("--templates")
        {
            Description = "The folder of Liquid templates: <rule>.stage-<n>.liquid, <rule>.liquid or default.liquid (see docs/cli.md).",
            Required = true,
            HelpName = "folder",
        };
        var from = new Option<string?>("--from")
        {
            Description = "The first day whose actions get letters (yyyy-MM-dd); --to by default.",
            HelpName = "yyyy-MM-dd",
        };
        var to = new Option<string?>("--to")
        {
            Description = "The last day whose actions get letters, and the evaluation date (yyyy-MM-dd); the last date in the marks file by default.",
            HelpName = "yyyy-MM-dd",
        };
        var output = new Option<string>("--out")
        {
            Description = "The folder the letters and letters.csv are written to (made if missing).",
            Required = true,
            HelpName = "folder",
        };
        foreach (var option in new Option[] { templates, from, to, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => App.Guard(result, (_, stderr, _) =>
            Run(inputs(result, result.GetRequiredValue(policy)), result.GetRequiredValue(templates), result.GetValue(from), result.GetValue(to), result.GetRequiredValue(output), stderr)));
        return command;
    }

    private static int Run(InputOptions options, string templatesFolder, string? fromText, string? toText, string outFolder, TextWriter stderr)
    {
        var from = fromText is null ? (LocalDate?)null : Date("--from", fromText);
        var to = toText is null ? (LocalDate?)null : Date("--to", toText);
        if (from is { } f && to is { } t && f > t)
        {
            throw new InputException($"--from {fromText} is after --to {toText}");
        }

        CheckOutFolder(outFolder, templatesFolder, options);
        var templates = LetterTemplates.Load(templatesFolder, LetterFields.All);
        var cohort = CohortEvaluation.Load(options with { AsOf = toText }, stderr);
        var last = cohort.AsOf;
        var first = from ?? last;
        if (first > last)
        {
            throw new InputException($"--from {fromText} is after the evaluation date {LetterFields.Date(last)} (the last date in {cohort.Marks.Path}; give --to)");
        }

        var letters = Letters(cohort, templates, first, last);
        var inputs = new[] { options.Policy, options.Marks, options.Pupils, options.Calendar }
            .Concat(templates.Names.Select(n => Path.Combine(templatesFolder, n))).ToArray();
        var rendered = letters.Select(l => (l.File, Html: Render(templates, l))).ToList();
        foreach (var path in rendered.Select(r => r.File).Append(CsvName))
        {
            OutputFile.CheckNotAnInput(Path.Combine(outFolder, path), inputs);
        }

        Directory.CreateDirectory(outFolder);
        foreach (var (file, html) in rendered)
        {
            OutputFile.Write(Path.Combine(outFolder, file), writer => writer.Write(html));
        }

        OutputFile.Write(Path.Combine(outFolder, CsvName), writer => LettersCsv.Write(writer, letters));
        var pupils = letters.Select(l => l.Pupil).Distinct(StringComparer.Ordinal).Count();
        var range = first == last ? $"on {LetterFields.Date(last)}" : $"from {LetterFields.Date(first)} to {LetterFields.Date(last)}";
        stderr.WriteLine(letters.Count == 0
            ? $"{outFolder}: no letter or meeting falls due {range}; {CsvName} has only its header"
            : string.Create(CultureInfo.InvariantCulture, $"{outFolder}: {letters.Count} letter{(letters.Count == 1 ? string.Empty : "s")} for {pupils} pupil{(pupils == 1 ? string.Empty : "s")} falling due {range}, and {CsvName}"));
        return App.Success;
    }

    /// <summary>The letters to write, in date, pupil (marks file) and action order, each with its template; exit 2 when an action has none.</summary>
    private static List<LetterData> Letters(CohortEvaluation cohort, LetterTemplates templates, LocalDate first, LocalDate last)
    {
        var letters = new List<LetterData>();
        var missing = new List<(string Pupil, PolicyAction Action)>();
        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pupil in cohort.AllPupils)
        {
            var result = cohort.Evaluate(pupil);
            var due = result.Evaluation.Actions.Where(a => a.Kind is ActionKind.Letter or ActionKind.Meeting && a.Date >= first && a.Date <= last).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var register = cohort.Register(pupil);
            var details = cohort.Pupils.DetailsOf.TryGetValue(pupil, out var d) ? d : PupilDetails.None;
            foreach (var action in due)
            {
                if (templates.Find(action) is not { } template)
                {
                    missing.Add((pupil, action));
                    continue;
                }

                // The figures and distances on the day the action fell due, as its evidence quotes them.
                var onTheDay = action.Date == cohort.AsOf ? result.Evaluation : cohort.Policy.Evaluate(register, action.Date, cohort.Calendar);
                var file = FileName(pupil, action, files);
                letters.Add(new LetterData(cohort.Policy.Policy, cohort.Policy.Version, pupil, result.YearGroup, details, action, onTheDay.Figures, onTheDay.Outlook, file, template));
            }
        }

        if (missing.Count > 0)
        {
            var (pupil, action) = missing[0];
            var more = missing.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $" ({missing.Count - 1} more action{(missing.Count == 2 ? string.Empty : "s")} without a template)")
                : string.Empty;
            throw new InputException(
                $"no letter template for {Describe(action)} for pupil {pupil} on {LetterFields.Date(action.Date)}: {templates.Folder} has none of {string.Join(", ", LetterTemplates.Candidates(action))}{more}; no letter was written");
        }

        return letters.OrderBy(l => l.Action.Date).ToList();
    }

    /// <summary>Renders one letter; a template that fails as it runs (a loop past its step limit) is bad input naming it.</summary>
    private static string Render(LetterTemplates templates, LetterData letter)
    {
        try
        {
            return templates.Render(letter.Template, MergeField.Model(LetterFields.All, letter));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InputException($"{Path.Combine(templates.Folder, letter.Template)}: error: {e.Message} (writing {letter.File}); no letter was written");
        }
    }

    private static string Describe(PolicyAction action) =>
        $"the {CohortEvaluation.KindName(action.Kind)} of rule {action.RuleId}{(action.Stage is { } s ? string.Create(CultureInfo.InvariantCulture, $" stage {s}") : string.Empty)} '{action.Title}'";

    /// <summary><c>2025-10-21-S011-attendance-concern-stage-1.html</c>: characters other than letters, digits, '-' and '_' become '_'; a second letter of the same name gets <c>-2</c>.</summary>
    private static string FileName(string pupil, PolicyAction action, HashSet<string> taken)
    {
        var stem = Safe(string.Create(CultureInfo.InvariantCulture,
            $"{LetterFields.Date(action.Date)}-{pupil}-{action.RuleId}{(action.Stage is { } s ? $"-stage-{s}" : string.Empty)}"));
        var name = stem + ".html";
        for (var n = 2; !taken.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.html");
        }

        return name;
    }

    private static string Safe(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars);
        return safe.Length > 200 ? safe[..200] : safe;
    }

    private static LocalDate Date(string option, string text)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            throw new InputException($"{option} {CsvTable.Quote(text)} is not a date as yyyy-MM-dd");
        }

        return RegisterDates.Problem(parsed.Value, option) is { } outside ? throw new InputException(outside) : parsed.Value;
    }

    /// <summary>The output folder may not be an input file, the templates folder, or an existing file.</summary>
    private static void CheckOutFolder(string outFolder, string templatesFolder, InputOptions options)
    {
        OutputFile.CheckNotAnInput(outFolder, options.Policy, options.Marks, options.Pupils, options.Calendar);
        if (File.Exists(outFolder))
        {
            throw new InputException($"--out {outFolder} is a file; it should be a folder for the letters");
        }

        if (string.Equals(PathResolution.RealPath(outFolder), PathResolution.RealPath(templatesFolder), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw new InputException($"--out {outFolder} is the templates folder; letters are written to a folder of their own, so nothing was read");
        }
    }

}
