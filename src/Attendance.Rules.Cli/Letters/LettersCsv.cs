using System.Collections;
using System.Globalization;
using CsvHelper;

namespace Attendance.Rules.Cli.Letters;

/// <summary>
/// <c>letters.csv</c>: one row per letter with every merge field, for mail merge in other tools. A
/// column per field, named by its path with <c>_</c> for <c>.</c> (<c>pupil_contact_name</c>); a
/// list's values joined with <c>; </c> (<c>follow_ups_title</c>).
/// </summary>
internal static class LettersCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace };

    /// <summary>The columns, in the merge fields' order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        MergeField.Paths(LetterFields.All).Select(p => Column(p.Path)).ToList();

    public static void Write(TextWriter output, IEnumerable<LetterData> letters)
    {
        var paths = MergeField.Paths(LetterFields.All).Select(p => p.Path.Replace("[]", string.Empty, StringComparison.Ordinal).Split('.')).ToList();
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var letter in letters)
        {
            var model = MergeField.Model(LetterFields.All, letter);
            foreach (var path in paths)
            {
                csv.WriteField(string.Join("; ", Values(model, path, 0).Select(Text)));
            }

            csv.EndRecord();
        }
    }

    public static string Column(string path) => path.Replace("[]", string.Empty, StringComparison.Ordinal).Replace('.', '_');

    private static IEnumerable<object?> Values(object? node, string[] path, int at)
    {
        if (node is IList list)
        {
            foreach (var item in list)
            {
                foreach (var value in Values(item, path, at))
                {
                    yield return value;
                }
            }

            yield break;
        }

        if (at == path.Length)
        {
            yield return node;
            yield break;
        }

        if (node is IDictionary<string, object?> fields && fields.TryGetValue(path[at], out var child))
        {
            foreach (var value in Values(child, path, at + 1))
            {
                yield return value;
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
