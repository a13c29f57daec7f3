using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.PolicyTests;

/// <summary>
/// The compact register notation (<c>2025-09-08 /\ /\ O\ L\ /\</c>): a date sets where the next day
/// goes; each day token is the AM code then the PM code (<c>-</c> for no mark; <c>C2</c>, <c>J1</c>,
/// <c>Y4</c> and the like are read whole); weekends are skipped; <c>~</c> skips a weekday and
/// <c>~N</c> skips N weekdays. This is the CLI's own internal copy of the parser in
/// tests/Attendance.Rules.Tests/RegisterNotation.cs (which is moving to Attendance.Rules.Testing), so
/// the tool does not depend on a test package.
/// </summary>
internal static class RegisterNotation
{
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

            var day = Weekday(date ?? throw new FormatException("the register must start with a date (yyyy-MM-dd)"));
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
                marks.Add(Mark(Session.Morning(day), codes[0], token));
            }

            if (codes[1] != "-")
            {
                marks.Add(Mark(Session.Afternoon(day), codes[1], token));
            }

            date = day.PlusDays(1);
        }

        return marks;
    }

    private static SessionMark Mark(Session session, string code, string token)
    {
        try
        {
            return SessionMark.Create(session, code);
        }
        catch (RegisterException e)
        {
            throw new FormatException($"'{token}' on {session.Date:yyyy-MM-dd}: {e.Message}", e);
        }
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
