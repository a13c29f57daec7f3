namespace Attendance.Rules.Benchmarks.Cohorts;

/// <summary>
/// Finds the repository's files: the folder holding <c>Attendance.Rules.sln</c>, above the current
/// folder or the program's (BenchmarkDotNet runs each benchmark from a generated folder under bin/).
/// </summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
        Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("cannot find the repository root (Attendance.Rules.sln) above the current or the program's folder"));

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The <c>policies</c> folder.</summary>
    public static string Policies => Path.Combine(Root, "policies");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Attendance.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
