using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using Attendance.Rules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Reference;

/// <summary>A calendar, a register written against it, the evaluation date and the count rule's shape.</summary>
public sealed record CalendarCase(SchoolCalendar Calendar, PupilRegister Register, LocalDate AsOf, int AtLeast, int Weeks, bool OncePerYear)
{
    public override string ToString() =>
        $"at least {AtLeast} in {Weeks} school weeks{(OncePerYear ? ", once a year" : string.Empty)}, as of {AsOf:yyyy-MM-dd}; "
        + $"terms {string.Join(", ", Calendar.Terms.Select(t => $"{t.Start:yyyy-MM-dd}..{t.End:yyyy-MM-dd}"))}; "
        + $"closures {string.Join(" ", Calendar.Closures.Order().Select(d => d.ToString("yyyy-MM-dd", null)))}{Environment.NewLine}{RegisterNotation.Print(Register)}";
}

/// <summary>
/// Calendars with closures inside term weeks (INSET days, bank holidays, a closed half-term week),
/// registers with marks on those closed days (and the odd Saturday), pupils joining mid-term (and
/// marked <c>Z</c> before), and <c>#</c> on calendar school days.
/// </summary>
public static class CalendarArbitraries
{
    private static readonly string[] Unauthorised = ["O", "G", "U", "N"];

    public static Arbitrary<CalendarCase> Cases() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from atLeast in Gen.Choose(1, 10)
         from weeks in Gen.Choose(1, 10)
         from once in Gen.Elements(false, true)
         select Build(seed, atLeast, weeks, once)).ToArbitrary();

    internal static CalendarCase Build(int seed, int atLeast, int weeks, bool once)
    {
        var random = new Random(seed);
        var autumn = new LocalDate(2025, 9, 1).PlusDays(random.Next(0, 4));
        var terms = new List<DateInterval>
        {
            new(autumn, new LocalDate(2025, 12, 19)),
            new(new LocalDate(2026, 1, 5), new LocalDate(2026, 3, 27)),
            new(new LocalDate(2026, 4, 13), new LocalDate(2026, 7, 22)),
        };
        var closures = new HashSet<LocalDate>();
        foreach (var term in terms)
        {
            for (var d = term.Start; d <= term.End; d = d.PlusDays(1))
            {
                if (d.DayOfWeek < IsoDayOfWeek.Saturday && random.Next(12) == 0)
                {
                    closures.Add(d); // an INSET day or a bank holiday inside a term week
                }
            }
        }

        // A half-term week closed whole, inside the term.
        for (var d = new LocalDate(2025, 10, 27); d <= new LocalDate(2025, 10, 31); d = d.PlusDays(1))
        {
            closures.Add(d);
        }

        var calendar = SchoolCalendar.Create(terms, closures);

        // The pupil joins on a calendar school day somewhere in the first two terms, marked Z for a few days before.
        var joinIndex = random.Next(0, 90);
        var schoolDays = new List<LocalDate>();
        for (var d = terms[0].Start; d <= terms[2].End; d = d.PlusDays(1))
        {
            if (calendar.IsSchoolDay(d))
            {
                schoolDays.Add(d);
            }
        }

        var join = schoolDays[joinIndex];
        var first = schoolDays[Math.Max(0, joinIndex - random.Next(0, 6))];
        var last = schoolDays[Math.Min(schoolDays.Count - 1, joinIndex + random.Next(5, 120))];
        var absence = random.Next(0, 300);
        var marks = new List<SessionMark>();
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            var calendarDay = calendar.IsSchoolDay(d);
            var weekday = d.DayOfWeek < IsoDayOfWeek.Saturday;

            // Marks on days the calendar closes: an INSET day or bank holiday the register marks (mostly
            // absence, sometimes present or #), and now and then a Saturday.
            var closedMarked = !calendarDay && ((weekday && random.Next(3) == 0) || (!weekday && random.Next(40) == 0));
            if (!calendarDay && !closedMarked)
            {
                continue;
            }

            foreach (var part in new[] { SessionOfDay.AM, SessionOfDay.PM })
            {
                if (part == SessionOfDay.PM && random.Next(25) == 0)
                {
                    continue; // a day with one session marked
                }

                string code;
                if (d < join)
                {
                    code = "Z";
                }
                else if (closedMarked)
                {
                    var r = random.Next(10);
                    code = r < 6 ? Unauthorised[random.Next(Unauthorised.Length)] : r < 8 ? (part == SessionOfDay.AM ? "/" : "\\") : "#";
                }
                else
                {
                    var r = random.Next(1000);
                    code = r < absence ? Unauthorised[random.Next(Unauthorised.Length)]
                        : r < absence + 40 ? "I"
                        : r < absence + 50 ? "#"
                        : part == SessionOfDay.AM ? "/" : "\\";
                }

                marks.Add(SessionMark.Create(new Session(d, part), code));
            }
        }

        return new CalendarCase(calendar, PupilRegister.Create("p1", marks), last.PlusDays(random.Next(0, 15)), atLeast, weeks, once);
    }
}

/// <summary>
/// The penalty-notice window under a calendar (issue 17): the engine against the naive reference,
/// which reads school days and weeks from the calendar and the register as decisions.md says, for
/// a v1 <c>session_count</c> over rolling school weeks and the same count in the language v2. Both
/// must give the same hits: date, the sessions counted and the window's first week.
/// </summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 200)]
public class CalendarWindowProperties
{
    [Property]
    public void A_count_over_rolling_school_weeks_hits_as_the_reference_does_under_a_calendar(CalendarCase c)
    {
        var repeat = c.OncePerYear ? "once_per_year" : "fresh_sessions";
        var v1 = Compile($"  - id: count\n    type: session_count\n    title: count\n    action: letter\n    source: \"s\"\n    codes: unauthorised\n    at_least: {c.AtLeast}\n    window: {{ rolling_school_weeks: {c.Weeks} }}\n    repeat: {repeat}\n");
        Compare(v1, c);
    }

    [Property]
    public void The_same_count_in_the_language_v2_hits_as_the_reference_does_under_a_calendar(CalendarCase c)
    {
        var repeat = c.OncePerYear ? "once_per_year" : "fresh";
        var v2 = Compile($"  - id: count\n    title: count\n    action: letter\n    source: \"s\"\n    judged: session\n    repeat: {repeat}\n    when: {{ measure: {{ count: unauthorised }}, over: {{ rolling: {{ school_weeks: {c.Weeks} }} }}, at_least: {c.AtLeast} }}\n");
        Compare(v2, c);
    }

    private static CompiledPolicy Compile(string rules)
    {
        var yaml = "id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\ncode_sets:\n  unauthorised: [G, N, O, U]\nrules:\n" + rules;
        var result = PolicyLoader.ReadString(yaml, "t.yaml");
        Assert.True(result.Policy is not null, string.Join(Environment.NewLine, result.Diagnostics));
        return PolicyEvaluator.Compile(result.Policy!);
    }

    private static void Compare(CompiledPolicy policy, CalendarCase c)
    {
        var engine = policy.Evaluate(c.Register, c.AsOf, c.Calendar);
        var reference = ReferenceEvaluator.Evaluate(policy.Policy, c.Register, c.AsOf, c.Calendar);
        var e = string.Join(Environment.NewLine, engine.ThresholdHits.Select(h => $"{new ReferenceHit(h.RuleId, h.Date, h.CountedSessions.Order().ToList())} from {h.FirstWeek:yyyy-MM-dd}"));
        var r = string.Join(Environment.NewLine, reference.Hits.Select(h => $"{h with { Counted = h.Counted.Order().ToList() }} from {h.FirstWeek:yyyy-MM-dd}"));
        Assert.True(e == r, $"engine:{Environment.NewLine}{e}{Environment.NewLine}reference:{Environment.NewLine}{r}{Environment.NewLine}{c}");
    }
}
