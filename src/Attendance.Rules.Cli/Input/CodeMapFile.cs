using System.Globalization;
using Attendance.Rules.Codes;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// A code map CSV (<c>--code-map</c>): a header row, then one row per mapping with the columns
/// <c>vendor_code,statutory_code</c> in any order and optionally <c>valid_from</c> (yyyy-MM-dd; the
/// mapping applies to marks on or after it). Any unusable row makes the whole file bad input, each
/// problem named by file, line and column: a map that is wrong would change every figure it touches.
/// </summary>
internal sealed class CodeMapFile
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["vendor_code", "statutory_code"];

    private CodeMapFile(string path, CodeMap map)
    {
        Path = path;
        Map = map;
    }

    /// <summary>The file's path as given.</summary>
    public string Path { get; }

    /// <summary>The mappings, checked.</summary>
    public CodeMap Map { get; }

    /// <summary>Reads and checks a code map.</summary>
    /// <exception cref="InputException">The file cannot be read, lacks a column, or has an unusable row (every problem listed).</exception>
    public static CodeMapFile Read(string path, string encoding = CsvEncoding.Default)
    {
        using var table = CsvTable.Open(path, "code map", RequiredColumns, encoding);
        int vendorAt = table.IndexOf("vendor_code"), statutoryAt = table.IndexOf("statutory_code"), fromAt = table.IndexOf("valid_from");
        var mappings = new List<CodeMapping>();
        var lines = new List<int>();
        var problems = new List<string>();
        foreach (var row in table.Rows())
        {
            if (row.Problem is { } problem)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{row.Line}: {problem}"));
                continue;
            }

            LocalDate? from = null;
            if (fromAt >= 0 && row.Fields[fromAt].Length > 0)
            {
                var parsed = LocalDatePattern.Iso.Parse(row.Fields[fromAt]);
                if (!parsed.Success || RegisterDates.Problem(parsed.Value, "valid_from") is not null)
                {
                    problems.Add(At(path, row.Line, fromAt, $"valid_from {CsvTable.Quote(row.Fields[fromAt])} is not a date as yyyy-MM-dd between {RegisterDates.Earliest:yyyy-MM-dd} and {RegisterDates.Latest:yyyy-MM-dd}"));
                    continue;
                }

                from = parsed.Value;
            }

            mappings.Add(new CodeMapping(row.Fields[vendorAt], row.Fields[statutoryAt], from));
            lines.Add(row.Line);
        }

        foreach (var p in CodeMap.Check(mappings))
        {
            var earlier = p.Earlier is { } e ? string.Create(CultureInfo.InvariantCulture, $" (on line {lines[e]})") : string.Empty;
            problems.Add(At(path, lines[p.Index], table.IndexOf(p.Field), $"{p.Field}: {p.Message}{earlier}"));
        }

        if (problems.Count > 0)
        {
            problems.Add($"{path}: the code map has errors; nothing was evaluated");
            throw new InputException(problems);
        }

        return new CodeMapFile(path, CodeMap.Create(mappings));
    }

    /// <summary>Formats a problem as <c>file:line:column: column_name ...</c> (columns counted from 1).</summary>
    private static string At(string path, int line, int column, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column + 1}: {message}");
}
