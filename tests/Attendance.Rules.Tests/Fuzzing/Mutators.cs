using System.Text;

namespace Attendance.Rules.Tests.Fuzzing;

/// <summary>
/// Deterministic mutators of a text file's bytes for the fuzzing suites (policies and registers):
/// each takes the input, a position and a value (both from FsCheck) and gives new bytes.
/// </summary>
internal static class Mutators
{
    public static readonly string[] Names =
    [
        "flip a bit", "truncate", "duplicate a line", "delete a line", "swap two lines", "nest deeply",
        "huge number", "odd Unicode", "BOM", "CRLF", "tabs", "NUL byte", "anchor and alias", "random bytes",
        "delete a field", "repeat a line many times",
    ];

    public static int Count => Names.Length;

    private static readonly string[] OddUnicode =
    [
        "\u202E", "\uFEFF", "\u200B", "\u200D", "\u2028", "\u2029", "\u0085", "\u00A0", "\uFFFD", "\uFFFF",
        "\uD800", "\uDC00", "\U0001F600", "e\u0301", "\u0130", "\u0131", "ß", "Σ", "\u3000", "\u001B[31m",
        "\u0007", "\u007F", "١٢٣", "𝟘𝟙", "ﬁ",
    ];

    private static readonly string[] HugeNumbers =
    [
        "99999999999999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "9223372036854775808",
        "1e400", "-1e-400", "0x7FFFFFFF", "1_000_000", ".inf", "-.inf", ".nan", "NaN", "00000000000000000001",
        "4294967296", "0.0000000000000000000000001", "1e9", "+0", "-0",
    ];

    public static byte[] Apply(byte[] input, int mutator, int position, int value)
    {
        var kind = ((mutator % Count) + Count) % Count;
        position = Math.Abs(position % 1_000_003);
        var v = Math.Abs((long)value);
        if (kind is 0 or 1 or 11 or 13)
        {
            return ApplyToBytes(input, kind, position, v);
        }

        var text = Encoding.UTF8.GetString(input);
        var lines = text.Split('\n').ToList();
        var line = lines.Count == 0 ? 0 : position % lines.Count;
        switch (kind)
        {
            case 2:
                lines.Insert(line, lines[line]);
                break;
            case 3:
                if (lines.Count > 1)
                {
                    lines.RemoveAt(line);
                }
                else
                {
                    lines[0] = string.Empty;
                }

                break;
            case 4:
            {
                var other = (int)((line + 1 + v) % lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                if (line == other)
                {
                    lines.Insert(0, lines[^1]);
                }

                break;
            }

            case 5:
            {
                var depth = (int)(v % 3000) + 1;
                var open = v % 2 == 0 ? "[" : "{a: ";
                var close = v % 2 == 0 ? "]" : "}";
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
                lines[line] = ReplaceValue(lines[line], nested);
                break;
            }

            case 6:
                lines[line] = ReplaceNumberOrValue(lines[line], HugeNumbers[(int)(v % HugeNumbers.Length)]);
                break;
            case 7:
            {
                var odd = OddUnicode[(int)(v % OddUnicode.Length)];
                var at = lines[line].Length == 0 ? 0 : (int)(v % (lines[line].Length + 1));
                lines[line] = lines[line].Insert(at, odd);
                break;
            }

            case 8:
                return v % 3 == 0
                    ? Encoding.UTF8.GetBytes("\uFEFF\uFEFF" + text)
                    : v % 3 == 1 ? [0xEF, 0xBB, 0xBF, .. input] : [.. input.Take(position % (input.Length + 1)), 0xEF, 0xBB, 0xBF, .. input.Skip(position % (input.Length + 1))];
            case 9:
                return Encoding.UTF8.GetBytes(v % 2 == 0 ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text.Replace("\n", "\r", StringComparison.Ordinal));
            case 10:
            {
                var trimmed = lines[line].TrimStart(' ');
                var indent = lines[line].Length - trimmed.Length;
                lines[line] = (v % 2 == 0 ? new string('\t', Math.Max(1, indent / 2)) : "\t" + new string(' ', indent)) + trimmed;
                if (v % 5 == 0)
                {
                    return Encoding.UTF8.GetBytes(text.Replace("  ", "\t", StringComparison.Ordinal));
                }

                break;
            }

            case 12:
                lines.Insert(line, (v % 3) switch
                {
                    0 => "anchor: &a [x, *a]",
                    1 => "x: *nowhere",
                    _ => "<<: *a",
                });
                if (v % 2 == 0)
                {
                    lines[line] = "  " + lines[line];
                }

                break;
            case 14:
            {
                var parts = lines[line].Split(',').ToList();
                if (parts.Count > 1)
                {
                    parts.RemoveAt((int)(v % parts.Count));
                    lines[line] = string.Join(',', parts);
                }
                else
                {
                    var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
                    lines[line] = colon >= 0 ? lines[line][..(colon + 1)] : lines[line] + ",";
                }

                break;
            }

            default:
            {
                var copies = (int)(v % 200) + 2;
                lines.InsertRange(line, Enumerable.Repeat(lines[line], copies));
                break;
            }
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] ApplyToBytes(byte[] input, int kind, int position, long v)
    {
        if (input.Length == 0)
        {
            return kind == 1 ? [] : [(byte)v];
        }

        var bytes = (byte[])input.Clone();
        var at = position % bytes.Length;
        switch (kind)
        {
            case 0:
                var flips = (int)(v % 8) + 1;
                for (var i = 0; i < flips; i++)
                {
                    var p = (int)((at + (i * (v + 31))) % bytes.Length);
                    bytes[p] ^= (byte)(1 << (int)((v + i) % 8));
                }

                return bytes;
            case 1:
                return bytes[..at];
            case 11:
                return [.. bytes.Take(at), 0, .. bytes.Skip(v % 2 == 0 ? at : at + 1)];
            default:
                var count = (int)(v % 16) + 1;
                var random = new Random(position ^ (int)(v & 0x7FFFFFFF));
                for (var i = 0; i < count; i++)
                {
                    bytes[(at + i) % bytes.Length] = (byte)random.Next(256);
                }

                return bytes;
        }
    }

    private static string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            return line[..(colon + 2)] + value;
        }

        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return comma >= 0 ? line[..(comma + 1)] + value + line[(comma + 1)..] : line + value;
    }

    private static string ReplaceNumberOrValue(string line, string number)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsAsciiDigit(line[i]))
            {
                var end = i;
                while (end < line.Length && (char.IsAsciiDigit(line[end]) || line[end] == '.'))
                {
                    end++;
                }

                return line[..i] + number + line[end..];
            }
        }

        return ReplaceValue(line, number);
    }
}
