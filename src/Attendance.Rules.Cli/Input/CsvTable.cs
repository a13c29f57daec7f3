using System.Globalization;
using System.Text;
using Attendance.Rules.Files;

namespace Attendance.Rules.Cli.Input;

/// <summary>One data row of a CSV file: its file line number (the header is line 1) and its fields, or why it cannot be split into fields.</summary>
internal sealed record CsvRow(int Line, string[] Fields, string? Problem);

/// <summary>
/// Reads a CSV file with a header row: columns in any order, names matched case-insensitively,
/// unknown columns ignored. A record is one line (an MIS export has no line breaks in a field), so
/// a stray or unclosed quote costs that row only. Each line is decoded on its own: a line that is
/// not in the file's encoding is a rejected row naming the byte. Rows are numbered by file line
/// (the header is line 1).
/// </summary>
internal sealed class CsvTable : IDisposable
{
    /// <summary>The longest line (record) read, in characters: longer is not an MIS export, and the file is refused from that line on.</summary>
    public const int DefaultMaxLineLength = 4096;

    /// <summary>The most data rows read from one file; more is refused from that line on.</summary>
    public const int DefaultMaxRows = 50_000_000;

    /// <summary>The most bytes read from one CSV file (the row limit times a generous row).</summary>
    public const long MaxBytes = 16L * 1024 * 1024 * 1024;

    private readonly LineReader lines;
    private readonly Encoding encoding;
    private readonly string encodingName;
    private readonly long length;

    private CsvTable(string path, Stream stream, long length, string encodingName, int maxLineLength, int maxRows)
    {
        Path = path;
        this.length = length;
        this.encodingName = encodingName;
        encoding = CsvEncoding.For(encodingName);
        MaxLineLength = maxLineLength;
        MaxRows = maxRows;

        // Four bytes a character at most in UTF-8; one in the single-byte encodings.
        lines = new LineReader(stream, encodingName == "utf-8" ? maxLineLength * 4 : maxLineLength);
    }

    /// <summary>The file's path as given.</summary>
    public string Path { get; }

    /// <summary>The longest line read, in characters.</summary>
    public int MaxLineLength { get; }

    /// <summary>The most data rows read.</summary>
    public int MaxRows { get; }

    /// <summary>The header's column names, lower-cased and trimmed, for matching.</summary>
    public string[] Header { get; private set; } = [];

    /// <summary>The header's column names as the file has them (trimmed), for messages.</summary>
    public string[] HeaderAsTyped { get; private set; } = [];

    /// <summary>How far through the file reading is, 0–1, for a progress bar.</summary>
    public double Fraction => length <= 0 ? 1 : Math.Min(1, (double)lines.BytesRead / length);

    /// <summary>Opens a CSV file and reads its header, checking the required columns are there.</summary>
    /// <exception cref="InputException">The file is not a readable regular file, is empty, or lacks a required column.</exception>
    public static CsvTable Open(string path, string what, IReadOnlyList<string> required, string encoding = CsvEncoding.Default, int maxLineLength = DefaultMaxLineLength, int maxRows = DefaultMaxRows)
    {
        var stream = InputFiles.Open(path, MaxBytes, what);
        var table = new CsvTable(path, stream, Length(path), encoding, maxLineLength, maxRows);
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

    /// <summary>The data rows, in file order. Blank lines are not rows.</summary>
    /// <exception cref="InputException">A line is too long, there are too many rows, or the file cannot be read further.</exception>
    public IEnumerable<CsvRow> Rows()
    {
        var rows = 0;
        while (Next() is { } line)
        {
            if (line.Text is { } text && text.Trim().Length == 0)
            {
                continue;
            }

            if (++rows > MaxRows)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"{Path}:{line.Number}: the file has more than {MaxRows:N0} data rows, the limit for one file; it is not read further"));
            }

            if (line.Text is null)
            {
                yield return new CsvRow(line.Number, [], line.Problem);
                continue;
            }

            var (fields, problem) = Split(line.Text);
            if (problem is null && fields.Length != Header.Length)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Length} field{(fields.Length == 1 ? string.Empty : "s")}; the header has {Header.Length}");
            }

            yield return new CsvRow(line.Number, fields, problem);
        }
    }

    public void Dispose() => lines.Dispose();

    /// <summary>A value from the input as a message shows it: quoted, shortened past 40 characters, control characters escaped.</summary>
    internal static string Quote(string value) => Display.Quote(value);

    /// <summary>Splits one line into trimmed fields; a quote that does not open and close a whole field is the row's problem.</summary>
    internal static (string[] Fields, string? Problem) Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                var open = i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (!closed)
                {
                    return ([], string.Create(CultureInfo.InvariantCulture, $"the quote at column {open + 1} is not closed on its line (a field cannot span lines)"));
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    return ([], string.Create(CultureInfo.InvariantCulture, $"a quoted field is followed by {Display.Quote(line[i].ToString())} at column {i + 1}; expected a comma"));
                }

                fields.Add(field.ToString());
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        return ([], string.Create(CultureInfo.InvariantCulture, $"a field has a stray quote at column {i + 1}: {Display.Quote(line[start..Math.Min(line.Length, line.IndexOf(',', i) is var c and >= 0 ? c : line.Length)])}"));
                    }

                    i++;
                }

                fields.Add(line[start..i].Trim());
            }

            if (i >= line.Length)
            {
                return ([.. fields], null);
            }

            i++; // the comma
        }
    }

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The next physical line, decoded, or null at the end of the file.</summary>
    private Line? Next()
    {
        int count;
        try
        {
            count = lines.ReadLine();
        }
        catch (FileRefusedException e)
        {
            throw new InputException(Display.Escape(e.Message));
        }
        catch (IOException e)
        {
            throw new InputException($"{Path}:{lines.LineNumber}: the file cannot be read from here on: {Display.Escape(e.Message)}");
        }

        if (count == LineReader.End)
        {
            return null;
        }

        if (count == LineReader.TooLong)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{Path}:{lines.LineNumber}: the line is longer than {MaxLineLength:N0} characters, the limit for a CSV line; the file is not read further"));
        }

        var bytes = lines.Buffer.AsSpan(0, count);
        if (lines.LineNumber == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Max(0, e.Index);
            var value = e.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[Math.Min(at, bytes.Length - 1)];
            return new Line(lines.LineNumber, null, string.Create(CultureInfo.InvariantCulture,
                $"byte 0x{value:X2} at byte {at + 1} of the line is not {encodingName}{(encodingName == "utf-8" ? " (an older MIS export may need --encoding windows-1252 or latin1)" : string.Empty)}"));
        }

        if (text.Length > MaxLineLength)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{Path}:{lines.LineNumber}: the line is longer than {MaxLineLength:N0} characters, the limit for a CSV line; the file is not read further"));
        }

        return new Line(lines.LineNumber, text, null);
    }

    private void ReadHeader(string what, IReadOnlyList<string> required)
    {
        Line? header;
        do
        {
            header = Next();
        }
        while (header is { Text: { } blank } && blank.Trim().Length == 0);

        if (header is null)
        {
            throw new InputException($"{Path}: the {what} file is empty; expected a header row with the columns {string.Join(",", required)}");
        }

        if (header.Text is null)
        {
            throw new InputException($"{Path}:{header.Number}: the header cannot be read: {header.Problem}");
        }

        var (names, problem) = Split(header.Text);
        if (problem is not null)
        {
            throw new InputException($"{Path}:{header.Number}: the header cannot be read: {problem}");
        }

        HeaderAsTyped = names;
        Header = names.Select(h => h.ToLowerInvariant()).ToArray();
        var missing = required.Where(r => !Header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{Path}:{header.Number}: the header lacks the column{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} (it has {Display.Escape(string.Join(",", HeaderAsTyped))}; expected {string.Join(",", required)} in any order)"));
        }

        var duplicate = Header.Select((h, i) => (h, i)).Where(p => p.h.Length > 0).GroupBy(p => p.h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException($"{Path}:{header.Number}: the header names the column {Display.Escape(HeaderAsTyped[duplicate.Last().i])} twice");
        }
    }

    private sealed record Line(int Number, string? Text, string? Problem);
}
