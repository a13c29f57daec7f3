using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Testing;

/// <summary>
/// The compact register notation: <c>2025-09-08 /\ /\ O\ L\ /\</c>. A date sets where the
/// next day goes; each day token is the AM code then the PM code (<c>-</c> for no mark; two-character
/// codes such as <c>C2</c>, <c>J1</c>, <c>Y4</c> are read whole); weekends are skipped; <c>~</c> skips
/// a weekday with no marks and <c>~N</c> skips N weekdays (a half-term is <c>~5</c>).
/// </summary>
public static class RegisterNotation
{
    /// <summary>Reads a pupil's register from the notation.</summary>
    /// <param name="notation">The register, for example <c>2025-09-08 /\ /\ O\ ~5 II</c>.</param>
    /// <param name="pupil">The pupil's id.</param>
    /// <param name="yearGroup">The pupil's year group, for example <c>7</c> or <c>R</c>; null if not known.</param>
    /// <param name="roll">The pupil's date of birth, admission and leaving dates, where they matter.</param>
    /// <returns>The register.</returns>
    /// <exception cref="FormatException">The notation does not start with a date, or a token is not a day.</exception>
    /// <exception cref="RegisterException">A code is not valid on its date, or a mark lies outside the admission and leaving dates.</exception>
    public static PupilRegister Parse(string notation, string pupil = "p1", string? yearGroup = null, PupilRoll? roll = null) =>
        PupilRegister.Create(pupil, Marks(notation), yearGroup, roll);

    /// <summary>Reads the marks the notation describes, in the order written.</summary>
    /// <param name="notation">The register in the notation.</param>
    /// <returns>The marks.</returns>
    /// <exception cref="FormatException">The notation does not start with a date, or a token is not a day.</exception>
    /// <exception cref="RegisterException">A code is not valid on its date.</exception>
    public static List<SessionMark> Marks(string notation) => Marks(notation, out _);

    /// <summary>Reads the marks, and the weekday the next day token would go to.</summary>
    internal static List<SessionMark> Marks(string notation, out LocalDate next)
    {
        ArgumentNullException.ThrowIfNull(notation);
        var marks = new List<SessionMark>();
        LocalDate? date = null;
        foreach (var token in notation.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length == 10 && LocalDatePattern.Iso.Parse(token) is { Success: true } parsed)
            {
                date = parsed.Value;
                continue;
            }

            var day = Weekday(date ?? throw new FormatException("the notation must start with a date"));
            if (token[0] == '~')
            {
                if (!int.TryParse(token.Length == 1 ? "1" : token[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var skip))
                {
                    throw new FormatException($"'{token}' is not a skip (~ or ~N)");
                }

                for (var i = 0; i < skip; i++)
                {
                    day = Weekday(day.PlusDays(1));
                }

                date = day;
                continue;
            }

            var codes = Codes(token);
            if (codes.Count != 2)
            {
                throw new FormatException($"'{token}' is not a day (an AM code then a PM code)");
            }

            if (codes[0] != "-")
            {
                marks.Add(SessionMark.Create(Session.Morning(day), codes[0]));
            }

            if (codes[1] != "-")
            {
                marks.Add(SessionMark.Create(Session.Afternoon(day), codes[1]));
            }

            date = day.PlusDays(1);
        }

        next = Weekday(date ?? throw new FormatException("the notation must start with a date"));
        return marks;
    }

    /// <summary>
    /// Prints a register back in the notation, a line per school week, each starting with the date of
    /// its first marked day; unmarked weekdays inside a week print as <c>~</c> or <c>~N</c>, so the
    /// text parses back to the same sessions and codes. Arrival times and facts are not part of the notation; a mark with an
    /// arrival time and no code prints as <c>-</c>.
    /// </summary>
    /// <param name="register">The register.</param>
    /// <returns>The notation, lines separated by <see cref="Environment.NewLine"/>.</returns>
    public static string Print(PupilRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return string.Join(Environment.NewLine, PrintWeeks(register.Marks).Select(w => w.Line));
    }

    /// <summary>The marks' school weeks in the notation: the Monday of each week and its line.</summary>
    internal static List<(LocalDate Monday, string Line)> PrintWeeks(IEnumerable<SessionMark> marks)
    {
        var lines = new List<(LocalDate Monday, string Line)>();
        var byDate = marks.GroupBy(m => m.Session.Date).ToList();
        LocalDate? weekStart = null;
        var next = default(LocalDate);
        var line = new System.Text.StringBuilder();
        foreach (var day in byDate)
        {
            var monday = Monday(day.Key);
            if (monday != weekStart)
            {
                if (line.Length > 0)
                {
                    lines.Add((weekStart!.Value, line.ToString()));
                }

                line.Clear().Append(day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                weekStart = monday;
            }
            else if (day.Key > next)
            {
                // Unmarked weekdays within the week print as ~ or ~N, so the line reads back the same.
                var skipped = 0;
                for (var d = next; d < day.Key; d = Weekday(d.PlusDays(1)))
                {
                    skipped++;
                }

                line.Append(skipped == 1 ? " ~" : string.Create(CultureInfo.InvariantCulture, $" ~{skipped}"));
            }

            next = Weekday(day.Key.PlusDays(1));

            var am = day.FirstOrDefault(m => m.Session.Part == SessionOfDay.AM).Code?.Code ?? "-";
            var pm = day.FirstOrDefault(m => m.Session.Part == SessionOfDay.PM).Code?.Code ?? "-";
            line.Append(' ').Append(am).Append(pm);
        }

        if (line.Length > 0)
        {
            lines.Add((weekStart!.Value, line.ToString()));
        }

        return lines;
    }

    internal static LocalDate Monday(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    internal static LocalDate Weekday(LocalDate date)
    {
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    private static List<string> Codes(string token)
    {
        var codes = new List<string>();
        for (var i = 0; i < token.Length; i++)
        {
            if (i + 1 < token.Length && token[i] is 'C' or 'J' or 'Y' && char.IsDigit(token[i + 1]))
            {
                codes.Add(token.Substring(i, 2));
                i++;
            }
            else
            {
                codes.Add(token[i].ToString());
            }
        }

        return codes;
    }
}
