using System.Globalization;
using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>
/// One registration session: a date and the morning or afternoon. Sessions order by date, then
/// morning before afternoon.
/// </summary>
/// <param name="Date">The session's date.</param>
/// <param name="Part">Morning or afternoon.</param>
public readonly record struct Session(LocalDate Date, SessionOfDay Part) : IComparable<Session>
{
    /// <summary>The morning session of a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The AM session.</returns>
    public static Session Morning(LocalDate date) => new(date, SessionOfDay.AM);

    /// <summary>The afternoon session of a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The PM session.</returns>
    public static Session Afternoon(LocalDate date) => new(date, SessionOfDay.PM);

    /// <summary>The session after this one (the afternoon, or the next date's morning).</summary>
    public Session Next => Part == SessionOfDay.AM ? new(Date, SessionOfDay.PM) : new(Date.PlusDays(1), SessionOfDay.AM);

    /// <summary>A number that orders sessions: twice the date's day number, plus one for the afternoon.</summary>
    public long Ordinal => ((long)Date.ToDateOnly().DayNumber << 1) | (long)Part;

    /// <inheritdoc />
    public int CompareTo(Session other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Whether one session comes before another.</summary>
    /// <param name="left">The first session.</param>
    /// <param name="right">The second session.</param>
    /// <returns>True where <paramref name="left"/> is earlier.</returns>
    public static bool operator <(Session left, Session right) => left.Ordinal < right.Ordinal;

    /// <summary>Whether one session comes after another.</summary>
    /// <param name="left">The first session.</param>
    /// <param name="right">The second session.</param>
    /// <returns>True where <paramref name="left"/> is later.</returns>
    public static bool operator >(Session left, Session right) => left.Ordinal > right.Ordinal;

    /// <summary>Whether one session comes before or is another.</summary>
    /// <param name="left">The first session.</param>
    /// <param name="right">The second session.</param>
    /// <returns>True where <paramref name="left"/> is not later.</returns>
    public static bool operator <=(Session left, Session right) => left.Ordinal <= right.Ordinal;

    /// <summary>Whether one session comes after or is another.</summary>
    /// <param name="left">The first session.</param>
    /// <param name="right">The second session.</param>
    /// <returns>True where <paramref name="left"/> is not earlier.</returns>
    public static bool operator >=(Session left, Session right) => left.Ordinal >= right.Ordinal;

    /// <summary>Formats the session as <c>2025-09-08 AM</c>.</summary>
    /// <returns>The date and the session.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd} {Part}");
}
