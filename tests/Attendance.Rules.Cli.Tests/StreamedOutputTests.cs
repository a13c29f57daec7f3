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
    [InlineData("json", 1)]
    [InlineData("json", 3)]
    [InlineData("csv", 1)]
    [InlineData("csv", 3)]
    public void Evaluate_writes_its_output_in_pieces_smaller_than_a_few_pupils(string format, int threads)
    {
        using var stdout = new RecordingWriter();
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var exit = App.Run(["evaluate", "--format", format, "--threads", threads.ToString(CultureInfo.InvariantCulture), .. Sample], stdout, stderr);

        Assert.Equal(0, exit);
        var whole = stdout.ToString();

        // 200 pupils: the largest single write is far below the whole (it was the whole before; one pupil here writes 58,000).
        Assert.True(stdout.Writes >= (format == "json" ? 200 : 4), $"{stdout.Writes} writes");
        Assert.True(stdout.Largest * 10 < whole.Length, $"largest write {stdout.Largest} of {whole.Length} characters");
        Assert.EndsWith(format == "json" ? "}\n" : "\n", whole, StringComparison.Ordinal);
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
        Assert.Equal(200, html.Split("<tr><td data-v=", StringSplitOptions.None).Length - 1);

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
