namespace Attendance.Rules.Loading;

/// <summary>
/// The default resolver: embedded policies by id, and, where <see cref="AllowFiles"/> is set,
/// files relative to the extending file.
/// </summary>
public sealed class PolicyResolver : IPolicyResolver
{
    /// <summary>Resolves embedded policies only (for loading from a stream or string).</summary>
    public static PolicyResolver EmbeddedOnly { get; } = new(false);

    /// <summary>Resolves embedded policies, then files relative to the extending file.</summary>
    public static PolicyResolver EmbeddedAndFiles { get; } = new(true);

    private PolicyResolver(bool allowFiles) => AllowFiles = allowFiles;

    /// <summary>Whether references may name files.</summary>
    public bool AllowFiles { get; }

    /// <inheritdoc />
    public bool TryResolve(string reference, string extendingFile, out string text, out string fileName)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (EmbeddedPolicies.TryGet(reference, out text))
        {
            fileName = $"embedded:{reference}.yaml";
            return true;
        }

        fileName = reference;
        if (!AllowFiles)
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(extendingFile)) ?? ".";
        var path = Path.GetFullPath(Path.Combine(directory, reference));
        if (!File.Exists(path))
        {
            return false;
        }

        fileName = path;
        // Only policy files: a base named by extends must be a .yaml/.yml file of bounded size, so a
        // hostile policy cannot make the loader read a device or echo another file's contents.
        var info = new FileInfo(path);
        if (!(path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            || info.Length > PolicyLoadLimits.Default.MaxCharacters * 4L)
        {
            return false;
        }

        text = File.ReadAllText(path);
        return true;
    }
}
