using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// The days on which the register and the calendar disagree, for <c>--verbose</c>. The register
/// outranks the calendar for the days it marks (decisions.md, "Calendar and school weeks"): a day
/// the calendar closes that a pupil's register marks open is a school day for that pupil; a calendar
/// school day whose marks all say the school was closed (<c>#</c>, <c>Y4</c>) is not.
/// </summary>
internal static class CalendarDisagreements
{
    /// <summary>One line per disagreeing day, in date order, with how many pupils' registers disagree.</summary>
    public static IReadOnlyList<string> Describe(MarksFile marks, SchoolCalendar calendar, LocalDate asOf)
    {
        var opened = new SortedDictionary<LocalDate, int>();
        var closed = new SortedDictionary<LocalDate, (int Pupils, SortedSet<string> Codes)>();
        foreach (var pupil in marks.Pupils)
        {
            var days = new Dictionary<LocalDate, (bool Open, string? ClosedBy)>();
            foreach (var mark in marks.MarksOf(pupil))
            {
                var date = mark.Session.Date;
                if (date > asOf)
                {
                    continue;
                }

                var open = mark.Code?.IsSchoolOpen ?? true;

                // Z says the pupil was not on roll, not that the school was closed.
                var closedBy = !open && mark.Code!.Code != "Z" ? mark.Code.Code : null;
                days[date] = days.TryGetValue(date, out var day) ? (day.Open || open, day.ClosedBy ?? closedBy) : (open, closedBy);
            }

            foreach (var (date, day) in days)
            {
                var schoolDay = calendar.IsSchoolDay(date);
                if (day.Open && !schoolDay)
                {
                    opened[date] = opened.GetValueOrDefault(date) + 1;
                }
                else if (!day.Open && schoolDay && day.ClosedBy is { } code)
                {
                    if (!closed.TryGetValue(date, out var entry))
                    {
                        entry = (0, new SortedSet<string>(StringComparer.Ordinal));
                    }

                    entry.Codes.Add(code);
                    closed[date] = (entry.Pupils + 1, entry.Codes);
                }
            }
        }

        var lines = new List<string>();
        foreach (var date in opened.Keys.Concat(closed.Keys).Distinct().Order())
        {
            if (opened.TryGetValue(date, out var n))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"calendar: {date:yyyy-MM-dd} ({date.DayOfWeek}) is not a school day in the calendar, but the register marks the school open for {Pupils(n)}: a school day for {(n == 1 ? "that pupil" : "them")}, counted in its own week"));
            }

            if (closed.TryGetValue(date, out var c))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"calendar: {date:yyyy-MM-dd} ({date.DayOfWeek}) is a school day in the calendar, but the register marks the school closed ({string.Join(", ", c.Codes)}) for {Pupils(c.Pupils)}: not a school day for {(c.Pupils == 1 ? "that pupil" : "them")}"));
            }
        }

        return lines;
    }

    private static string Pupils(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} pupil{(n == 1 ? string.Empty : "s")}");
}
