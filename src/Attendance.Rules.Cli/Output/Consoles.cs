using Spectre.Console;

namespace Attendance.Rules.Cli.Output;

/// <summary>Spectre consoles over the tool's writers: colour and live widgets only on a real terminal.</summary>
internal static class Consoles
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test's writer).</summary>
    public const int PlainWidth = 160;

    /// <summary>Whether a writer is the process's own standard output or error, attached to a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>A console writing to <paramref name="writer"/>: plain text unless it is a terminal.</summary>
    public static IAnsiConsole For(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
