namespace Attendance.Rules.Testing.Tests;

/// <summary>Finds the repository's policies folder from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policy(string fileName) => Path.Combine(Root, "policies", fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attendance.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Attendance.Rules.sln) above " + AppContext.BaseDirectory);
    }
}
