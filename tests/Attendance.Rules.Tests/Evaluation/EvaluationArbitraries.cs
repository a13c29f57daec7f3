using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>A register and the date to evaluate it as of.</summary>
public sealed record RegisterCase(PupilRegister Register, LocalDate AsOf, int PolicyIndex)
{
    public override string ToString() => $"policy #{PolicyIndex}, as of {AsOf:yyyy-MM-dd}:{Environment.NewLine}{RegisterNotation.Print(Register)}";
}

/// <summary>
/// Registers like real ones: school days from a start date with a half-term week and sometimes a
/// summer break, mostly present, with runs of illness, holidays, truancy and the odd closure.
/// </summary>
public static class EvaluationArbitraries
{
    public static Arbitrary<RegisterCase> Cases()
    {
        var gen =
            from start in Gen.Elements(new LocalDate(2024, 6, 3), new LocalDate(2025, 9, 1), new LocalDate(2025, 1, 6), new LocalDate(2026, 4, 13))
            from days in Gen.Choose(5, 140)
            from mix in Gen.Choose(0, 3)
            from seed in Gen.Choose(0, int.MaxValue)
            from policy in Gen.Choose(0, 100)
            from tail in Gen.Choose(0, 20)
            select Build(start, days, mix, seed, policy, tail);
        return gen.ToArbitrary();
    }

    internal static RegisterCase Build(LocalDate start, int days, int mix, int seed, int policy, int tail)
    {
        var random = new Random(seed);
        var marks = new List<SessionMark>();
        var date = start;
        string? run = null;
        var runLeft = 0;
        for (var n = 0; n < days; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || IsHoliday(date))
            {
                continue;
            }

            n++;
            foreach (var part in new[] { SessionOfDay.AM, SessionOfDay.PM })
            {
                string code;
                if (runLeft > 0 && !Attendance.Rules.Codes.NationalCodeTable.TryFind(run!, date, out _))
                {
                    runLeft = 0; // a 2006-only code does not run on past 19 August 2024
                }

                if (runLeft > 0)
                {
                    code = run!;
                    runLeft--;
                }
                else
                {
                    var r = random.Next(1000);
                    var absent = mix switch { 0 => 0, 1 => 40, 2 => 120, _ => 400 };
                    if (r < absent)
                    {
                        string[] pool = date < new LocalDate(2024, 8, 19) ? ["I", "O", "G", "N", "M", "H", "U", "R"] : ["I", "O", "G", "N", "M", "U", "R", "C2", "C"];
                        code = pool[random.Next(pool.Length)];
                        if (random.Next(10) == 0)
                        {
                            run = code;
                            runLeft = random.Next(4, 30);
                        }
                    }
                    else if (r < absent + 15)
                    {
                        code = "L";
                    }
                    else if (r < absent + 18)
                    {
                        code = "#";
                    }
                    else
                    {
                        code = part == SessionOfDay.AM ? "/" : "\\";
                    }
                }

                // Late and some present marks carry an arrival time near the registers' times.
                LocalTime? arrival = code == "L" || (code is "/" or "\\" && random.Next(20) == 0)
                    ? (part == SessionOfDay.AM ? new LocalTime(8, 20) : new LocalTime(12, 50)).PlusMinutes(random.Next(0, 50))
                    : null;
                var facts = (random.Next(8) == 0 ? MarkFacts.MedicalEvidence : MarkFacts.None) | (random.Next(10) == 0 ? MarkFacts.ReasonAccepted : MarkFacts.None);
                marks.Add(SessionMark.Create(new Session(date, part), code, arrival, facts));
            }
        }

        return new RegisterCase(PupilRegister.Create("p1", marks), date.PlusDays(tail), policy);
    }

    private static bool IsHoliday(LocalDate d) =>
        (d.Month == 8) || (d.Month == 7 && d.Day > 22) || (d.Month == 10 && d.Day >= 27) || (d.Month == 12 && d.Day >= 20) || (d.Month == 2 && d.Day >= 16 && d.Day <= 20)
        || (d.Month == 1 && d.Day == 1) || IsEarlyMayBankHoliday(d);

    private static bool IsEarlyMayBankHoliday(LocalDate d) => d.Month == 5 && d.DayOfWeek == IsoDayOfWeek.Monday && d.Day <= 7;

    /// <summary>
    /// The school calendar the generated registers follow: an autumn term (1 September to 19
    /// December) and a spring-and-summer term (2 January to 22 July) each year, with the October
    /// and February half-terms and the early May bank holiday as closures.
    /// </summary>
    public static SchoolCalendar Calendar { get; } = BuildCalendar();

    private static SchoolCalendar BuildCalendar()
    {
        var terms = new List<DateInterval>();
        var closures = new List<LocalDate>();
        for (var year = 2023; year <= 2026; year++)
        {
            terms.Add(new DateInterval(new LocalDate(year, 9, 1), new LocalDate(year, 12, 19)));
            terms.Add(new DateInterval(new LocalDate(year + 1, 1, 2), new LocalDate(year + 1, 7, 22)));
        }

        for (var d = new LocalDate(2023, 9, 1); d <= new LocalDate(2027, 7, 22); d = d.PlusDays(1))
        {
            if (IsHoliday(d) && terms.Exists(t => t.Contains(d)))
            {
                closures.Add(d);
            }
        }

        return SchoolCalendar.Create(terms, closures);
    }
}
