namespace Attendance.Rules.Loading;

/// <summary>The policies shipped inside the library: the national base, by id.</summary>
public static class EmbeddedPolicies
{
    /// <summary>The id of the national base: <c>england-2024</c>.</summary>
    public const string NationalBaseId = "england-2024";

    /// <summary>The ids of the embedded policies.</summary>
    public static IReadOnlyList<string> Ids { get; } = [NationalBaseId];

    /// <summary>The text of an embedded policy.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="text">Its YAML.</param>
    /// <returns>True where the library embeds it.</returns>
    public static bool TryGet(string id, out string text)
    {
        text = string.Empty;
        if (!Ids.Contains(id, StringComparer.Ordinal))
        {
            return false;
        }

        text = ReadResource($"Attendance.Rules.Policies.{id}.yaml");
        return true;
    }

    /// <summary>The JSON Schema of the policy format.</summary>
    /// <returns>The schema's text.</returns>
    public static string Schema() => ReadResource("Attendance.Rules.Policies.policy.schema.json");

    private static string ReadResource(string name)
    {
        using var stream = typeof(EmbeddedPolicies).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
