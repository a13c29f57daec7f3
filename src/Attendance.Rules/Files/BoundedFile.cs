using System.Globalization;
using System.Text;

namespace Attendance.Rules.Files;

/// <summary>
/// The one way the library's path-based loading and the tool open an input file: a regular file
/// only (symbolic links followed), read through a stream that stops at a hard byte limit, never
/// trusting the length the file reports. Refusals are one sentence naming the path as typed.
/// </summary>
internal static class BoundedFile
{
    /// <summary>Opens a regular file for reading, bounded to <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The path as typed (it names the file in every message).</param>
    /// <param name="maxBytes">The most bytes read; one more is refused.</param>
    /// <param name="what">What the file is for, in a sentence: "marks", "policy", "calendar".</param>
    /// <exception cref="FileRefusedException">The path is not a readable regular file, or it gives more than the limit.</exception>
    public static Stream Open(string path, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = path.Length == 0 ? FileKind.Missing : FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            throw new FileRefusedException(path, $"the {what} file does not exist");
        }

        if (kind != FileKind.Regular)
        {
            throw new FileRefusedException(path, $"the {what} file is {FileKinds.Describe(kind)}, not a regular file; it was not read");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FileRefusedException(path, $"the {what} file cannot be read: {e.Message}");
        }

        return new BoundedReadStream(stream, maxBytes, () => new FileRefusedException(path, TooLarge(what, maxBytes)));
    }

    /// <summary>Reads a regular file's bytes, bounded to <paramref name="maxBytes"/>.</summary>
    /// <exception cref="FileRefusedException">As <see cref="Open"/>.</exception>
    public static byte[] ReadBytes(string path, long maxBytes, string what)
    {
        using var stream = Open(path, maxBytes, what);
        using var copy = new MemoryStream();
        try
        {
            stream.CopyTo(copy);
        }
        catch (IOException e) when (e is not FileRefusedException)
        {
            throw new FileRefusedException(path, $"the {what} file cannot be read: {e.Message}");
        }

        return copy.ToArray();
    }

    /// <summary>Reads a regular file as UTF-8 text (a BOM is dropped), bounded to <paramref name="maxBytes"/>; invalid UTF-8 is refused with its byte offset.</summary>
    /// <exception cref="FileRefusedException">As <see cref="Open"/>, or the bytes are not UTF-8.</exception>
    public static string ReadText(string path, long maxBytes, string what)
    {
        var bytes = ReadBytes(path, maxBytes, what);
        return DecodeUtf8(bytes, path, what);
    }

    /// <summary>Decodes UTF-8 strictly, naming the first bad byte.</summary>
    /// <exception cref="FileRefusedException">The bytes are not UTF-8.</exception>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string path, string what)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var at = FirstInvalidByte(bytes);
        var line = 1 + bytes[..at].Count((byte)'\n');
        throw new FileRefusedException(path, string.Create(CultureInfo.InvariantCulture,
            $"the {what} file is not UTF-8: byte 0x{bytes[at]:X2} at offset {at} is not part of a UTF-8 character; save it as UTF-8"), line);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var consumed, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? Math.Max(0, bytes.Length - 1) : consumed;
    }

    private static string TooLarge(string what, long maxBytes) => string.Create(CultureInfo.InvariantCulture,
        $"the {what} file is larger than {maxBytes:N0} bytes, the limit for a {what} file; it was not read further");
}
