using Attendance.Rules.Files;

namespace Attendance.Rules.Cli.Input;

/// <summary>The tool's way to open an input file: the library's bounded reader, its refusals as bad input (exit 2, one line).</summary>
internal static class InputFiles
{
    /// <summary>Opens a regular file as a stream of at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputException">The path is not a readable regular file.</exception>
    public static Stream Open(string path, long maxBytes, string what) => Refusing(() => BoundedFile.Open(path, maxBytes, what));

    /// <summary>Reads a regular file's bytes, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputException">The path is not a readable regular file, or it is larger than the limit.</exception>
    public static byte[] ReadBytes(string path, long maxBytes, string what) => Refusing(() => BoundedFile.ReadBytes(path, maxBytes, what));

    /// <summary>Reads a regular file as UTF-8 text, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputException">The path is not a readable regular file, it is larger than the limit, or it is not UTF-8.</exception>
    public static string ReadText(string path, long maxBytes, string what) => Refusing(() => BoundedFile.ReadText(path, maxBytes, what));

    private static T Refusing<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FileRefusedException e)
        {
            throw new InputException(Display.Escape(e.Message));
        }
    }
}
