namespace Attendance.Rules.Files;

/// <summary>Real paths (every symbolic link along the way resolved), for confining a path to a folder.</summary>
internal static class PathResolution
{
    /// <summary>The most links followed in one path; more is a loop.</summary>
    private const int MaxLinks = 40;

    /// <summary>The path with every symbolic link in it resolved, as far as it exists; the rest as given.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var links = 0;
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is { } target && links++ < MaxLinks)
            {
                var resolved = Path.GetFullPath(target, current);
                var rest = pending.ToArray();
                var resolvedRoot = Path.GetPathRoot(resolved) ?? "/";
                pending = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = resolvedRoot;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Whether a real path is the folder or inside it.</summary>
    public static bool IsWithin(string realPath, string realFolder)
    {
        var folder = Path.TrimEndingDirectorySeparator(realFolder) + Path.DirectorySeparatorChar;
        return realPath.StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
