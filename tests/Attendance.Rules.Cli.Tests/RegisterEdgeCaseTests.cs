using System.Text;
using System.Text.Json;
using Attendance.Rules.Cli.Input;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Broken and odd registers (docs/cli.md, "The marks CSV"): each is a clear located error or a
/// documented treatment, in strict and lenient modes; rows read always equal rows evaluated plus
/// rows rejected. (Duplicate sessions, withdrawn codes, an empty file, a header only and a missing
/// column are in <see cref="EvaluateInputTests"/>.)
/// </summary>
public sealed class RegisterEdgeCaseTests : IDisposable
{
    private const string Header = "pupil,date,session,code,arrival";

    private readonly List<string> files = [];

    public void Dispose() => files.ForEach(File.Delete);

    [Theory]
    [InlineData("A001,2025-02-30,AM,/,", "date '2025-02-30' is not a date as yyyy-MM-dd")]
    [InlineData("A001,2025-13-01,AM,/,", "date '2025-13-01' is not a date as yyyy-MM-dd")]
    [InlineData("A001,1999-12-31,AM,/,", "date 1999-12-31 is outside 2000-01-01 to 2100-12-31, the dates a register may have")]
    [InlineData("A001,2101-01-01,AM,/,", "date 2101-01-01 is outside 2000-01-01 to 2100-12-31, the dates a register may have")]
    [InlineData("A001,0001-01-01,AM,/,", "date 0001-01-01 is outside 2000-01-01 to 2100-12-31, the dates a register may have")]
    [InlineData("A001,9999-12-31,PM,/,", "date 9999-12-31 is outside 2000-01-01 to 2100-12-31, the dates a register may have")]
    [InlineData("A001,2025-09-09,AM,,25:00", "arrival '25:00' is not a time as HH:mm")]
    [InlineData("A001,2025-09-09,AM,L,24:00", "arrival '24:00' is not a time as HH:mm")]
    [InlineData("A001,2025-09-09,AM,L,-1:00", "arrival '-1:00' is not a time as HH:mm")]
    [InlineData("A001,2025-09-09,AM,L,08:60", "arrival '08:60' is not a time as HH:mm")]
    [InlineData("A001,2024-06-03,AM,C1,", "2024-06-03 AM: code 'C1'")]
    [InlineData("A001,2025-09-09,AM,ZZ,", "2025-09-09 AM: code 'ZZ'")]
    public void A_bad_row_fails_strict_mode_and_is_rejected_and_listed_in_lenient_mode(string row, string reason)
    {
        var marks = Write(Header, "A001,2025-09-08,AM,/,", row, "A001,2025-09-10,AM,\\,");

        var strict = CliRun.Evaluate(marks, "--format", "json");
        Assert.Equal(2, strict.Exit);
        Assert.Equal(string.Empty, strict.Stdout);
        Assert.StartsWith($"{marks}:3: {reason}", strict.StderrLines[0], StringComparison.Ordinal);

        var lenient = CliRun.Evaluate(marks, "--format", "json", "--lenient");
        Assert.Equal(0, lenient.Exit);
        Assert.StartsWith($"{marks}:3: rejected: {reason}", Assert.Single(lenient.StderrLines, l => l.Contains(": rejected: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var json = JsonDocument.Parse(lenient.Stdout).RootElement;
        Assert.Equal((3, 1, 2), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_rejected").GetInt32(), Evaluated(json)));
        Assert.Equal("2025-09-10", json.GetProperty("as_of").GetString());
    }

    [Fact]
    public void The_first_and_last_allowed_dates_are_not_rejected_for_their_date()
    {
        var marks = Write(Header, "A001,2000-01-04,AM,/,", "B002,2100-12-31,AM,/,");

        var result = CliRun.Evaluate(marks, "--format", "json", "--as-of", "2025-09-26");

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal(0, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("rows_rejected").GetInt32());
    }

    [Fact]
    public void Rows_out_of_date_order_give_the_same_output_as_rows_in_order()
    {
        string[] rows = ["A001,2025-09-08,AM,/,", "A001,2025-09-08,PM,N,", "B002,2025-09-08,AM,O,", "A001,2025-09-09,AM,\\,", "B002,2025-09-09,PM,/,", "A001,2025-09-10,PM,G,"];
        var ordered = Write([Header, .. rows]);
        var shuffled = Write([Header, rows[5], rows[3], rows[2], rows[0], rows[4], rows[1]]);

        var first = CliRun.Evaluate(ordered, "--format", "json");
        var second = CliRun.Evaluate(shuffled, "--format", "json");

        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(6, Evaluated(JsonDocument.Parse(first.Stdout).RootElement));
    }

    [Fact]
    public void A_pupil_only_in_the_pupils_file_has_no_marks_and_is_not_reported()
    {
        var marks = Write(Header, "A001,2025-09-08,AM,/,", "A001,2025-09-08,PM,/,");
        var pupils = Write("pupil,year_group", "A001,3", "Z999,4");

        foreach (var mode in new[] { "--strict", "--lenient" })
        {
            var result = CliRun.Evaluate(marks, "--format", "json", "--pupils", pupils, mode);

            Assert.True(result.Exit == 0, result.Stderr);
            var pupil = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pupils").EnumerateArray());
            Assert.Equal("A001", pupil.GetProperty("pupil").GetString());
        }
    }

    [Theory]
    [InlineData("--strict")]
    [InlineData("--lenient")]
    public void An_empty_file_and_a_file_missing_a_column_are_bad_input_in_both_modes(string mode)
    {
        var empty = Write();
        var missing = Write("pupil,date,code", "A001,2025-09-08,/");

        var emptyResult = CliRun.Evaluate(empty, "--format", "json", mode);
        var missingResult = CliRun.Evaluate(missing, "--format", "json", mode);

        Assert.Equal((2, 2), (emptyResult.Exit, missingResult.Exit));
        Assert.Contains($"{empty}: the marks file is empty", emptyResult.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{missing}:1: the header lacks the column session", missingResult.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void In_lenient_mode_rows_read_equal_rows_evaluated_plus_rows_rejected_over_many_kinds_of_bad_row()
    {
        var marks = Write(
            Header,
            "A001,2025-09-08,AM,/,",
            "A001,2025-09-08,AM,/,",
            "A001,2025-02-30,AM,/,",
            "A001,1899-09-08,AM,/,",
            "A001,2025-09-08,PM,/,25:00",
            "A001,2025-09-09,AM,H,",
            "A001,2025-09-09,PM",
            "A001,2025-09-09,PM,/,,extra",
            ",2025-09-10,AM,/,",
            "A001,2025-09-10,AM,N,",
            "B002,2025-09-10,PM,\\,");

        var result = CliRun.Evaluate(marks, "--format", "json", "--lenient");

        Assert.True(result.Exit == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        var read = json.GetProperty("rows_read").GetInt32();
        var rejected = json.GetProperty("rows_rejected").GetInt32();
        Assert.Equal((11, 8, 3), (read, rejected, Evaluated(json)));
        Assert.Equal(read, Evaluated(json) + rejected);
        var listed = result.StderrLines.Where(l => l.Contains(": rejected: ", StringComparison.Ordinal)).Select(l => l[(marks.Length + 1)..].Split(':')[0]);
        Assert.Equal(["3", "4", "5", "6", "7", "8", "9", "10"], listed);
    }

    [Fact]
    public void A_BOM_and_CRLF_line_ends_give_the_same_output_as_plain_LF()
    {
        string[] lines = [Header, "A001,2025-09-08,AM,/,", "A001,2025-09-08,PM,N,", "B002,2025-09-09,AM,L,08:58"];
        var plain = Write(lines);
        var windows = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}-marks.csv");
        files.Add(windows);
        File.WriteAllText(windows, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var first = CliRun.Evaluate(plain, "--format", "json");
        var second = CliRun.Evaluate(windows, "--format", "json");

        Assert.True(first.Exit == 0, first.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Theory]
    [InlineData("--strict")]
    [InlineData("--lenient")]
    public void A_line_longer_than_the_line_limit_stops_reading_naming_its_line_in_both_modes(string mode)
    {
        var marks = Write(Header, "A001,2025-09-08,AM,/,", "A001,2025-09-08,PM,/," + new string('x', CsvTable.DefaultMaxLineLength), "A001,2025-09-09,AM,/,");

        var result = CliRun.Evaluate(marks, "--format", "json", mode);

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal($"{marks}:3: the line is longer than 4,096 characters, the limit for a CSV line; the file is not read further", result.StderrLines[0]);
    }

    [Fact]
    public void A_field_longer_than_the_line_limit_stops_reading_naming_its_line()
    {
        var marks = Write(Header, "A001,2025-09-08,AM,/,", "\"" + new string('x', 3 * CsvTable.DefaultMaxLineLength) + "\",2025-09-08,PM,/,");

        var result = CliRun.Evaluate(marks, "--format", "json", "--lenient");

        Assert.Equal(2, result.Exit);
        Assert.Equal($"{marks}:3: the line is longer than 4,096 characters, the limit for a CSV line; the file is not read further", result.StderrLines[0]);
    }

    [Fact]
    public void A_header_longer_than_the_line_limit_is_refused_on_line_1()
    {
        var marks = Write(Header + "," + new string('x', CsvTable.DefaultMaxLineLength), "A001,2025-09-08,AM,/,");

        var result = CliRun.Evaluate(marks, "--format", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal($"{marks}:1: the line is longer than 4,096 characters, the limit for a CSV line; the file is not read further", result.StderrLines[0]);
    }

    [Fact]
    public void A_line_at_the_line_limit_is_read()
    {
        var row = "A001,2025-09-08,AM,/,";
        var marks = Write("pupil,date,session,code,note", row + new string('x', CsvTable.DefaultMaxLineLength - row.Length));

        var result = CliRun.Evaluate(marks, "--format", "json");

        Assert.True(result.Exit == 0, result.Stderr);
    }

    [Fact]
    public void The_CSV_limits_are_the_documented_ones()
    {
        Assert.Equal((4096, 50_000_000), (CsvTable.DefaultMaxLineLength, CsvTable.DefaultMaxRows));
        var doc = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CliRun.RepositoryPolicy("x"))!, "..", "docs", "cli.md"));
        Assert.Contains("4,096 characters", doc, StringComparison.Ordinal);
        Assert.Contains("50,000,000 data rows", doc, StringComparison.Ordinal);
        Assert.Contains("2000-01-01 to 2100-12-31", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void More_data_rows_than_the_row_limit_stop_reading_at_the_first_row_over_it()
    {
        var marks = Write(Header, "A001,2025-09-08,AM,/,", "A001,2025-09-08,PM,/,", "A001,2025-09-09,AM,/,", "A001,2025-09-09,PM,/,");

        using var table = CsvTable.Open(marks, "marks", ["pupil"], maxRows: 3);
        var read = new List<int>();
        var e = Assert.Throws<InputException>(() =>
        {
            foreach (var row in table.Rows())
            {
                read.Add(row.Line);
            }
        });

        Assert.Equal([2, 3, 4], read);
        Assert.Equal($"{marks}:5: the file has more than 3 data rows, the limit for one file; it is not read further", e.Message);
    }

    private static int Evaluated(JsonElement json) =>
        json.GetProperty("pupils").EnumerateArray().Sum(p => p.GetProperty("possible_sessions").GetInt32());

    private string Write(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}-marks.csv");
        files.Add(path);
        File.WriteAllText(path, lines.Length == 0 ? string.Empty : string.Join('\n', lines) + "\n");
        return path;
    }
}
