using System.Text;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Files;

namespace Attendance.Rules.Cli.Output;

/// <summary>
/// Writes <c>--out</c>: refused before anything is read when it names an input (links resolved),
/// and written to a temporary file beside it then renamed, so a failed run leaves no half file.
/// </summary>
internal static class OutputFile
{
    /// <summary>Refuses an output path that is one of the inputs.</summary>
    /// <exception cref="InputException">The output names an input file.</exception>
    public static void CheckNotAnInput(string outPath, params string?[] inputs)
    {
        var output = PathResolution.RealPath(outPath);
        foreach (var input in inputs)
        {
            if (input is not null && string.Equals(PathResolution.RealPath(input), output, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                throw new InputException($"--out {outPath} names the input {input}; writing there would overwrite it, so nothing was read");
            }
        }
    }

    /// <summary>Writes the output (UTF-8, no BOM) through a temporary file renamed into place.</summary>
    public static void Write(string outPath, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(outPath);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
