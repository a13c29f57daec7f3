namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// The tests files under a folder, found without following symbolic links (to folders or files),
/// so a link to / or elsewhere never takes the walk out of the folder; the walk is bounded.
/// </summary>
internal static class TestFolder
{
    /// <summary>The most entries looked at under one folder.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>The deepest folder looked into.</summary>
    public const int MaxDepth = 32;

    /// <summary>Every file under the folder whose name ends in the suffix, in ordinal order of path.</summary>
    /// <exception cref="Input.InputException">The folder has more than <see cref="MaxEntries"/> entries or is nested deeper than <see cref="MaxDepth"/>.</exception>
    public static List<string> Find(string folder, string suffix)
    {
        var found = new List<string>();
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((folder, 0));
        var seen = 0;
        while (pending.Count > 0)
        {
            var (directory, depth) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (++seen > MaxEntries)
                {
                    throw new Input.InputException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{folder}: the folder has more than {MaxEntries:N0} entries; name the tests files or a smaller folder"));
                }

                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                var path = Path.Combine(directory, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (depth + 1 > MaxDepth)
                    {
                        throw new Input.InputException($"{folder}: the folder is nested more than {MaxDepth} levels deep; name the tests files or a smaller folder");
                    }

                    pending.Push((path, depth + 1));
                }
                else if (entry.Name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(path);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
