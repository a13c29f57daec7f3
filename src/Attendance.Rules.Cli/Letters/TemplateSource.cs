using System.Text.RegularExpressions;

namespace Attendance.Rules.Cli.Letters;

/// <summary>
/// Finds where in a template's text a problem the checker found is written: the first occurrence
/// (the n-th, for the n-th problem with the same words) inside a Liquid tag (<c>{{ … }}</c> or
/// <c>{% … %}</c>), as a 1-based line and column.
/// </summary>
internal sealed class TemplateSource(string text)
{
    private static readonly Regex Tags = new(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private readonly Dictionary<string, int> found = new(StringComparer.Ordinal);

    public (int Line, int Column) Locate(IReadOnlyList<string> words)
    {
        var pattern = words[0] switch
        {
            "|" => @"\|\s*" + Regex.Escape(words[1]) + @"(?![\w-])",
            "include" or "render" => @"\{%-?\s*" + words[0] + @"\b",
            _ => @"(?<![\w.$-])" + string.Join(@"\s*\.\s*", words.Select(Regex.Escape)) + @"(?![\w-])",
        };
        var seen = found.TryGetValue(pattern, out var n) ? n : 0;
        found[pattern] = seen + 1;
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        int? first = null;
        var count = 0;
        foreach (Match tag in Tags.Matches(text))
        {
            foreach (Match match in regex.Matches(tag.Value))
            {
                first ??= tag.Index + match.Index;
                if (count++ == seen)
                {
                    return Position(tag.Index + match.Index);
                }
            }
        }

        // Written some other way (pupil["name"]): the first place the words are, or the start.
        return Position(first ?? FirstTagWith(words[0]) ?? 0);
    }

    private int? FirstTagWith(string word)
    {
        foreach (Match tag in Tags.Matches(text))
        {
            var at = tag.Value.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                return tag.Index + at;
            }
        }

        return null;
    }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
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
}
