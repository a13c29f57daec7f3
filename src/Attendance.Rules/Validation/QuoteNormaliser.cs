using System.Text;
using System.Text.RegularExpressions;

namespace Attendance.Rules.Validation;

/// <summary>
/// Normalises a policy's <c>source</c> quote and its document's text alike, so that a quote copied
/// verbatim is found in a document despite the artefacts of converting it to text
/// (docs/policy-format.md, "source: quoting the document"). Case, letters, digits and punctuation
/// other than those listed below are kept: the normaliser must not make different words equal.
/// </summary>
internal static partial class QuoteNormaliser
{
    /// <summary>Characters replaced by their plain twin: typographic quotes and dashes, look-alike letters.</summary>
    private static readonly Dictionary<char, char> Twins = new()
    {
        // Curly and other typographic quotes become straight ones.
        ['\u2018'] = '\'', ['\u2019'] = '\'', ['\u201A'] = '\'', ['\u201B'] = '\'', ['\u2032'] = '\'',
        ['\u201C'] = '"', ['\u201D'] = '"', ['\u201E'] = '"', ['\u201F'] = '"', ['\u2033'] = '"',

        // En and em dashes (and the other dash and hyphen characters) become '-'.
        ['\u2013'] = '-', ['\u2014'] = '-', ['\u2010'] = '-', ['\u2011'] = '-', ['\u2012'] = '-', ['\u2015'] = '-', ['\u2212'] = '-',

        // Cyrillic look-alikes (Willoughby's code table has В, К, Р, С, т and х).
        ['\u0410'] = 'A', ['\u0412'] = 'B', ['\u0421'] = 'C', ['\u0415'] = 'E', ['\u041D'] = 'H', ['\u0406'] = 'I',
        ['\u0408'] = 'J', ['\u041A'] = 'K', ['\u041C'] = 'M', ['\u041E'] = 'O', ['\u0420'] = 'P', ['\u0405'] = 'S',
        ['\u0422'] = 'T', ['\u0425'] = 'X', ['\u04AE'] = 'Y',
        ['\u0430'] = 'a', ['\u0441'] = 'c', ['\u0435'] = 'e', ['\u0456'] = 'i', ['\u0458'] = 'j', ['\u043E'] = 'o',
        ['\u0440'] = 'p', ['\u0455'] = 's', ['\u0442'] = 't', ['\u0445'] = 'x', ['\u0443'] = 'y',

        // Greek look-alikes (Willoughby's contents has ε).
        ['\u0391'] = 'A', ['\u0392'] = 'B', ['\u0395'] = 'E', ['\u0396'] = 'Z', ['\u0397'] = 'H', ['\u0399'] = 'I',
        ['\u039A'] = 'K', ['\u039C'] = 'M', ['\u039D'] = 'N', ['\u039F'] = 'O', ['\u03A1'] = 'P', ['\u03A4'] = 'T',
        ['\u03A5'] = 'Y', ['\u03A7'] = 'X', ['\u03B5'] = 'e', ['\u03BF'] = 'o',

        // Other look-alikes: dotless i (Willoughby's "ı Illness"), Arabic-Indic digit one ("١ Present (pm)").
        ['\u0131'] = 'i', ['\u0661'] = '1', ['\u06F1'] = '1',
    };

    /// <summary>Normalises text for comparison.</summary>
    /// <param name="text">A quote or a whole document.</param>
    /// <returns>
    /// The text with: a hyphen at a line break joining the word ("reli-\ngious" → "religious"); '*'
    /// and '`' removed; curly quotes straight; en and em dashes '-'; look-alike letters Latin; and
    /// every run of white space one space, trimmed.
    /// </returns>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var joined = HyphenAtLineBreak().Replace(text, string.Empty);
        var builder = new StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            if (c is '*' or '`')
            {
                continue;
            }

            builder.Append(Twins.TryGetValue(c, out var twin) ? twin : c);
        }

        return WhiteSpace().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>Whether a quote occurs in a document once both are normalised.</summary>
    /// <param name="normalisedDocument">The document, already passed through <see cref="Normalise"/>.</param>
    /// <param name="quote">The quote as the policy gives it.</param>
    /// <returns>True where found.</returns>
    public static bool Occurs(string normalisedDocument, string quote)
    {
        var normalisedQuote = Normalise(quote);
        return normalisedQuote.Length > 0 && normalisedDocument.Contains(normalisedQuote, StringComparison.Ordinal);
    }

    // A letter, '-', then a line break (with any spaces around it, and any blank lines the conversion
    // left at a page break), then a letter: the word was split.
    [GeneratedRegex(@"(?<=\p{L})-[ \t]*(?:\r?\n[ \t]*)+(?=\p{L})")]
    private static partial Regex HyphenAtLineBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
