using System.Text.Json;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Input;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// <c>--code-map</c>: the shipped maps (samples/code-maps) on small hand-made marks files, vendor
/// codes the map does not cover, bad map files, and every command that reads marks.
/// </summary>
public sealed class CodeMapTests
{
    private static string Map(string name) => CliRun.RepositoryFile(Path.Combine("samples", "code-maps", name));

    private static CliResult Evaluate(string marksPath, params string[] extra) =>
        CliRun.Run(["evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", marksPath, "--format", "json", .. extra]);

    private static JsonElement Pupil(CliResult result, string pupil)
    {
        Assert.True(result.Exit == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pupils").EnumerateArray().Single(p => p.GetProperty("pupil").GetString() == pupil);
    }

    private static int Figure(JsonElement pupil, string name) => pupil.GetProperty(name).GetInt32();

    /// <summary>A copy of a marks file with each code replaced as <paramref name="replace"/> says (the file written by hand in statutory codes).</summary>
    private static string Rewritten(string marksPath, Func<string, string, string> replace)
    {
        var lines = File.ReadAllLines(marksPath);
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-marks.csv");
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[3] = replace(f[3], f[1]);
            return string.Join(',', f);
        })]);
        return path;
    }

    private static string Temp(string name, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("sims-subcodes.csv", "code-map-sims.csv")]
    [InlineData("bromcom-covid.csv", "code-map-bromcom.csv")]
    [InlineData("arbor.csv", "code-map-arbor.csv")]
    public void A_register_of_vendor_codes_with_its_map_evaluates_as_the_same_register_written_in_statutory_codes(string map, string marks)
    {
        // The statutory file is written from the source's table, independently of the tool's reading of the map.
        var table = File.ReadAllLines(Map(map)).Skip(1).Select(l => l.Split(','))
            .Select(f => (Vendor: f[0], Statutory: f[1], From: f.Length > 2 && f[2].Length > 0 ? f[2] : "0000-00-00")).ToList();
        var statutory = Rewritten(CliRun.Data(marks), (code, date) =>
            table.Where(r => r.Vendor == code && string.CompareOrdinal(r.From, date) <= 0).OrderBy(r => r.From, StringComparer.Ordinal).LastOrDefault().Statutory ?? code);
        try
        {
            var mapped = Evaluate(CliRun.Data(marks), "--code-map", Map(map));
            var plain = Evaluate(statutory);

            Assert.True(mapped.Exit == 0, mapped.Stderr);
            Assert.True(plain.Exit == 0, plain.Stderr);
            Assert.Equal(plain.Stdout, mapped.Stdout);
            Assert.Equal(0, JsonDocument.Parse(mapped.Stdout).RootElement.GetProperty("rows_rejected").GetInt32());
        }
        finally
        {
            File.Delete(statutory);
        }
    }

    [Fact]
    public void Sims_subcodes_count_as_their_session_codes()
    {
        var result = Evaluate(CliRun.Data("code-map-sims.csv"), "--code-map", Map("sims-subcodes.csv"));

        // S1: X02 twice and X07 are X (not possible sessions); I02 and I01 illness; one O.
        var s1 = Pupil(result, "S1");
        Assert.Equal(7, Figure(s1, "possible_sessions"));
        Assert.Equal(4, Figure(s1, "present_sessions"));
        Assert.Equal(2, Figure(s1, "authorised_absence_sessions"));
        Assert.Equal(1, Figure(s1, "unauthorised_absence_sessions"));
    }

    [Fact]
    public void A_bromcom_code_takes_the_meaning_of_the_latest_mapping_on_or_before_its_date_and_verbose_counts_each_mapping()
    {
        var result = Evaluate(CliRun.Data("code-map-bromcom.csv"), "--code-map", Map("bromcom-covid.csv"), "--as-of", "2020-06-30", "--verbose");

        // June 2020 (2019-20): 7 is illness (I), 9 and 8 are Y (not possible sessions).
        var june = Pupil(result, "B1");
        Assert.Equal(4, Figure(june, "possible_sessions"));
        Assert.Equal(2, Figure(june, "authorised_absence_sessions"));
        Assert.Contains("code map: 7 -> I (from 2020-06-01): 2 rows of " + CliRun.Data("code-map-bromcom.csv"), result.StderrLines);
        Assert.Contains("code map: 7 -> X (from 2020-08-01): 2 rows of " + CliRun.Data("code-map-bromcom.csv"), result.StderrLines);
        Assert.Contains("code map: 8 -> Y: 1 row of " + CliRun.Data("code-map-bromcom.csv"), result.StderrLines);
        Assert.Contains("code map: 8 -> X (from 2020-08-01): 1 row of " + CliRun.Data("code-map-bromcom.csv"), result.StderrLines);
        Assert.Contains($"code map: {Map("bromcom-covid.csv")}: 6 of 8 mappings used, 8 rows mapped", result.StderrLines);

        // September 2020 (2020-21): 7 is X, 0 is illness, 8 is X.
        var september = Pupil(Evaluate(CliRun.Data("code-map-bromcom.csv"), "--code-map", Map("bromcom-covid.csv")), "B1");
        Assert.Equal(3, Figure(september, "possible_sessions"));
        Assert.Equal(1, Figure(september, "authorised_absence_sessions"));
    }

    [Fact]
    public void Without_verbose_the_mappings_are_not_listed()
    {
        var result = Evaluate(CliRun.Data("code-map-sims.csv"), "--code-map", Map("sims-subcodes.csv"));

        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain("code map:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmapped_vendor_code_is_a_rejected_row_naming_it_and_in_strict_mode_is_refused_naming_file_row_and_column()
    {
        var marks = Temp("marks.csv", "pupil,date,session,code\nS1,2021-03-08,AM,X02\nS1,2021-03-08,PM,X10\nS1,2021-03-09,AM,/\n");
        try
        {
            var lenient = Evaluate(marks, "--code-map", Map("sims-subcodes.csv"), "--lenient");
            var strict = Evaluate(marks, "--code-map", Map("sims-subcodes.csv"));

            Assert.Equal(0, lenient.Exit);
            var json = JsonDocument.Parse(lenient.Stdout).RootElement;
            Assert.Equal(3, json.GetProperty("rows_read").GetInt32());
            Assert.Equal(1, json.GetProperty("rows_rejected").GetInt32());
            Assert.Contains($"{marks}:3: rejected: 2021-03-08 PM: code 'X10' (column 4, code) is neither a national attendance code nor in the code map {Map("sims-subcodes.csv")}", lenient.StderrLines);

            Assert.Equal(2, strict.Exit);
            Assert.Equal(string.Empty, strict.Stdout);
            Assert.StartsWith($"{marks}:3: 2021-03-08 PM: code 'X10' (column 4, code) is neither", strict.StderrLines[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(marks);
        }
    }

    [Fact]
    public void A_vendor_code_before_its_first_mapping_is_rejected_saying_so()
    {
        var marks = Temp("marks.csv", "pupil,date,session,code\nB1,2020-05-29,AM,7\nB1,2020-05-29,PM,\\\n");
        try
        {
            var result = Evaluate(marks, "--code-map", Map("bromcom-covid.csv"), "--lenient");

            Assert.Equal(0, result.Exit);
            Assert.Contains(result.StderrLines, l => l.StartsWith($"{marks}:2: rejected: 2020-05-29 AM: code '7' (column 4, code) is mapped by the code map", StringComparison.Ordinal)
                && l.EndsWith("only from a later date; no mapping applies on 2020-05-29", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(marks);
        }
    }

    [Fact]
    public void A_code_mapped_to_a_code_not_valid_on_its_date_is_rejected_naming_the_mapping()
    {
        // Y was withdrawn on 19 August 2024: Bromcom's 2019-20 8 cannot stand for it in 2025.
        var marks = Temp("marks.csv", "pupil,date,session,code\nB1,2025-09-08,AM,/\nB1,2025-09-08,PM,8\n");
        var map = Temp("map.csv", "vendor_code,statutory_code\n8,Y\n");
        try
        {
            var result = Evaluate(marks, "--code-map", map, "--lenient");

            Assert.Equal(0, result.Exit);
            Assert.Contains(result.StderrLines, l => l.StartsWith($"{marks}:3: rejected: code '8' is mapped to 'Y' by the code map {map}, and ", StringComparison.Ordinal) && l.Contains("was withdrawn on 19 August 2024", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(marks);
            File.Delete(map);
        }
    }

    [Fact]
    public void National_codes_pass_unchanged_and_a_map_changes_nothing_for_a_register_without_vendor_codes()
    {
        var without = Evaluate(CliRun.Data("marks.csv"));
        var with = Evaluate(CliRun.Data("marks.csv"), "--code-map", Map("arbor.csv"));

        Assert.Equal(0, with.Exit);
        Assert.Equal(without.Stdout, with.Stdout);
    }

    [Theory]
    [InlineData("vendor_code,statutory_code\nX02,X\nX03,Q9\n", ":3:2: statutory_code: 'Q9' is not a national attendance code")]
    [InlineData("vendor_code,statutory_code\nX02,X\nX02,X\n", ":3:1: vendor_code: 'X02' is already mapped without valid_from; a vendor code has one mapping from each date (on line 2)")]
    [InlineData("statutory_code,vendor_code,valid_from\nX,X02,2021-03-01\nI,X02,2021-03-01\n", ":3:2: vendor_code: 'X02' is already mapped from 2021-03-01; a vendor code has one mapping from each date (on line 2)")]
    [InlineData("vendor_code,statutory_code,valid_from\nX02,X,2021-02-30\n", ":2:3: valid_from '2021-02-30' is not a date as yyyy-MM-dd")]
    [InlineData("vendor_code,code\nX02,X\n", ":1: the header lacks the column statutory_code")]
    [InlineData("vendor_code,statutory_code\nO,G\n", ":2:1: vendor_code: 'O' is a national code, which is never mapped")]
    [InlineData("vendor_code,statutory_code,valid_from\n7,Y,2024-09-01\n", ":2:2: statutory_code: 'Y' is not a national code on 2024-09-01, its valid_from (the 2024 set)")]
    [InlineData("vendor_code,statutory_code\nX02\n", ":2: the row has 1 field; the header has 2")]
    public void A_bad_code_map_is_bad_input_naming_file_row_and_column(string map, string expected)
    {
        var path = Temp("map.csv", map);
        try
        {
            foreach (var command in new[] { "evaluate", "explain", "report" })
            {
                var args = new List<string> { command, "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("code-map-sims.csv"), "--code-map", path };
                if (command == "explain")
                {
                    args.AddRange(["--pupil", "S1"]);
                }
                else if (command == "report")
                {
                    args.AddRange(["--out", path + ".html"]);
                }

                var result = CliRun.Run([.. args]);

                Assert.Equal(2, result.Exit);
                Assert.Equal(string.Empty, result.Stdout);
                Assert.Contains(path + expected, result.Stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Diff_reads_vendor_codes_through_the_map()
    {
        string[] args = ["diff", "--policy", CliRun.Data("policy.yaml"), "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("code-map-sims.csv"), "--format", "json"];
        var mapped = CliRun.Run([.. args, "--code-map", Map("sims-subcodes.csv")]);
        var unmapped = CliRun.Run(args);

        Assert.True(mapped.Exit == 0, mapped.Stderr);
        Assert.Equal(2, unmapped.Exit);
        Assert.Contains("code 'X02' is not a national attendance code", unmapped.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_and_report_read_vendor_codes_through_the_map()
    {
        var explain = CliRun.Run("explain", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("code-map-sims.csv"), "--code-map", Map("sims-subcodes.csv"), "--pupil", "S1");
        var unmapped = CliRun.Run("explain", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("code-map-sims.csv"), "--pupil", "S1");
        var html = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-report.html");
        try
        {
            var report = CliRun.Run("report", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("code-map-sims.csv"), "--code-map", Map("sims-subcodes.csv"), "--out", html);

            Assert.True(explain.Exit == 0, explain.Stderr);
            Assert.Equal(2, unmapped.Exit);
            Assert.Contains("code 'X02' is not a national attendance code", unmapped.Stderr, StringComparison.Ordinal);
            Assert.True(report.Exit == 0, report.Stderr);
            Assert.True(new FileInfo(html).Length > 0);
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public void Leave_reads_the_register_through_the_map()
    {
        // The first two days' mornings ill: I01 (SIMS) in one file, I in the other.
        var firstDays = File.ReadAllLines(CliRun.Data("leave-marks.csv")).Skip(1).Take(4).Select(l => l.Split(',')[1]).ToHashSet();
        var vendor = Rewritten(CliRun.Data("leave-marks.csv"), (code, date) => firstDays.Contains(date) && code == "/" ? "I01" : code);
        var statutory = Rewritten(CliRun.Data("leave-marks.csv"), (code, date) => firstDays.Contains(date) && code == "/" ? "I" : code);
        try
        {
            string[] Args(string marks) => ["leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", CliRun.Data("leave-holiday.json"), "--marks", marks, "--format", "json"];
            var mapped = CliRun.Run([.. Args(vendor), "--code-map", Map("sims-subcodes.csv")]);
            var plain = CliRun.Run(Args(statutory));
            var refused = CliRun.Run(Args(vendor));

            Assert.True(mapped.Exit == 0, mapped.Stderr);
            Assert.True(plain.Exit == 0, plain.Stderr);
            Assert.Equal(plain.Stdout, mapped.Stdout);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("code 'I01' is not a national attendance code", refused.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(vendor);
            File.Delete(statutory);
        }
    }
}

/// <summary>Random marks files of national codes, vendor codes (mapped, mapped only later, unmapped) and broken rows.</summary>
public static class CodeMapArbitraries
{
    public static Arbitrary<string[]> Rows() =>
        Gen.ListOf(
            from day in Gen.Choose(0, 60)
            from pupil in Gen.Elements("P1", "P2", "P3")
            from part in Gen.Elements("AM", "PM", "XX")
            from code in Gen.Elements("/", "\\", "O", "I", "7", "8", "9", "0", "X02", "I01", "Z9", "")
            select $"{pupil},{new NodaTime.LocalDate(2020, 5, 1).PlusDays(day):yyyy-MM-dd},{part},{code}")
        .Select(l => l.ToArray()).ToArbitrary();
}

[Properties(Arbitrary = [typeof(CodeMapArbitraries)], MaxTest = 60)]
public sealed class CodeMapProperties
{
    [Property]
    public void With_a_code_map_every_row_read_is_evaluated_or_rejected(string[] rows)
    {
        var marks = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}-marks.csv");
        File.WriteAllLines(marks, ["pupil,date,session,code", .. rows]);
        try
        {
            var codeMap = CodeMapFile.Read(CliRun.RepositoryFile(Path.Combine("samples", "code-maps", "bromcom-covid.csv")));
            var policy = CohortEvaluation.LoadPolicy(CliRun.Data("policy.yaml"), TextWriter.Null, verbose: false);
            var file = MarksFile.Read(marks, new Dictionary<string, string>(), policy, codeMap: codeMap);
            var accepted = file.Pupils.Sum(p => file.MarksOf(p).Count);

            Assert.Equal(rows.Length, file.RowsRead);
            Assert.Equal(file.RowsRead, accepted + file.Rejected.Count);

            // Each accepted row with a vendor code was mapped once (rows are file lines 2 onwards).
            var rejectedLines = file.Rejected.Select(r => r.Line).ToHashSet();
            var acceptedVendorRows = rows.Where((row, i) => !rejectedLines.Contains(i + 2) && row.Split(',')[3] is "7" or "8" or "9" or "0").Count();
            Assert.Equal(acceptedVendorRows, file.MappingsUsed.Sum(m => m.Rows));
            Assert.DoesNotContain(file.Pupils.SelectMany(file.MarksOf), m => m.Code?.Code is "7" or "8" or "9" or "0");

            var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", marks, "--code-map", CliRun.RepositoryFile(Path.Combine("samples", "code-maps", "bromcom-covid.csv")), "--lenient", "--format", "json", "--as-of", "2020-12-31");
            Assert.True(result.Exit == 0, result.Stderr);
            var json = JsonDocument.Parse(result.Stdout).RootElement;
            Assert.Equal(file.RowsRead, json.GetProperty("rows_read").GetInt32());
            Assert.Equal(file.Rejected.Count, json.GetProperty("rows_rejected").GetInt32());
            Assert.Equal(file.Pupils.Count, json.GetProperty("pupils").GetArrayLength());
            Assert.All(file.Rejected.Where(r => r.Reason.Contains("code 'Z9'", StringComparison.Ordinal)), r => Assert.Contains("neither a national attendance code nor in the code map", r.Reason, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(marks);
        }
    }
}
