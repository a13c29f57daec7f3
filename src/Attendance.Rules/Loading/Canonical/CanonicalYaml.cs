using System.Globalization;
using System.Text;

namespace Attendance.Rules.Loading.Canonical;

/// <summary>
/// Lays a canonical form out as YAML: two-space indents, block mappings, texts double-quoted with
/// YAML escapes, lists and mappings in flow style where the node asks for it, LF line endings.
/// </summary>
internal static class CanonicalYaml
{
    /// <summary>
    /// The most characters of a quoted text written on one line; longer texts continue on the next
    /// line after an escaped line break, so no line nears the loader's line-length limit.
    /// </summary>
    public const int MaxQuotedChunk = 2000;

    /// <summary>The widest line a list is written on in flow style.</summary>
    private const int FlowWidth = 120;

    public static string Render(CanonicalMap root)
    {
        var sb = new StringBuilder();
        Entries(sb, 0, root);
        return sb.ToString();
    }

    private static void Entries(StringBuilder sb, int indent, CanonicalMap map)
    {
        foreach (var (key, value) in map.Entries)
        {
            Entry(sb, indent, key, value);
        }
    }

    private static void Entry(StringBuilder sb, int indent, string key, CanonicalNode value)
    {
        sb.Append(' ', indent).Append(key).Append(':');
        switch (value)
        {
            case CanonicalMap { Flow: false } map:
                sb.Append('\n');
                Entries(sb, indent + 2, map);
                return;
            case CanonicalList list when list.Layout != ListLayout.Flow:
                var flow = Inline(list, indent + 2);
                if (list.Items.Count == 0
                    || (list.Layout == ListLayout.FlowIfFits && indent + key.Length + 2 + flow.Length <= FlowWidth && !flow.Contains('\n', StringComparison.Ordinal)))
                {
                    sb.Append(' ').Append(flow).Append('\n');
                    return;
                }

                sb.Append('\n');
                foreach (var item in list.Items)
                {
                    Item(sb, indent + 2, item);
                }

                return;
            default:
                sb.Append(' ').Append(Inline(value, indent + 2)).Append('\n');
                return;
        }
    }

    /// <summary>An item of a block list at <paramref name="indent"/>: a block mapping's first line takes the dash.</summary>
    private static void Item(StringBuilder sb, int indent, CanonicalNode item)
    {
        if (item is CanonicalMap { Flow: false } map)
        {
            var start = sb.Length;
            Entries(sb, indent + 2, map);
            sb[start + indent] = '-';
            return;
        }

        sb.Append(' ', indent).Append("- ").Append(Inline(item, indent + 2)).Append('\n');
    }

    /// <summary>A node on one line (a text continues on further lines, indented by <paramref name="continuation"/>, only past <see cref="MaxQuotedChunk"/>).</summary>
    private static string Inline(CanonicalNode node, int continuation) => node switch
    {
        CanonicalScalar scalar => scalar.Value,
        CanonicalText text => Quote(text.Value, continuation),
        CanonicalList list => "[" + string.Join(", ", list.Items.Select(i => Inline(i, continuation + 2))) + "]",
        CanonicalMap map => "{ " + string.Join(", ", map.Entries.Select(e => e.Key + ": " + Inline(e.Value, 0))) + " }",
        _ => throw new ArgumentException($"a canonical node of an unknown kind {node.GetType().Name}", nameof(node)),
    };

    /// <summary>
    /// A double-quoted YAML scalar. Characters YAML does not allow as they are (controls, line
    /// breaks, the BOM) are escaped, as are '\' and '"'; everything else, non-ASCII included, is
    /// written as it is. A text longer than <see cref="MaxQuotedChunk"/> continues on further lines
    /// (indented by <paramref name="continuationIndent"/>) after an escaped line break, with a
    /// space that starts a continuation line escaped so it is kept.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a lone UTF-16 surrogate.</exception>
    public static string Quote(string text, int continuationIndent)
    {
        var result = new StringBuilder(text.Length + 2);
        result.Append('"');
        var onLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string token;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                token = text.Substring(i, 2);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"the text \"{text}\" holds a lone UTF-16 surrogate (U+{(int)c:X4}), which YAML cannot hold", nameof(text));
            }
            else
            {
                token = Escape(c);
            }

            if (onLine > 0 && onLine + token.Length > MaxQuotedChunk)
            {
                result.Append("\\\n").Append(' ', Math.Max(2, continuationIndent));
                onLine = 0;
                if (token == " ")
                {
                    // Leading white space of a continuation line is dropped unless escaped.
                    token = "\\ ";
                }
            }

            result.Append(token);
            onLine += token.Length;
        }

        return result.Append('"').ToString();
    }

    private static string Escape(char c) => c switch
    {
        '\\' => "\\\\",
        '"' => "\\\"",
        '\0' => "\\0",
        '\a' => "\\a",
        '\b' => "\\b",
        '\t' => "\\t",
        '\n' => "\\n",
        '\v' => "\\v",
        '\f' => "\\f",
        '\r' => "\\r",
        '\u001B' => "\\e",
        '\u0085' => "\\N",
        '\u00A0' => "\\_",
        '\u2028' => "\\L",
        '\u2029' => "\\P",
        < '\u0020' or (>= '\u007F' and <= '\u009F') => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
        '\uFEFF' or '\uFFFE' or '\uFFFF' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };
}
