using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>Every window of the language, in the docs' order. A new window is a file in this folder and a line here.</summary>
internal static class WindowCatalog
{
    public static readonly SyntaxDeclaration[] All =
    [
        .. PeriodWindow.Syntax,
        .. RollingWindow.Syntax,
        .. SinceWindow.Syntax,
        .. MonitoringWindow.Syntax,
    ];
}
