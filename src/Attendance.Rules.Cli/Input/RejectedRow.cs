using System.Globalization;

namespace Attendance.Rules.Cli.Input;

/// <summary>A data row the tool could not use: its file, file line number (the header is line 1) and why.</summary>
internal sealed record RejectedRow(string Path, int Line, string Reason)
{
    /// <summary>Formats as <c>marks.csv:4: reason</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}: {Reason}");
}
