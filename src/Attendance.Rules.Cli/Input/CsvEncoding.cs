using System.Text;

namespace Attendance.Rules.Cli.Input;

/// <summary>The encodings a CSV may be read in (<c>--encoding</c>): UTF-8 by default; windows-1252 and latin1 for older MIS exports.</summary>
internal static class CsvEncoding
{
    /// <summary>The names <c>--encoding</c> accepts.</summary>
    public static readonly string[] Names = ["utf-8", "windows-1252", "latin1"];

    /// <summary>The default, UTF-8.</summary>
    public const string Default = "utf-8";

    /// <summary>The decoder for a name, throwing on bytes it cannot decode (so a row is rejected, never silently changed).</summary>
    public static Encoding For(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        "windows-1252" => Windows1252(),
        "latin1" => Encoding.Latin1,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "an encoding is utf-8, windows-1252 or latin1"),
    };

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
