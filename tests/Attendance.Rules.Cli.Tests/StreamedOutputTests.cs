using System.Globalization;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Output;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Output is written a pupil at a time (issue 14): the writer sees many small writes, never the
/// whole output at once, and the bytes are those of the whole output built in one piece.
/// </summary>
public sealed class StreamedOutputTests
{
    private static readonly string[] Sample =
    [
        "--policy", CliRun.RepositoryPolicy("stanborough.yaml"),
        "--marks", CliRun.RepositoryFile("samples/data/stanborough.csv"),
        "--pupils", CliRun.RepositoryFile("samples/data/stanborough-pupils.csv"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Evaluate_json_writes_its_output_in_pieces_smaller_than_a_few_pupils(int threads)
    {
        using var stdout = new RecordingWriter();
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var exit = App.Run(["evaluate", "--format", "json", "--threads", threads.ToString(CultureInfo.InvariantCulture), .. Sample], stdout, stderr);

        Assert.Equal(0, exit);
        var whole = stdout.ToString();

        // 200 pupils: the largest single write is far below the whole (it was the whole before; one pupil here writes 58,000).
        Assert.True(stdout.Writes >= 200, $"{stdout.Writes} writes");
        Assert.True(stdout.Largest * 10 < whole.Length, $"largest write {stdout.Largest} of {whole.Length} characters");
        Assert.EndsWith("}\n", whole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Evaluate_csv_writes_its_output_in_pieces_of_at_most_the_csv_writer_s_buffer(int threads)
    {
        // 5,000 pupils of one mark each: about 300 KB of CSV, more than CsvHelper's 64 KiB buffer four times over.
        var marks = Path.Combine(Path.GetTempPath(), $"streamed-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(marks, ["pupil,date,session,code", .. Enumerable.Range(0, 5_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"P{i:00000},2025-09-08,AM,/"))]);
        try
        {
            using var stdout = new RecordingWriter();
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);

            var exit = App.Run(["evaluate", "--format", "csv", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--policy", Sample[1], "--marks", marks], stdout, stderr);

            Assert.Equal(0, exit);
            var whole = stdout.ToString();
            Assert.Equal(5_001, whole.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.True(stdout.Writes >= 4, $"{stdout.Writes} writes");
            Assert.True(stdout.Largest <= 64 * 1024, $"largest write {stdout.Largest} of {whole.Length} characters");
        }
        finally
        {
            File.Delete(marks);
        }
    }

    [Fact]
    public void The_html_report_is_put_together_from_pieces_and_equals_the_command_s_file()
    {
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var cohort = CohortEvaluation.Load(new InputOptions(Sample[1], Sample[3], Sample[5], null, null, Lenient: false, Verbose: false), stderr);
        using var page = new RecordingWriter();

        HtmlReport.Write(page, cohort);

        var html = page.ToString();
        Assert.True(page.Largest * 20 < html.Length, $"largest write {page.Largest} of {html.Length} characters");
        Assert.Equal(200, html.Split("<details id=\"p", StringSplitOptions.None).Length - 1);
        Assert.Equal(200, html.Split("<tr data-year=", StringSplitOptions.None).Length - 1);

        var file = Path.Combine(Path.GetTempPath(), $"streamed-{Guid.NewGuid():N}.html");
        try
        {
            var result = CliRun.Run(["report", "--out", file, .. Sample]);
            Assert.Equal(0, result.Exit);
            Assert.Equal(html, File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Evaluating_in_order_gives_the_pupils_order_for_any_thread_count()
    {
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var cohort = CohortEvaluation.Load(new InputOptions(Sample[1], Sample[3], Sample[5], null, null, Lenient: false, Verbose: false), stderr);
        var one = new List<string>();
        var three = new List<string>();

        cohort.EvaluateInOrder(cohort.AllPupils, r => one.Add(r.Pupil), threads: 1);
        cohort.EvaluateInOrder(cohort.AllPupils, r => three.Add(r.Pupil), threads: 3);

        Assert.Equal(cohort.AllPupils, one);
        Assert.Equal(cohort.AllPupils, three);
    }

    /// <summary>A string writer that counts its writes and the largest.</summary>
    private sealed class RecordingWriter : StringWriter
    {
        public RecordingWriter()
            : base(CultureInfo.InvariantCulture) => NewLine = "\n";

        public int Writes { get; private set; }

        public int Largest { get; private set; }

        public override void Write(char value)
        {
            Record(1);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Record(count);
            base.Write(buffer, index, count);
        }

        public override void Write(string? value)
        {
            Record(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Record(buffer.Length);
            base.Write(buffer);
        }

        private void Record(int length)
        {
            Writes++;
            Largest = Math.Max(Largest, length);
        }
    }
}
