using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Attendance.Rules.Cli.Input;

/// <summary>One data row of a CSV file: its file line number (the header is line 1) and its fields.</summary>
internal sealed record CsvRow(int Line, string[] Fields, string? Problem);

/// <summary>
/// Reads a CSV file with a header row: columns in any order, names matched case-insensitively,
/// unknown columns ignored. Rows are numbered by file line (the header is line 1).
/// </summary>
internal sealed class CsvTable : IDisposable
{
    /// <summary>The longest line (record) read, in characters: longer is not an MIS export, and the file is refused from that line on.</summary>
    public const int DefaultMaxLineLength = 4096;

    /// <summary>The most data rows read from one file; more is refused from that line on.</summary>
    public const int DefaultMaxRows = 50_000_000;

    private readonly StreamReader reader;
    private readonly CsvParser parser;
    private string? badData;

    private CsvTable(string path, StreamReader reader, int maxLineLength, int maxRows)
    {
        Path = path;
        this.reader = reader;
        MaxLineLength = maxLineLength;
        MaxRows = maxRows;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Bounds the memory one field may take before the line-length check below sees it.
            MaxFieldSize = maxLineLength,
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => badData ??= args.Field,
        };
        parser = new CsvParser(reader, config);
    }

    /// <summary>The file's path as given.</summary>
    public string Path { get; }

    /// <summary>The longest line read, in characters.</summary>
    public int MaxLineLength { get; }

    /// <summary>The most data rows read.</summary>
    public int MaxRows { get; }

    /// <summary>The header's column names, lower-cased and trimmed.</summary>
    public string[] Header { get; private set; } = [];

    /// <summary>How far through the file reading is, 0–1, for a progress bar.</summary>
    public double Fraction => reader.BaseStream.Length == 0 ? 1 : (double)reader.BaseStream.Position / reader.BaseStream.Length;

    /// <summary>Opens a CSV file and reads its header, checking the required columns are there.</summary>
    /// <exception cref="InputException">The file cannot be read, is empty, or lacks a required column.</exception>
    public static CsvTable Open(string path, string what, IReadOnlyList<string> required, int maxLineLength = DefaultMaxLineLength, int maxRows = DefaultMaxRows)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: the {what} file cannot be read: {e.Message}");
        }

        var table = new CsvTable(path, reader, maxLineLength, maxRows);
        try
        {
            table.ReadHeader(what, required);
            return table;
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column, or -1.</summary>
    public int IndexOf(string column) => Array.IndexOf(Header, column);

    /// <summary>The data rows, in file order.</summary>
    public IEnumerable<CsvRow> Rows()
    {
        var rows = 0;
        while (true)
        {
            badData = null;
            bool read;
            try
            {
                read = parser.Read();
            }
            catch (MaxFieldSizeException)
            {
                throw TooLong(parser.RawRow);
            }
            catch (CsvHelperException e)
            {
                throw new InputException($"{Path}:{parser.RawRow}: the CSV cannot be read from here on: {FirstLine(e.Message)}");
            }

            if (!read)
            {
                yield break;
            }

            var line = LineOfRecordStart();
            if ((parser.RawRecord?.TrimEnd('\r', '\n').Length ?? 0) > MaxLineLength)
            {
                throw TooLong(line);
            }

            if (++rows > MaxRows)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"{Path}:{line}: the file has more than {MaxRows:N0} data rows, the limit for one file; it is not read further"));
            }

            var fields = parser.Record ?? [];
            string? problem = null;
            if (badData is not null)
            {
                problem = $"a field has a stray quote: {Quote(badData)}";
            }
            else if (fields.Length != Header.Length)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Length} field{(fields.Length == 1 ? string.Empty : "s")}; the header has {Header.Length}");
            }

            yield return new CsvRow(line, fields, problem);
        }
    }

    public void Dispose()
    {
        parser.Dispose();
        reader.Dispose();
    }

    internal static string Quote(string value) => value.Length > 40 ? $"'{value[..40]}…'" : $"'{value}'";

    private int LineOfRecordStart()
    {
        // RawRow is the line the record ends on; a quoted field may span lines.
        var raw = parser.RawRecord ?? string.Empty;
        var breaks = 0;
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] == '\n')
            {
                breaks++;
            }
        }

        return parser.RawRow - breaks;
    }

    private InputException TooLong(long line) => new(string.Create(CultureInfo.InvariantCulture,
        $"{Path}:{line}: the line is longer than {MaxLineLength:N0} characters, the limit for a CSV line; the file is not read further"));

    private void ReadHeader(string what, IReadOnlyList<string> required)
    {
        bool read;
        try
        {
            read = parser.Read();
        }
        catch (MaxFieldSizeException)
        {
            throw TooLong(1);
        }
        catch (CsvHelperException e)
        {
            throw new InputException($"{Path}:1: the header cannot be read: {FirstLine(e.Message)}");
        }

        if (read && (parser.RawRecord?.TrimEnd('\r', '\n').Length ?? 0) > MaxLineLength)
        {
            throw TooLong(1);
        }

        if (!read)
        {
            throw new InputException($"{Path}: the {what} file is empty; expected a header row with the columns {string.Join(",", required)}");
        }

        Header = (parser.Record ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var missing = required.Where(r => !Header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{Path}:1: the header lacks the column{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} (it has {string.Join(",", Header)}; expected {string.Join(",", required)} in any order)"));
        }

        var duplicate = Header.Where(h => h.Length > 0).GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException($"{Path}:1: the header names the column {duplicate.Key} twice");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
