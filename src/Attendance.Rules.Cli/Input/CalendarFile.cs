using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// Reads a school calendar (docs/calendar.md): a YAML mapping with <c>terms</c>, a list of
/// <c>{start, end}</c>, and optionally <c>closures</c>, a list of dates or <c>{start, end}</c>
/// ranges within terms on which the school is closed, and <c>assessment_periods</c>, a list of
/// <c>{start, end}</c> (formal assessment periods, which leave requests may look at).
/// </summary>
internal static class CalendarFile
{
    private const long MaxBytes = 1024 * 1024;

    /// <summary>Reads a calendar file.</summary>
    /// <exception cref="InputException">The file cannot be read or is not a valid calendar; every problem is listed as <c>file:line:column: error: message</c>.</exception>
    public static SchoolCalendar Read(string path)
    {
        return Parse(InputFiles.ReadText(path, MaxBytes, "calendar"), path);
    }

    /// <summary>Parses a calendar from its YAML text.</summary>
    /// <exception cref="InputException">The text is not a valid calendar.</exception>
    public static SchoolCalendar Parse(string text, string path)
    {
        var errors = new List<string>();
        void Error(YamlNode? node, string message) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{node?.Start.Line ?? 1}:{node?.Start.Column ?? 1}: error: {message}"));

        var stream = new YamlStream();
        text = text.TrimStart('\uFEFF');
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            // The YAML reader would report the character after it as unexpected, without naming it.
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{path}:{text.AsSpan(0, nul).Count('\n') + 1}:{nul - (nul == 0 ? -1 : text.LastIndexOf('\n', nul - 1))}: error: the calendar file contains a NUL character; it is not a text file"));
        }

        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && Attendance.Rules.Loading.YamlTreeReader.TabIndentation(text) is { } tab)
        {
            // YamlDotNet places this error at the start of the enclosing mapping (often 1:1), not at the tab.
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{tab.Line}:{tab.Column}: error: the calendar is not valid YAML: a tab indents line {tab.Line}; indent with spaces"));
        }
        catch (YamlException e)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{e.Start.Line}:{e.Start.Column}: error: the calendar is not valid YAML: {e.Message}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, for a Unicode line break inside a flow collection (found by fuzzing).
            var at = text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029');
            var (line, column) = at < 0 ? (1, 1) : (text.AsSpan(0, at).Count('\n') + 1, at - text.LastIndexOf('\n', Math.Max(0, at - 1)));
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{path}:{line}:{column}: error: the calendar is not valid YAML{(at < 0 ? string.Empty : $": a Unicode line break (U+{(int)text[at]:X4}) where a value was expected")}"));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException($"{path}:1:1: error: a calendar is a mapping with 'terms' (a list of {{start, end}}) and optionally 'closures'");
        }

        var terms = new List<(DateInterval Term, YamlNode Node)>();
        var closures = new List<LocalDate>();
        var assessments = new List<DateInterval>();
        YamlNode? termsNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "terms":
                    termsNode = value;
                    if (value is not YamlSequenceNode termList)
                    {
                        Error(value, "'terms' is a list of {start, end}");
                        break;
                    }

                    foreach (var item in termList)
                    {
                        if (Range(item, "a term", Error) is { } term)
                        {
                            terms.Add((term, item));
                        }
                    }

                    break;
                case "closures":
                    if (value is YamlScalarNode { Value: null or "" or "~" or "null" })
                    {
                        break;
                    }

                    if (value is not YamlSequenceNode closureList)
                    {
                        Error(value, "'closures' is a list of dates (yyyy-MM-dd) or {start, end} ranges");
                        break;
                    }

                    foreach (var item in closureList)
                    {
                        if (item is YamlScalarNode)
                        {
                            if (Date(item, "a closure", Error) is { } day)
                            {
                                closures.Add(day);
                            }
                        }
                        else if (Range(item, "a closure", Error) is { } range)
                        {
                            closures.AddRange(range);
                        }
                    }

                    break;
                case "assessment_periods":
                    if (value is YamlScalarNode { Value: null or "" or "~" or "null" })
                    {
                        break;
                    }

                    if (value is not YamlSequenceNode assessmentList)
                    {
                        Error(value, "'assessment_periods' is a list of {start, end} ranges");
                        break;
                    }

                    foreach (var item in assessmentList)
                    {
                        if (Range(item, "an assessment period", Error) is { } period)
                        {
                            assessments.Add(period);
                        }
                    }

                    break;
                default:
                    Error(keyNode, $"unknown key {CsvTable.Quote(key ?? "?")}; a calendar has 'terms', 'closures' and 'assessment_periods'");
                    break;
            }
        }

        if (termsNode is null)
        {
            Error(root, "the calendar has no 'terms'");
        }
        else if (terms.Count == 0 && errors.Count == 0)
        {
            Error(termsNode, "'terms' lists no term");
        }

        if (errors.Count == 0)
        {
            try
            {
                return SchoolCalendar.Create(terms.Select(t => t.Term), closures).WithAssessmentPeriods(assessments);
            }
            catch (ArgumentException e)
            {
                Error(termsNode, e.Message.Split(" (Parameter", 2)[0]);
            }
        }

        throw new InputException(errors);
    }

    private static DateInterval? Range(YamlNode node, string what, Action<YamlNode?, string> error)
    {
        if (node is not YamlMappingNode map)
        {
            error(node, $"{what} is a mapping {{start: yyyy-MM-dd, end: yyyy-MM-dd}}");
            return null;
        }

        YamlNode? startNode = null, endNode = null;
        foreach (var (k, v) in map.Children)
        {
            switch ((k as YamlScalarNode)?.Value)
            {
                case "start":
                    startNode = v;
                    break;
                case "end":
                    endNode = v;
                    break;
                default:
                    error(k, $"unknown key {CsvTable.Quote((k as YamlScalarNode)?.Value ?? "?")} in {what}; expected start and end");
                    break;
            }
        }

        if (startNode is null || endNode is null)
        {
            error(map, $"{what} needs both start and end");
            return null;
        }

        var start = Date(startNode, what + "'s start", error);
        var end = Date(endNode, what + "'s end", error);
        if (start is not { } s || end is not { } e)
        {
            return null;
        }

        if (e < s)
        {
            error(endNode, string.Create(CultureInfo.InvariantCulture, $"{what} ends ({e:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd})"));
            return null;
        }

        return new DateInterval(s, e);
    }

    private static LocalDate? Date(YamlNode node, string what, Action<YamlNode?, string> error)
    {
        var text = (node as YamlScalarNode)?.Value ?? string.Empty;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (node is YamlScalarNode && parsed.Success)
        {
            if (RegisterDates.Problem(parsed.Value, what) is { } outside)
            {
                error(node, outside);
                return null;
            }

            return parsed.Value;
        }

        error(node, $"{what} is not a date as yyyy-MM-dd: {CsvTable.Quote(text)}");
        return null;
    }
}
