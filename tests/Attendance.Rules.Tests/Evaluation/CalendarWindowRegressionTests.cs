using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;
using static Attendance.Rules.Tests.Evaluation.Conditions.ConditionKit;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>
/// The penalty-notice window under a calendar (issue 17): a counted mark on a day the calendar
/// closes was filed under the week of the last school day before it. decisions.md ("Calendar and
/// school weeks"): the register outranks the calendar for the days it marks, so the mark counts in
/// the window of its own week, and a window's first week is the earliest of its school weeks even
/// where the pupil has no marks. One test per symptom the issue names, each failing before the fix.
/// </summary>
public class CalendarWindowRegressionTests
{
    /// <summary>Autumn term 2025 with an INSET day on Monday 15 September (school week 3).</summary>
    private static readonly SchoolCalendar Calendar = SchoolCalendar.Create(
        [new DateInterval(D(2025, 9, 1), D(2025, 12, 19))], [D(2025, 9, 15)]);

    private static readonly LocalDate Inset = D(2025, 9, 15);

    /// <summary>Two O sessions in a rolling two school weeks, v1.</summary>
    private static readonly CompiledPolicy TwoInTwoWeeks = Compile(
        "  - id: count\n    type: session_count\n    title: count\n    action: letter\n    source: \"s\"\n    codes: [O]\n    at_least: 2\n    window: { rolling_school_weeks: 2 }\n");

    /// <summary>Present on every calendar school day from <paramref name="from"/> to <paramref name="to"/>, with the marks given (which may be on closed days) in their place.</summary>
    private static PupilRegister Register(LocalDate from, LocalDate to, params (LocalDate Date, SessionOfDay Part, string Code)[] marks)
    {
        var all = new Dictionary<Session, string>();
        for (var d = from; d <= to; d = d.PlusDays(1))
        {
            if (Calendar.IsSchoolDay(d))
            {
                all[Session.Morning(d)] = "/";
                all[Session.Afternoon(d)] = "\\";
            }
        }

        foreach (var (date, part, code) in marks)
        {
            all[new Session(date, part)] = code;
        }

        return PupilRegister.Create("p1", all.Select(kv => SessionMark.Create(kv.Key, kv.Value)));
    }

    private static List<string> Hits(PupilEvaluation e) =>
        [.. e.ThresholdHits.Select(h => $"{h.Date:yyyy-MM-dd} from {h.FirstWeek:yyyy-MM-dd}: {string.Join(", ", h.CountedSessions)}")];

    [Fact]
    public void A_mark_on_an_inset_day_does_not_reach_a_school_week_further_back_than_the_window()
    {
        // O on Thursday 4 September (week 1) and on the INSET Monday 15 September (week 3): the
        // window of week 3 is weeks 2 and 3, so one O. Filed under week 2 it reached week 1: a hit.
        var register = Register(D(2025, 9, 1), D(2025, 9, 19), (D(2025, 9, 4), SessionOfDay.AM, "O"), (Inset, SessionOfDay.AM, "O"), (Inset, SessionOfDay.PM, "\\"));

        var e = TwoInTwoWeeks.Evaluate(register, D(2025, 9, 19), Calendar);

        Assert.Empty(Hits(e));
        var inset = e.Marks.First(m => m.Session.Date == Inset);
        Assert.True(inset.IsSchoolDay);
        Assert.Equal(3, inset.SchoolWeek);
    }

    [Fact]
    public void A_mark_on_an_inset_day_counts_in_its_own_week_so_the_hit_is_not_a_session_late()
    {
        // O on the INSET Monday 15 September (week 3) and all day Monday 22 September (week 4):
        // weeks 3 and 4 hold two O by the Monday morning. Filed under week 2 it had left the window,
        // and the hit waited for the afternoon.
        var register = Register(D(2025, 9, 1), D(2025, 9, 26),
            (Inset, SessionOfDay.AM, "O"), (Inset, SessionOfDay.PM, "\\"), (D(2025, 9, 22), SessionOfDay.AM, "O"), (D(2025, 9, 22), SessionOfDay.PM, "O"));

        var e = TwoInTwoWeeks.Evaluate(register, D(2025, 9, 26), Calendar);

        Assert.Equal(["2025-09-22 from 2025-09-15: 2025-09-15 AM, 2025-09-22 AM"], Hits(e));
        Assert.Equal(["2025-09-22 AM"], Due(e, "count"));
    }

    [Fact]
    public void A_hit_on_an_inset_day_names_the_first_school_week_of_its_own_window()
    {
        // O on Tuesday 9 September (week 2) and the INSET Monday 15 September (week 3): the window is
        // weeks 2 and 3, from Monday 8 September, not week 1's Monday 1 September.
        var register = Register(D(2025, 9, 1), D(2025, 9, 19), (D(2025, 9, 9), SessionOfDay.AM, "O"), (Inset, SessionOfDay.AM, "O"));

        var e = TwoInTwoWeeks.Evaluate(register, D(2025, 9, 19), Calendar);

        Assert.Equal(["2025-09-15 from 2025-09-08: 2025-09-09 AM, 2025-09-15 AM"], Hits(e));
    }

    [Theory]
    [InlineData("  - id: count\n    type: session_count\n    title: count\n    action: letter\n    source: \"s\"\n    codes: [O]\n    at_least: 2\n    window: { rolling_school_weeks: 3 }\n")]
    [InlineData("  - id: count\n    title: count\n    action: letter\n    source: \"s\"\n    judged: session\n    repeat: fresh\n    when: { measure: { count: [O] }, over: { rolling: { school_weeks: 3 } }, at_least: 2 }\n")]
    public void A_pupil_joining_mid_term_has_a_window_reaching_the_calendar_s_school_weeks_before_the_first_mark(string rule)
    {
        // First mark Monday 6 October (week 6), absent all day: the three school weeks are those of
        // 22 September, 29 September and 6 October, though the pupil has marks in the last only.
        var register = Register(D(2025, 10, 6), D(2025, 10, 10), (D(2025, 10, 6), SessionOfDay.AM, "O"), (D(2025, 10, 6), SessionOfDay.PM, "O"));

        var e = Compile(rule).Evaluate(register, D(2025, 10, 10), Calendar);

        Assert.Equal(["2025-10-06 from 2025-09-22: 2025-10-06 AM, 2025-10-06 PM"], Hits(e));
    }

    [Fact]
    public void Without_a_calendar_the_weeks_are_the_register_s_as_before()
    {
        // The pupil joining on 6 October with no calendar: weeks are inferred from the marks, so the
        // register's own first week is the earliest the window can name.
        var register = Register(D(2025, 10, 6), D(2025, 10, 10), (D(2025, 10, 6), SessionOfDay.AM, "O"), (D(2025, 10, 6), SessionOfDay.PM, "O"));

        var e = Compile("  - id: count\n    type: session_count\n    title: count\n    action: letter\n    source: \"s\"\n    codes: [O]\n    at_least: 2\n    window: { rolling_school_weeks: 3 }\n")
            .Evaluate(register, D(2025, 10, 10));

        Assert.Equal(["2025-10-06 from 2025-10-06: 2025-10-06 AM, 2025-10-06 PM"], Hits(e));
    }

    [Fact]
    public void A_week_of_a_calendar_the_pupil_was_not_on_roll_for_is_a_school_week()
    {
        // Marked Z (not yet on roll) all of week 2, then O on Monday of week 3 and Monday of week 4:
        // with the calendar weeks 2, 3 and 4 are school weeks, so a window of two reaching from week 4
        // holds both O; the Z week does not stretch the window.
        var zWeek = Enumerable.Range(0, 5).SelectMany(i => new[] { (D(2025, 9, 8).PlusDays(i), SessionOfDay.AM, "Z"), (D(2025, 9, 8).PlusDays(i), SessionOfDay.PM, "Z") });
        var register = Register(D(2025, 9, 8), D(2025, 9, 26), [.. zWeek, (D(2025, 9, 16), SessionOfDay.AM, "O"), (D(2025, 9, 22), SessionOfDay.AM, "O")]);

        var e = TwoInTwoWeeks.Evaluate(register, D(2025, 9, 26), Calendar);

        Assert.Equal(["2025-09-22 from 2025-09-15: 2025-09-16 AM, 2025-09-22 AM"], Hits(e));
        Assert.Equal(1, e.Marks.First().SchoolWeek);
    }
}
