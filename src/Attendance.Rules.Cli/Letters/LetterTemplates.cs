using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Evaluation;
using Fluid;

namespace Attendance.Rules.Cli.Letters;

/// <summary>
/// A folder of Liquid letter templates (<c>*.liquid</c>), every one parsed and checked against the
/// merge fields when the folder is read, so a template that cannot be used stops the run before any
/// letter is written. A template is chosen for an action by rule and stage:
/// <c>&lt;rule&gt;.stage-&lt;n&gt;.liquid</c>, then <c>&lt;rule&gt;.liquid</c>, then <c>default.liquid</c>.
/// Templates read only the merge fields (plain dictionaries and lists): Fluid's default member
/// access exposes no .NET object, no file is included, and no function is defined.
/// </summary>
internal sealed partial class LetterTemplates
{
    /// <summary>The largest template read: a letter, not a book.</summary>
    public const long MaxTemplateBytes = 1024 * 1024;

    /// <summary>The name of the template used when no rule- or stage-specific one exists.</summary>
    public const string DefaultName = "default.liquid";

    private static readonly FluidParser Parser = new();

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, IFluidTemplate> templates;

    private LetterTemplates(string folder, Dictionary<string, IFluidTemplate> templates, TemplateOptions options)
    {
        Folder = folder;
        this.templates = templates;
        Options = options;
    }

    public string Folder { get; }

    public TemplateOptions Options { get; }

    /// <summary>The templates' file names, in ordinal order.</summary>
    public IEnumerable<string> Names => templates.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads, parses and checks every template of a folder.</summary>
    /// <exception cref="InputException">The folder is missing or unreadable, has no template, or a template does not parse or reads an unknown field: each problem as <c>file:line:column: error: message</c>.</exception>
    public static LetterTemplates Load(string folder, IReadOnlyList<MergeField> fields)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(File.Exists(folder)
                ? $"--templates {folder} is a file; it should be a folder of letter templates (*.liquid)"
                : $"--templates {folder}: there is no such folder");
        }

        string[] paths;
        try
        {
            paths = Directory.GetFiles(folder, "*.liquid", new EnumerationOptions { IgnoreInaccessible = false, RecurseSubdirectories = false, MatchCasing = MatchCasing.CaseSensitive });
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"--templates {folder}: the folder cannot be read ({e.Message})");
        }

        if (paths.Length == 0)
        {
            throw new InputException($"--templates {folder}: the folder has no letter templates (*.liquid)");
        }

        Array.Sort(paths, StringComparer.Ordinal);
        var options = NewOptions();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var text = InputFiles.ReadText(path, MaxTemplateBytes, "letter template");
            if (!Parser.TryParse(text, out var template, out var error))
            {
                var (line, column, message) = ParseError(error);
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: error: {message}"));
                continue;
            }

            var source = new TemplateSource(text);
            foreach (var problem in TemplateChecker.Check(template, fields, options))
            {
                var (line, column) = source.Locate(problem.Words);
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: error: {problem.Message}"));
            }

            templates[Path.GetFileName(path)] = template;
        }

        if (problems.Count > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{folder}: {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")} in the letter templates; no letter was written"));
            throw new InputException(problems);
        }

        return new LetterTemplates(folder, templates, options);
    }

    /// <summary>The file names looked for an action's template, most specific first.</summary>
    public static IReadOnlyList<string> Candidates(PolicyAction action) =>
        action.Stage is { } stage
            ? [string.Create(CultureInfo.InvariantCulture, $"{action.RuleId}.stage-{stage}.liquid"), $"{action.RuleId}.liquid", DefaultName]
            : [$"{action.RuleId}.liquid", DefaultName];

    /// <summary>The template for an action, or null when the folder has none of its candidates.</summary>
    public string? Find(PolicyAction action) => Candidates(action).FirstOrDefault(templates.ContainsKey);

    /// <summary>Renders a template with a model of merge fields, HTML-encoding every value written.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return templates[name].Render(context, Encoder);
    }

    private static TemplateOptions NewOptions() => new()
    {
        CultureInfo = CultureInfo.InvariantCulture,
        TimeZone = TimeZoneInfo.Utc,
        Now = () => DateTimeOffset.UnixEpoch,

        // A loop over a huge range stops rather than hanging the run.
        MaxSteps = 1_000_000,
    };

    /// <summary>Fluid's parse error ("Expected … at (3:14)\nSource: …") as line, column and the message's first line.</summary>
    private static (int Line, int Column, string Message) ParseError(string error)
    {
        var first = error.Split('\n')[0].Trim();
        var at = ErrorPosition().Match(first);
        return at.Success
            ? (int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(at.Groups[2].Value, CultureInfo.InvariantCulture), first[..at.Index].TrimEnd())
            : (1, 1, first);
    }

    [GeneratedRegex(@"\s*at \((\d+):(\d+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPosition();
}
