using System.Globalization;

namespace Attendance.Rules.Loading;

/// <summary>One problem found while loading a policy, located in its file.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file (or the name given to a stream or string).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="RuleId">The rule concerned, where there is one.</param>
/// <param name="Message">What is wrong, as a sentence a policy author can act on.</param>
/// <param name="Expected">What was expected there, where it can be said.</param>
public sealed record PolicyDiagnostic(
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string? RuleId,
    string Message,
    string? Expected = null)
{
    /// <summary>Formats as <c>file:line:column: error: message (expected …)</c>.</summary>
    /// <returns>The located message.</returns>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var rule = RuleId is null ? string.Empty : $"rule '{RuleId}': ";
        var expected = Expected is null ? string.Empty : $" (expected {Expected})";
        return string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {severity}: {rule}{Message}{expected}");
    }
}
