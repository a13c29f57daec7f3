using NodaTime;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// The dates the tool accepts anywhere (marks, --as-of, calendars, leave requests, tests files):
/// 2000-01-01 to 2100-12-31. Outside is taken for a typing or export error, and refusing it keeps
/// date arithmetic far from the calendar's ends and work bounded by a span of at most a century.
/// </summary>
internal static class RegisterDates
{
    /// <summary>The earliest date accepted.</summary>
    public static readonly LocalDate Earliest = new(2000, 1, 1);

    /// <summary>The latest date accepted.</summary>
    public static readonly LocalDate Latest = new(2100, 12, 31);

    /// <summary>The range as a message says it.</summary>
    public const string Range = "2000-01-01 to 2100-12-31";

    /// <summary>Whether a date is in the range.</summary>
    public static bool Contains(LocalDate date) => date >= Earliest && date <= Latest;

    /// <summary>The problem with a date outside the range, or null.</summary>
    public static string? Problem(LocalDate date, string what) =>
        Contains(date) ? null : $"{what} {date:uuuu-MM-dd} is outside {Range}, the dates the tool accepts";
}
