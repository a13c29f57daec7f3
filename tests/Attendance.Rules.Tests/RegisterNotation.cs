using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Tests;

/// <summary>
/// A compact register notation for tests: <c>2025-09-08 /\ /\ O\ L\ /\</c>. A date sets where the
/// next day goes; each day token is the AM code then the PM code (<c>-</c> for no mark; two-character
/// codes such as <c>C2</c>, <c>J1</c>, <c>Y4</c> are read whole); weekends are skipped; <c>~</c> skips
/// a weekday with no marks and <c>~N</c> skips N weekdays (a half-term is <c>~5</c>).
/// </summary>
internal static class RegisterNotation
{
    public static PupilRegister Parse(string notation, string pupil = "p1", string? yearGroup = null) =>
        PupilRegister.Create(pupil, Marks(notation), yearGroup);

    public static List<SessionMark> Marks(string notation)
    {
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
                var skip = token.Length == 1 ? 1 : int.Parse(token[1..], CultureInfo.InvariantCulture);
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

        return marks;
    }

    /// <summary>Prints a register back in the notation, a line per school week.</summary>
    public static string Print(PupilRegister register)
    {
        var lines = new List<string>();
        var byDate = register.Marks.GroupBy(m => m.Session.Date).ToList();
        LocalDate? weekStart = null;
        var line = new System.Text.StringBuilder();
        foreach (var day in byDate)
        {
            var monday = day.Key.PlusDays(1 - (int)day.Key.DayOfWeek);
            if (monday != weekStart)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                }

                line.Clear().Append(day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                weekStart = monday;
            }

            var am = day.FirstOrDefault(m => m.Session.Part == SessionOfDay.AM).Code?.Code ?? "-";
            var pm = day.FirstOrDefault(m => m.Session.Part == SessionOfDay.PM).Code?.Code ?? "-";
            line.Append(' ').Append(am).Append(pm);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static LocalDate Weekday(LocalDate date)
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
