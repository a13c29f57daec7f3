using System.Globalization;

namespace Attendance.Rules.Loading;

/// <summary>One problem found while loading a policy, located in its file.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file (or the name given to a stream or string).</param>
/// <param name="Line">1-based line; 0 where the finding has no place in a file (a policy built in code).</param>
/// <param name="Column">1-based column; 0 with line 0.</param>
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
    /// <summary>Formats as <c>file:line:column: error: message (expected …)</c>; without <c>:line:column</c> where the line is 0 (a finding about a policy built in code, which has no lines).</summary>
    /// <returns>The located message.</returns>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var rule = RuleId is null ? string.Empty : $"rule '{RuleId}': ";
        var expected = Expected is null ? string.Empty : $" (expected {Expected})";
        return string.Create(CultureInfo.InvariantCulture, $"{File}{(Line > 0 ? $":{Line}:{Column}" : string.Empty)}: {severity}: {rule}{Message}{expected}");
    }
}
