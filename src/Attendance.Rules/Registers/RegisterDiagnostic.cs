using System.Globalization;

namespace Attendance.Rules.Registers;

/// <summary>One problem with a register's input, located by row (where read from a file) and session.</summary>
/// <param name="Row">The input row (file line number, header = 1), where the register was read from a file.</param>
/// <param name="Session">The session the problem concerns, where known.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record RegisterDiagnostic(int? Row, Session? Session, string Message)
{
    /// <summary>Formats as <c>row 12: 2025-09-08 AM: message</c>.</summary>
    /// <returns>The located message.</returns>
    public override string ToString()
    {
        var row = Row is { } r ? string.Create(CultureInfo.InvariantCulture, $"row {r}: ") : string.Empty;
        var session = Session is { } s ? $"{s}: " : string.Empty;
        return row + session + Message;
    }
}
