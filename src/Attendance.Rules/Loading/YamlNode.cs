namespace Attendance.Rules.Loading;

/// <summary>The kinds of YAML node the loader reads.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A YAML node with its location: the loader's own small tree, built from parser events so that
/// depth, aliases and size are bounded before anything is interpreted.
/// </summary>
internal sealed class YamlNode
{
    public YamlNode(YamlNodeKind kind, string file, int line, int column)
    {
        Kind = kind;
        File = file;
        Line = line;
        Column = column;
    }

    public YamlNodeKind Kind { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The scalar's text; null for mappings and sequences.</summary>
    public string? Value { get; init; }

    /// <summary>Whether the scalar was quoted (so <c>"10"</c> is text, not a number, and <c>null</c> is not null).</summary>
    public bool IsQuoted { get; init; }

    public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = [];

    public List<YamlNode> Items { get; } = [];

    /// <summary>Whether this is the plain scalar <c>null</c>, <c>~</c> or empty.</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public YamlNode? Get(string key)
    {
        foreach (var pair in Pairs)
        {
            if (pair.Key.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public string Describe() => Kind switch
    {
        YamlNodeKind.Mapping => "a mapping",
        YamlNodeKind.Sequence => "a list",
        _ => IsNull ? "null" : $"'{Truncate(Value ?? string.Empty)}'",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
