using System.Globalization;
using System.Text;

namespace Attendance.Rules.Cli;

/// <summary>
/// Input echoed in a message, made safe for a terminal: control characters (an ANSI escape, a NUL,
/// a line break), lone surrogates and the Unicode line separators are shown escaped as <c>\x1b</c>
/// or <c>\u2028</c>, so a hostile value cannot move the cursor, recolour the screen or forge a line.
/// </summary>
internal static class Display
{
    /// <summary>The text with every control character escaped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\\')
            {
                builder.Append('\\');
            }
            else if (c < 0x20 || c == 0x7F)
            {
                builder.Append(c switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", _ => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) });
            }
            else if ((c >= 0x80 && c < 0xA0) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A value from the input, quoted for a message: shortened past 40 characters and escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = value.Length > 40 ? value[..40] : value;
        if (shown.Length > 0 && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }

        return $"'{Escape(shown)}{(value.Length > 40 ? "…" : string.Empty)}'";
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A rule's place in the policy, for listing rules in the policy's order; after every rule where the policy has no such id.</summary>
    public static int RuleOrder(Policies.Policy policy, string ruleId)
    {
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            if (policy.Rules[i].Id == ruleId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
