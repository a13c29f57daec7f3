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
