namespace Attendance.Rules.Tests;

/// <summary>Finds the repository's folders from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies => Path.Combine(Root, "policies");

    public static IEnumerable<string> SchoolPolicies() =>
        Directory.GetFiles(Policies, "*.yaml", SearchOption.TopDirectoryOnly).Where(p => !p.EndsWith(".tests.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static IEnumerable<string> AllPolicies() =>
        Directory.GetFiles(Policies, "*.yaml", SearchOption.AllDirectories).Where(p => !p.EndsWith(".tests.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

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
