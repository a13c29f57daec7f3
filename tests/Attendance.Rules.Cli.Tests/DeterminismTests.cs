using System.Globalization;

namespace Attendance.Rules.Cli.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_input_gives_the_same_json_twice()
    {
        var first = CliRun.Evaluate("marks.csv", "--format", "json", "--pupils", CliRun.Data("pupils.csv"));
        var second = CliRun.Evaluate("marks.csv", "--format", "json", "--pupils", CliRun.Data("pupils.csv"));

        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void The_output_under_a_french_culture_is_identical(string format)
    {
        var invariant = InCulture(CultureInfo.InvariantCulture, () => CliRun.Evaluate("marks.csv", "--format", format));
        var french = InCulture(new CultureInfo("fr-FR"), () => CliRun.Evaluate("marks.csv", "--format", format));

        Assert.Equal(0, french.Exit);
        Assert.Contains("66.67", french.Stdout);
        Assert.Equal(invariant.Stdout, french.Stdout);
    }

    [Fact]
    public void The_json_for_a_shipped_sample_is_byte_identical_across_runs_thread_counts_and_cultures()
    {
        // A whole year of 200 pupils: Stanborough's shipped sample register.
        string[] Args(int threads) =>
        [
            "evaluate", "--format", "json", "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--policy", CliRun.RepositoryPolicy("stanborough.yaml"),
            "--marks", CliRun.RepositoryFile("samples/data/stanborough.csv"),
            "--pupils", CliRun.RepositoryFile("samples/data/stanborough-pupils.csv"),
        ];
        var one = InCulture(CultureInfo.InvariantCulture, () => CliRun.Run(Args(1)));
        var four = InCulture(CultureInfo.InvariantCulture, () => CliRun.Run(Args(4)));
        var again = InCulture(CultureInfo.InvariantCulture, () => CliRun.Run(Args(4)));
        var french = InCulture(new CultureInfo("fr-FR"), () => CliRun.Run(Args(3)));

        Assert.Equal(0, one.Exit);
        Assert.Contains("\"pupil\": \"S200\"", one.Stdout, StringComparison.Ordinal);
        Assert.Equal(one.Stdout, four.Stdout);
        Assert.Equal(one.Stdout, again.Stdout);
        Assert.Equal(one.Stdout, french.Stdout);
    }

    [Fact]
    public void The_explain_output_under_a_french_culture_is_identical()
    {
        string[] args = ["explain", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--pupil", "B002"];
        var invariant = InCulture(CultureInfo.InvariantCulture, () => CliRun.Run(args));
        var french = InCulture(new CultureInfo("fr-FR"), () => CliRun.Run(args));

        Assert.Equal(invariant.Stdout, french.Stdout);
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> body)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return body();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
