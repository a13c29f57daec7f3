using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>
/// A pupil's evaluation costs in proportion to the pupil's marks and the school days from their
/// first mark to the evaluation date, never to the calendar's span (issue 14: a two-line calendar
/// spanning a century made memory grow per pupil). Allocation is measured, never time.
/// </summary>
public sealed class CalendarSpanTests
{
    private static readonly SchoolCalendar Century = SchoolCalendar.Create([new DateInterval(new LocalDate(2000, 9, 1), new LocalDate(2100, 7, 20))]);

    private static readonly SchoolCalendar OneYear = SchoolCalendar.Create([new DateInterval(new LocalDate(2025, 9, 1), new LocalDate(2026, 7, 22))]);

    private static readonly CompiledPolicy Policy = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml")));

    /// <summary>Three weeks of marks in September 2025, with some unauthorised absence so that rules have work to do.</summary>
    private static readonly PupilRegister Small = PupilRegister.Create("small", Enumerable.Range(0, 21)
        .Select(d => new LocalDate(2025, 9, 1).PlusDays(d))
        .Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday)
        .SelectMany(d => new[] { SessionMark.Create(Session.Morning(d), d.Day % 4 == 0 ? "O" : "/"), SessionMark.Create(Session.Afternoon(d), "\\") }));

    private static readonly LocalDate AsOf = new(2025, 9, 19);

    [Fact]
    public void A_calendar_spanning_a_century_costs_a_fresh_buffer_what_a_one_year_calendar_costs()
    {
        var century = Allocated(() => Policy.Evaluate(Small, AsOf, new EvaluationBuffer(), Century).Actions.Length);
        var oneYear = Allocated(() => Policy.Evaluate(Small, AsOf, new EvaluationBuffer(), OneYear).Actions.Length);

        Assert.Equal(oneYear, century);
    }

    [Fact]
    public void A_calendar_spanning_a_century_costs_the_full_result_what_a_one_year_calendar_costs()
    {
        var century = Allocated(() => Policy.Evaluate(Small, AsOf, Century).Actions.Count);
        var oneYear = Allocated(() => Policy.Evaluate(Small, AsOf, OneYear).Actions.Count);

        Assert.Equal(oneYear, century);
    }

    [Fact]
    public void An_evaluation_date_a_century_on_costs_in_proportion_to_the_school_days_up_to_it_and_a_warm_buffer_nothing()
    {
        // 2000-2100 is the widest span the dates allow: about 19,000 school days on this calendar.
        var farAsOf = new LocalDate(2100, 7, 20);
        var schoolDays = Century.SchoolDays.Count(d => d >= Small.Marks[0].Session.Date && d <= farAsOf);
        var buffer = new EvaluationBuffer();

        var cold = Allocated(() => Policy.Evaluate(Small, farAsOf, buffer, Century).Actions.Length);
        var warm = Allocated(() => Policy.Evaluate(Small, farAsOf, buffer, Century).Actions.Length);

        Assert.InRange(schoolDays, 18_000, 20_000);
        Assert.True(cold < schoolDays * 256L, $"{cold:N0} bytes for {schoolDays:N0} school days");
        Assert.Equal(0, warm);
    }

    /// <summary>The bytes this thread allocates in one call, after a warm-up call (so the JIT's own allocations are not counted); the least of three.</summary>
    private static long Allocated(Func<int> evaluate)
    {
        var least = long.MaxValue;
        evaluate();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            evaluate();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
