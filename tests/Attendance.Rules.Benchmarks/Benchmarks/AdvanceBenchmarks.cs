using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// The overnight incremental advance: a pupil's state fed up to school day <see cref="AdvanceSetup.Day"/>
/// of the year, advanced by the next day's two marks (with the calendar). The state is immutable, so
/// every operation advances the same state by the same day.
/// </summary>
[MemoryDiagnoser]
public class AdvanceBenchmarks : SchoolParams
{
    private AdvanceSetup setup = null!;

    /// <inheritdoc/>
    public override void Setup()
    {
        base.Setup();
        setup = AdvanceSetup.For(Cohort);
    }

    /// <summary>Advance by one day.</summary>
    [Benchmark]
    public IncrementalEvaluation AdvanceOneDay() =>
        Cohort.Compiled.Advance(setup.State, setup.NextDay, setup.Date, Cohort.Calendar);
}

/// <summary>A state fed up to a school day, and the next day's marks.</summary>
/// <param name="State">The state, evaluated to the day before <paramref name="Date"/>.</param>
/// <param name="NextDay">The marks of <paramref name="Date"/>.</param>
/// <param name="Date">The day to advance to.</param>
public sealed record AdvanceSetup(EvaluationState State, SessionMark[] NextDay, LocalDate Date)
{
    /// <summary>The index of the last school day fed (of about 190): mid-year, in the spring term.</summary>
    public const int Day = 100;

    /// <summary>Feeds the cohort's first pupil up to school day <see cref="Day"/> in one advance.</summary>
    public static AdvanceSetup For(SchoolCohort cohort)
    {
        var register = cohort.Registers[0];
        var dates = register.Marks.Select(m => m.Session.Date).Distinct().Order().ToArray();
        var fedTo = dates[Day];
        var next = dates[Day + 1];
        var state = cohort.Compiled.Advance(
            cohort.Compiled.Start(register.PupilId, register.YearGroup),
            register.Marks.Where(m => m.Session.Date <= fedTo),
            fedTo,
            cohort.Calendar).State;
        return new AdvanceSetup(state, register.Marks.Where(m => m.Session.Date == next).ToArray(), next);
    }
}
