using Attendance.Rules.Tests.Files;

namespace Attendance.Rules.Cli.Tests;

/// <summary><c>--out</c> never overwrites an input, and a failed run leaves no half file (issue 14).</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("evaluate", "--marks")]
    [InlineData("evaluate", "--policy")]
    [InlineData("report", "--marks")]
    [InlineData("report", "--policy")]
    public void Out_naming_an_input_is_refused_before_anything_is_read(string command, string input)
    {
        var marks = files.Write("marks.csv", File.ReadAllText(CliRun.Data("marks.csv")));
        var policy = files.Write("policy.yaml", File.ReadAllText(CliRun.Data("policy.yaml")));
        var target = input == "--marks" ? marks : policy;
        var before = File.ReadAllText(target);
        var result = CliRun.Run(command, "--policy", policy, "--marks", marks, "--out", target);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"--out {target} names the input {target}; writing there would overwrite it, so nothing was read", Assert.Single(result.StderrLines));
        Assert.Equal(before, File.ReadAllText(target));
    }

    [Fact]
    public void Out_reaching_an_input_through_a_link_is_refused()
    {
        var marks = files.Write("marks.csv", File.ReadAllText(CliRun.Data("marks.csv")));
        var link = files.Link("out.json", marks);
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", marks, "--format", "json", "--out", link);
        Assert.Equal(2, result.Exit);
        Assert.Equal(File.ReadAllText(CliRun.Data("marks.csv")), File.ReadAllText(marks));
    }

    [Fact]
    public void A_failed_run_leaves_no_file_and_no_temporary_file()
    {
        var output = files.PathOf("figures.json");
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks-bad-date.csv"), "--format", "json", "--out", output);
        Assert.Equal(2, result.Exit);
        Assert.Empty(Directory.GetFileSystemEntries(files.Folder));
    }

    [Fact]
    public void A_successful_run_replaces_the_output_whole_and_leaves_no_temporary_file()
    {
        var output = files.Write("figures.json", "old contents that are longer than nothing");
        var result = CliRun.Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv"), "--format", "json", "--out", output);
        Assert.Equal(0, result.Exit);
        Assert.StartsWith("{\n  \"policy\":", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal([output], Directory.GetFileSystemEntries(files.Folder));
    }
}
