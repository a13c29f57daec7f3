using Attendance.Rules.Files;

namespace Attendance.Rules.Loading;

/// <summary>
/// The default resolver: embedded policies by id, and, where <see cref="AllowFiles"/> is set,
/// <c>.yaml</c>/<c>.yml</c> files within the extending file's folder tree.
/// </summary>
public sealed class PolicyResolver : IPolicyResolver
{
    /// <summary>Resolves embedded policies only (for loading from a stream or string).</summary>
    public static PolicyResolver EmbeddedOnly { get; } = new(false);

    /// <summary>Resolves embedded policies, then files within the extending file's folder tree.</summary>
    public static PolicyResolver EmbeddedAndFiles { get; } = new(true);

    private PolicyResolver(bool allowFiles) => AllowFiles = allowFiles;

    /// <summary>Whether references may name files.</summary>
    public bool AllowFiles { get; }

    /// <inheritdoc />
    /// <exception cref="IOException">The reference names a file the loader refuses: an absolute path, one that leaves the extending file's folder (by <c>..</c> or a symbolic link), not a <c>.yaml</c>/<c>.yml</c> file, not a regular file, or too large. The message says which, naming the reference as written.</exception>
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

        // A base must live within the extending file's folder tree, so a hostile policy cannot reach
        // other files (credentials, devices) and have them echoed in a diagnostic.
        if (Path.IsPathRooted(reference) || reference.StartsWith('~'))
        {
            throw new FileRefusedException(reference, "an absolute path; extends names an embedded policy or a file within this policy's folder");
        }

        if (reference.Split('/', '\\').Contains(".."))
        {
            throw new FileRefusedException(reference, "a path that leaves this policy's folder ('..'); extends names an embedded policy or a file within this policy's folder");
        }

        if (!(reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || reference.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var folder = PathResolution.RealPath(Path.GetDirectoryName(Path.GetFullPath(extendingFile)) ?? ".");
        var path = Path.GetFullPath(Path.Combine(folder, reference));
        if (!File.Exists(path) && !Directory.Exists(path) && FileKinds.Of(path) == FileKind.Missing)
        {
            return false;
        }

        var real = PathResolution.RealPath(path);
        if (!PathResolution.IsWithin(real, folder))
        {
            throw new FileRefusedException(reference, "a file that leads (through a symbolic link) outside this policy's folder; extends names an embedded policy or a file within this policy's folder");
        }

        fileName = path;
        var bytes = BoundedFile.ReadBytes(real, PolicyLoadLimits.Default.MaxCharacters * 4L, "base policy");
        text = System.Text.Encoding.UTF8.GetString(bytes);
        return true;
    }
}
