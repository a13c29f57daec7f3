using System.Text;
using System.Text.Json;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Tests.Files;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Marks and pupils CSVs: a stray or unclosed quote costs its row only, bytes not in the file's
/// encoding are refused (strict) or rejected per row (lenient) naming the byte, <c>--encoding</c>
/// reads older MIS exports, and every data row is either evaluated or rejected (issue 14).
/// </summary>
public sealed class CsvHostileInputTests : IDisposable
{
    private const string Header = "pupil,date,session,code\n";

    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void An_unclosed_quote_costs_its_row_only()
    {
        var path = files.Write("marks.csv", Header + "A1,2025-09-08,AM,/\n\"A1,2025-09-08,PM,\\\nA1,2025-09-09,AM,/\nA1,2025-09-09,PM,\\\nA2,2025-09-08,AM,/\nA2,2025-09-08,PM,\\\n");
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", path, "--format", "json", "--lenient");
        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((6, 1), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_rejected").GetInt32()));
        Assert.Contains($"{path}:3: rejected: the quote at column 1 is not closed on its line (a field cannot span lines)", result.StderrLines);
        Assert.Equal(2, json.GetProperty("pupils").GetArrayLength());
    }

    [Fact]
    public void A_stray_quote_in_a_long_file_is_one_rejected_row_not_a_long_line()
    {
        var rows = new StringBuilder(Header);
        rows.Append("A1,2025-09-08,AM,\"/\n");
        for (var day = 0; day < 200; day++)
        {
            rows.Append($"P{day},2025-09-08,AM,/\n");
        }

        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", files.Write("marks.csv", rows.ToString()), "--format", "json", "--lenient");
        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((201, 1), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_rejected").GetInt32()));
        Assert.Equal(200, json.GetProperty("pupils").GetArrayLength());
    }

    [Fact]
    public void A_latin1_register_is_refused_in_strict_mode_naming_the_row_and_byte()
    {
        var path = Latin1Register();
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", path, "--format", "json");
        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains($"{path}:2: byte 0xE9 at byte 5 of the line is not utf-8 (an older MIS export may need --encoding windows-1252 or latin1)", result.StderrLines);
        Assert.Contains($"{path}:3: byte 0xEB at byte 5 of the line is not utf-8 (an older MIS export may need --encoding windows-1252 or latin1)", result.StderrLines);
    }

    [Fact]
    public void A_latin1_register_is_rejected_row_by_row_in_lenient_mode_and_never_merges_two_pupils()
    {
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", Latin1Register(), "--format", "json", "--lenient");
        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((3, 2), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_rejected").GetInt32()));
        Assert.Equal(["Ann"], json.GetProperty("pupils").EnumerateArray().Select(p => p.GetProperty("pupil").GetString()));
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("windows-1252")]
    public void An_older_export_is_read_with_its_encoding(string encoding)
    {
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", Latin1Register(), "--format", "json", "--encoding", encoding);
        Assert.Equal(0, result.Exit);
        var pupils = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pupils").EnumerateArray().Select(p => p.GetProperty("pupil").GetString());
        Assert.Equal(["Chloé", "Chloë", "Ann"], pupils);
    }

    [Fact]
    public void An_unknown_encoding_is_a_command_line_error()
    {
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--encoding", "ebcdic");
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public void The_header_is_named_as_typed()
    {
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", files.Write("marks.csv", "Pupil,Date,Session\nA,2025-09-08,AM\n"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("(it has Pupil,Date,Session;", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    /// <summary>Whatever the lines hold (quotes, commas, bytes not UTF-8, NUL, CR), every non-blank line after the header is one data row, evaluated or rejected.</summary>
    [Property(MaxTest = 60, Replay = "(20261414,1415)")]
    public Property Rows_read_is_rows_evaluated_plus_rows_rejected_for_hostile_csvs() =>
        Prop.ForAll(Arb.From(HostileLines()), lines =>
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Header));
            foreach (var line in lines)
            {
                bytes.AddRange(line);
                bytes.Add((byte)'\n');
            }

            var path = files.PathOf($"fuzz-{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, [.. bytes]);
            foreach (var encoding in new[] { "utf-8", "windows-1252" })
            {
                var file = MarksFile.Read(path, new Dictionary<string, string>(), Policy, encoding: encoding);
                var evaluated = file.Pupils.Sum(p => file.MarksOf(p).Count);
                Assert.Equal(lines.Count(l => l.Length > 0), file.RowsRead);
                Assert.Equal(file.RowsRead, evaluated + file.Rejected.Count);
            }

            File.Delete(path);
        });

    private static readonly Evaluation.CompiledPolicy Policy = CohortEvaluation.LoadPolicy(CliRun.Data("policy.yaml"), TextWriter.Null, verbose: false);

    /// <summary>Lines of a marks CSV: good rows, blank lines, and lines of hostile bytes (none is a line feed).</summary>
    private static Gen<byte[][]> HostileLines()
    {
        var good = Gen.Elements("A1,2025-09-08,AM,/", "A2,2025-09-08,PM,O", "A1,2025-09-09,AM,\"/\"", "\"A3\",2025-09-10,AM,L").Select(s => Encoding.UTF8.GetBytes(s));
        var hostileByte = Gen.Elements<byte>((byte)'"', (byte)',', (byte)'\r', 0, 0x1B, 0xE9, 0xC3, 0xA9, 0xFF, 0x81, (byte)'A', (byte)' ');
        var hostile = Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(hostileByte, n)).Select(b => b[0] == (byte)' ' || b[0] == (byte)'\r' ? [(byte)'x', .. b] : b);
        var mutated = good.SelectMany(g => Gen.Choose(0, g.Length - 1).SelectMany(i => hostileByte.Select(b => { var copy = (byte[])g.Clone(); copy[i] = b == (byte)' ' || (b == (byte)'\r' && i == 0) ? (byte)'"' : b; return copy; })));
        var line = Gen.Frequency((4, good), (3, hostile), (3, mutated), (1, Gen.Constant(Array.Empty<byte>())));
        return Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(line, n));
    }

    private string Latin1Register() => WriteBytes("latin1.csv", Encoding.Latin1.GetBytes(Header + "Chloé,2025-09-08,AM,/\nChloë,2025-09-08,AM,O\nAnn,2025-09-08,AM,/\n"));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
