namespace Attendance.Rules.Loading.Canonical;

/// <summary>
/// A node of a policy's canonical form: the tree the writer builds from the model, which the
/// fingerprint hashes and the YAML renderer lays out. Layout hints (flow or block) are not part
/// of the content and are not hashed.
/// </summary>
internal abstract class CanonicalNode
{
}

/// <summary>A value already in its canonical spelling: a number, a vocabulary word, a date, a time.</summary>
internal sealed class CanonicalScalar(string value) : CanonicalNode
{
    public string Value { get; } = value;
}

/// <summary>A text (an id, a title, a quote, a code): written quoted, hashed as it is.</summary>
internal sealed class CanonicalText(string value) : CanonicalNode
{
    public string Value { get; } = value;
}

/// <summary>Keys and their values, in the canonical order.</summary>
internal sealed class CanonicalMap(bool flow = false) : CanonicalNode
{
    /// <summary>Whether the YAML renderer writes it on one line (<c>{ a: 1, b: 2 }</c>).</summary>
    public bool Flow { get; } = flow;

    public List<KeyValuePair<string, CanonicalNode>> Entries { get; } = [];

    public CanonicalMap Add(string key, CanonicalNode value)
    {
        Entries.Add(new(key, value));
        return this;
    }
}

/// <summary>How the YAML renderer lays out a list.</summary>
internal enum ListLayout
{
    /// <summary>On one line where it fits in 120 columns, else one item a line.</summary>
    FlowIfFits,

    /// <summary>One item a line.</summary>
    Block,

    /// <summary>Always on one line.</summary>
    Flow,
}

/// <summary>Items in order.</summary>
internal sealed class CanonicalList(ListLayout layout) : CanonicalNode
{
    public ListLayout Layout { get; } = layout;

    public List<CanonicalNode> Items { get; } = [];
}
