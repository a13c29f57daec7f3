namespace Attendance.Rules.Cli.Input;

/// <summary>
/// Splits a byte stream into lines (LF or CRLF) without decoding them, so each line can be decoded
/// and judged on its own. A line longer than the limit is reported, not buffered.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes) : IDisposable
{
    /// <summary>What <see cref="ReadLine"/> returns at the end of the stream.</summary>
    public const int End = -1;

    /// <summary>What <see cref="ReadLine"/> returns for a line longer than the limit.</summary>
    public const int TooLong = -2;

    private readonly byte[] chunk = new byte[64 * 1024];
    private int start;
    private int filled;

    /// <summary>The current line's bytes (without its line end), valid until the next read.</summary>
    public byte[] Buffer { get; } = new byte[maxLineBytes + 1];

    /// <summary>The 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line into <see cref="Buffer"/>: its length, <see cref="End"/> or <see cref="TooLong"/>.</summary>
    public int ReadLine()
    {
        var length = 0;
        var any = false;
        while (true)
        {
            if (start == filled)
            {
                filled = stream.Read(chunk, 0, chunk.Length);
                start = 0;
                BytesRead += filled;
                if (filled == 0)
                {
                    if (!any)
                    {
                        return End;
                    }

                    LineNumber++;
                    return Trim(length);
                }
            }

            any = true;
            var newline = Array.IndexOf(chunk, (byte)'\n', start, filled - start);
            var end = newline < 0 ? filled : newline;
            var take = end - start;
            if (length + take > maxLineBytes + 1)
            {
                LineNumber++;
                return TooLong;
            }

            Array.Copy(chunk, start, Buffer, length, take);
            length += take;
            start = newline < 0 ? filled : newline + 1;
            if (newline >= 0)
            {
                LineNumber++;
                return Trim(length);
            }
        }
    }

    public void Dispose() => stream.Dispose();

    private int Trim(int length)
    {
        var trimmed = length > 0 && Buffer[length - 1] == '\r' ? length - 1 : length;
        return trimmed > maxLineBytes ? TooLong : trimmed;
    }
}
