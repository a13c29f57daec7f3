using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Attendance.Rules.Loading;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s with YamlDotNet's parser, refusing tags, deep
/// nesting, too many aliases and alias expansion beyond a node budget (a billion-laughs document
/// stops at the budget, in milliseconds). Errors become located diagnostics, never exceptions.
/// </summary>
internal static class YamlTreeReader
{
    public static YamlNode? Read(string text, string file, PolicyLoadLimits limits, List<PolicyDiagnostic> diagnostics)
    {
        if (text.Length > limits.MaxCharacters)
        {
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, 1, 1, null,
                $"the policy file has {text.Length:N0} characters, more than the limit of {limits.MaxCharacters:N0}",
                "a policy file of at most 1 MiB"));
            return null;
        }

        if (LongLine(text, limits.MaxLineLength) is { } longLine)
        {
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, longLine, 1, null,
                $"line {longLine} is longer than the limit of {limits.MaxLineLength:N0} characters", "shorter lines"));
            return null;
        }

        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var (line, column) = Position(text, nul);
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, line, column, null,
                "the policy file contains a NUL character; it is not a text file", "UTF-8 text"));
            return null;
        }

        try
        {
            return Parse(text, file, limits, diagnostics);
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndentation(text) is { } tab)
        {
            // YamlDotNet places this error at the start of the enclosing mapping (often 1:1), not at the tab.
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, tab.Line, tab.Column, null,
                string.Create(CultureInfo.InvariantCulture, $"the file is not valid YAML: a tab indents line {tab.Line}"), "indentation with spaces"));
            return null;
        }
        catch (YamlException e)
        {
            var line = (int)Math.Max(1, e.Start.Line);
            var column = (int)Math.Max(1, e.Start.Column);
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, line, column, null,
                $"the file is not valid YAML: {e.Message.Split('\n')[0].TrimEnd('.')}", "well-formed YAML"));
            return null;
        }
        catch (LimitExceeded e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
    }

    private static YamlNode? Parse(string text, string file, PolicyLoadLimits limits, List<PolicyDiagnostic> diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var anchorSizes = new Dictionary<YamlNode, long>();
        var stack = new Stack<(YamlNode Node, YamlNode? PendingKey, long Size)>();
        YamlNode? root = null;
        var aliases = 0;
        long nodes = 0;
        var documents = 0;

        var lastIndex = 0;
        while (MoveNext(parser, text, file, lastIndex))
        {
            var ev = parser.Current!;
            lastIndex = (int)Math.Min(ev.End.Index, text.Length);
            var line = (int)ev.Start.Line;
            var column = (int)ev.Start.Column;
            switch (ev)
            {
                case DocumentStart ds when !ds.IsImplicit || documents > 0:
                    documents++;
                    if (documents > 1)
                    {
                        throw Limit(file, line, column, "the file holds more than one YAML document", "one policy per file");
                    }

                    continue;
                case DocumentStart:
                    documents++;
                    continue;
                case StreamStart or StreamEnd or DocumentEnd or Comment:
                    continue;
            }

            YamlNode node;
            long size = 1;
            long added = 1;
            if (ev is AnchorAlias alias)
            {
                if (++aliases > limits.MaxAliases)
                {
                    throw Limit(file, line, column, $"the file uses more than {limits.MaxAliases} aliases", $"at most {limits.MaxAliases} aliases");
                }

                if (!anchors.TryGetValue(alias.Value.Value, out node!))
                {
                    throw Limit(file, line, column, $"the alias '*{alias.Value.Value}' names no anchor before it", "an anchor defined earlier");
                }

                size = anchorSizes.TryGetValue(node, out var s) ? s : 1;
                added = size;
            }
            else if (ev is NodeEvent ne)
            {
                if (!ne.Tag.IsEmpty && !IsPlainTag(ne))
                {
                    throw Limit(file, line, column, $"YAML tags such as '{ne.Tag.Value}' are not allowed in a policy", "plain values without tags");
                }

                if (ev is Scalar scalar)
                {
                    node = new YamlNode(YamlNodeKind.Scalar, file, line, column)
                    {
                        Value = scalar.Value,
                        IsQuoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded,
                    };
                }
                else if (ev is MappingStart)
                {
                    node = new YamlNode(YamlNodeKind.Mapping, file, line, column);
                }
                else if (ev is SequenceStart)
                {
                    node = new YamlNode(YamlNodeKind.Sequence, file, line, column);
                }
                else
                {
                    continue;
                }

                if (!ne.Anchor.IsEmpty)
                {
                    anchors[ne.Anchor.Value] = node;
                }

                if (ev is MappingStart or SequenceStart)
                {
                    if (stack.Count + 1 > limits.MaxDepth)
                    {
                        throw Limit(file, line, column, $"the file nests mappings and lists more than {limits.MaxDepth} deep", $"at most {limits.MaxDepth} levels");
                    }

                    stack.Push((node, null, 1));
                    continue;
                }
            }
            else if (ev is MappingEnd or SequenceEnd)
            {
                var (done, _, doneSize) = stack.Pop();
                anchorSizes[done] = doneSize;
                node = done;
                size = doneSize;

                // The container's own node; its children were counted as they were read.
                added = 1;
            }
            else
            {
                continue;
            }

            nodes += added;
            if (nodes > limits.MaxNodes)
            {
                throw Limit(file, line, column,
                    $"the file expands to more than {limits.MaxNodes:N0} nodes (aliases are counted each time they are used)",
                    "a policy without alias expansion bombs");
            }

            if (stack.Count == 0)
            {
                root = node;
                continue;
            }

            var (parent, pendingKey, parentSize) = stack.Pop();
            parentSize += size;
            if (parent.Kind == YamlNodeKind.Sequence)
            {
                parent.Items.Add(node);
                stack.Push((parent, null, parentSize));
            }
            else if (pendingKey is null)
            {
                if (node.Kind != YamlNodeKind.Scalar)
                {
                    throw Limit(file, node.Line, node.Column, "a mapping key must be a plain word", "a key such as 'id:'");
                }

                if (parent.Get(node.Value!) is { } existing)
                {
                    diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, node.Line, node.Column, null,
                        $"the key '{node.Value}' appears twice in the same mapping (first at line {existing.Line})", "each key once"));
                }

                stack.Push((parent, node, parentSize));
            }
            else
            {
                parent.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(pendingKey, node));
                stack.Push((parent, null, parentSize));
            }
        }

        return root;
    }

    // Only the non-specific tag "!" is harmless; every other tag is refused, so no type is ever chosen by the file.
    /// <summary>The line and column of the first tab in a line's indentation (before its first other character), or null.</summary>
    internal static (int Line, int Column)? TabIndentation(string text)
    {
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                indenting = true;
                continue;
            }

            if (indenting && c == '\t')
            {
                return (line, column);
            }

            indenting &= c == ' ';
            column++;
        }

        return null;
    }

    private static bool IsPlainTag(NodeEvent ev) => ev.Tag.Value == "!";

    /// <summary>
    /// Moves the parser on. YamlDotNet's scanner throws <see cref="InvalidOperationException"/>
    /// rather than a <see cref="YamlException"/> for some inputs (found by fuzzing: a Unicode line
    /// break, U+0085, U+2028 or U+2029, inside a flow collection such as <c>[G, \u2028O]</c>); that
    /// is reported as invalid YAML at the offending character, or after the last event read.
    /// </summary>
    private static bool MoveNext(Parser parser, string text, string file, int lastIndex)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            var at = text.AsSpan(lastIndex).IndexOfAny('\u0085', '\u2028', '\u2029');
            if (at >= 0)
            {
                var (line, column) = Position(text, lastIndex + at);
                throw Limit(file, line, column,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid YAML: a Unicode line break (U+{(int)text[lastIndex + at]:X4}) where a value was expected"),
                    "well-formed YAML with plain line breaks");
            }

            var (lastLine, lastColumn) = Position(text, lastIndex);
            throw Limit(file, lastLine, lastColumn, "the file is not valid YAML: the YAML reader cannot continue after this point", "well-formed YAML");
        }
    }

    private static LimitExceeded Limit(string file, int line, int column, string message, string expected) =>
        new(new PolicyDiagnostic(DiagnosticSeverity.Error, file, Math.Max(1, line), Math.Max(1, column), null, message, expected));

    private static int? LongLine(string text, int max)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i - start > max)
                {
                    return line;
                }

                line++;
                start = i + 1;
            }
        }

        return null;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private sealed class LimitExceeded(PolicyDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public PolicyDiagnostic Diagnostic { get; } = diagnostic;
    }
}
