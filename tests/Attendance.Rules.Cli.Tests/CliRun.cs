namespace Attendance.Rules.Cli.Tests;

/// <summary>What one in-process run of the tool gave.</summary>
internal sealed record CliResult(int Exit, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the tool in-process through <see cref="App.Run"/>, capturing both writers.</summary>
internal static class CliRun
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = App.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A file under the test's Data folder (copied next to the test assembly).</summary>
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string RepositoryFile(string relative) => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(RepositoryPolicy("x"))!)!, relative);

    /// <summary>The policies folder of the repository.</summary>
    public static string RepositoryPolicy(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attendance.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no Attendance.Rules.sln above " + AppContext.BaseDirectory), "policies", name);
    }

    /// <summary>Evaluates the test policy on a marks file with extra arguments.</summary>
    public static CliResult Evaluate(string marks, params string[] extra) =>
        Run(["evaluate", "--policy", Data("policy.yaml"), "--marks", Data(marks), .. extra]);
}
