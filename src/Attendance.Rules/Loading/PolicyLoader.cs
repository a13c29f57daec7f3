using System.Text;
using Attendance.Rules.Files;
using Attendance.Rules.Policies;
using Attendance.Rules.Validation;

namespace Attendance.Rules.Loading;

/// <summary>
/// Loads a policy from YAML: resolves <c>extends</c>, validates everything, and gives an immutable
/// <see cref="Policy"/> or a <see cref="PolicyException"/> carrying every located diagnostic. No
/// YAML type tags are honoured and input is bounded (<see cref="PolicyLoadLimits"/>).
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads a policy file.</summary>
    /// <param name="path">The file's path; <c>extends</c> may name files relative to it.</param>
    /// <param name="options">Options; the defaults where null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The policy has errors, or the file cannot be read.</exception>
    public static Policy Load(string path, PolicyLoadOptions? options = null) => ReadFile(path, options).GetPolicyOrThrow();

    /// <summary>Loads a policy from a stream.</summary>
    /// <param name="stream">UTF-8 YAML (a BOM is allowed).</param>
    /// <param name="fileName">The name to report diagnostics against.</param>
    /// <param name="options">Options; the defaults (embedded policies only for <c>extends</c>) where null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The policy has errors.</exception>
    public static Policy Load(Stream stream, string fileName, PolicyLoadOptions? options = null) =>
        ReadStream(stream, fileName, options).GetPolicyOrThrow();

    /// <summary>Loads a policy from a string.</summary>
    /// <param name="yaml">The policy's YAML.</param>
    /// <param name="fileName">The name to report diagnostics against.</param>
    /// <param name="options">Options; the defaults (embedded policies only for <c>extends</c>) where null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The policy has errors.</exception>
    public static Policy LoadFromString(string yaml, string fileName = "policy.yaml", PolicyLoadOptions? options = null) =>
        ReadString(yaml, fileName, options).GetPolicyOrThrow();

    /// <summary>Loads an embedded policy by id, for example the national base <c>england-2024</c>.</summary>
    /// <param name="id">The embedded policy's id.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">No embedded policy has that id.</exception>
    public static Policy LoadEmbedded(string id)
    {
        if (!EmbeddedPolicies.TryGet(id, out var text))
        {
            throw new ArgumentException($"no embedded policy has the id '{id}'; embedded: {string.Join(", ", EmbeddedPolicies.Ids)}", nameof(id));
        }

        return LoadFromString(text, $"embedded:{id}.yaml");
    }

    /// <summary>Reads a policy file, giving the policy (where valid) and every diagnostic.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Options; the defaults where null.</param>
    /// <returns>The policy and diagnostics; never throws for bad content.</returns>
    public static PolicyLoadResult ReadFile(string path, PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= PolicyLoadOptions.Default;
        string text;
        try
        {
            // A regular file's reported size refuses a large one without opening it; the bounded read
            // below is what holds for files whose reported size means nothing (devices, FIFOs).
            if (new FileInfo(path) is { Exists: true } info && info.Length > options.Limits.MaxCharacters * 4L)
            {
                return Failed(path, $"the policy file is {info.Length:N0} bytes, more than the limit of {options.Limits.MaxCharacters:N0} characters", "a policy file of at most 1 MiB");
            }

            // Four bytes a character at most: the character limit is checked again on the text.
            var bytes = BoundedFile.ReadBytes(path, options.Limits.MaxCharacters * 4L, "policy");
            text = Encoding.UTF8.GetString(bytes);
        }
        catch (FileRefusedException e)
        {
            return Failed(path, e.Reason, "a regular policy file (YAML) of at most 1 MiB");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, $"the policy file cannot be read: {e.Message}", "a readable file");
        }

        return Read(text, Path.GetFullPath(path), options.Resolver ?? PolicyResolver.EmbeddedAndFiles, options.Limits);
    }

    /// <summary>Reads a policy from a stream, giving the policy (where valid) and every diagnostic.</summary>
    /// <param name="stream">UTF-8 YAML.</param>
    /// <param name="fileName">The name to report diagnostics against.</param>
    /// <param name="options">Options; the defaults where null.</param>
    /// <returns>The policy and diagnostics.</returns>
    public static PolicyLoadResult ReadStream(Stream stream, string fileName, PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= PolicyLoadOptions.Default;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new char[options.Limits.MaxCharacters + 1];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        if (read > options.Limits.MaxCharacters)
        {
            return Failed(fileName, $"the policy has more than {options.Limits.MaxCharacters:N0} characters", "a policy file of at most 1 MiB");
        }

        return ReadString(new string(buffer, 0, read), fileName, options);
    }

    /// <summary>Reads a policy from a string, giving the policy (where valid) and every diagnostic.</summary>
    /// <param name="yaml">The policy's YAML.</param>
    /// <param name="fileName">The name to report diagnostics against.</param>
    /// <param name="options">Options; the defaults where null.</param>
    /// <returns>The policy and diagnostics.</returns>
    public static PolicyLoadResult ReadString(string yaml, string fileName = "policy.yaml", PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        options ??= PolicyLoadOptions.Default;
        return Read(yaml, fileName, options.Resolver ?? PolicyResolver.EmbeddedOnly, options.Limits);
    }

    private static PolicyLoadResult Failed(string file, string message, string expected) =>
        new(null, [new PolicyDiagnostic(DiagnosticSeverity.Error, file, 1, 1, null, message, expected)]);

    private static PolicyLoadResult Read(string text, string file, IPolicyResolver resolver, PolicyLoadLimits limits)
    {
        var reader = new NodeReader();
        var root = PolicyMerger.Resolve(text.TrimStart('\uFEFF'), file, resolver, limits, reader, []);
        Policy? policy = null;
        if (root is not null)
        {
            policy = new PolicyReader(reader, limits).Read(root);
        }

        IReadOnlyList<PolicyDiagnostic> needsCalendar = [];
        if (policy is not null && !reader.HasErrors)
        {
            // Checks of meaning run on the model, after a successful read; they only warn.
            var report = PolicyValidator.Validate(policy, reader.Locations, file);
            reader.Diagnostics.AddRange(report.Warnings);
            needsCalendar = report.NeedsCalendar;
        }

        var diagnostics = reader.Diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();
        return new PolicyLoadResult(reader.HasErrors ? null : policy, diagnostics)
        {
            NeedsCalendar = needsCalendar,
            File = file,
            Locations = reader.Locations,
        };
    }
}
