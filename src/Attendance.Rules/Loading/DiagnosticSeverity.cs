namespace Attendance.Rules.Loading;

/// <summary>How serious a policy diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The policy cannot be used.</summary>
    Error,

    /// <summary>The policy loads, but departs from the national framework or is suspect.</summary>
    Warning,
}
