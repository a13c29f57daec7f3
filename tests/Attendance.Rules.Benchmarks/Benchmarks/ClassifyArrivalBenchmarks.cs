using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>
/// One arrival classified by the compiled registration table, as an MIS registration screen asks:
/// a year 1 or year 7 pupil five minutes after the morning window's <c>late_after</c> (late, so the
/// lateness sanctions are looked up too).
/// </summary>
[MemoryDiagnoser]
public class ClassifyArrivalBenchmarks : SchoolParams
{
    private RegistrationTable table = null!;
    private LocalTime arrival;
    private string yearGroup = "";

    /// <inheritdoc/>
    public override void Setup()
    {
        base.Setup();
        table = Cohort.Compiled.Registration;
        yearGroup = Cohort.School.Secondary ? "7" : "1";
        arrival = ArrivalFor(Cohort);
    }

    /// <summary>Five minutes after the morning window's <c>late_after</c>, or 09:05 where there is no window.</summary>
    public static LocalTime ArrivalFor(Cohorts.SchoolCohort cohort) =>
        cohort.Compiled.Registration.WindowFor(SessionOfDay.AM, cohort.School.Secondary ? "7" : "1") is { } window
            ? window.LateAfter.PlusMinutes(5)
            : new LocalTime(9, 5);

    /// <summary>Classify one arrival.</summary>
    [Benchmark]
    public ArrivalStatus ClassifyArrival() =>
        table.Classify(SessionOfDay.AM, arrival, yearGroup, reasonAccepted: false).Status;
}
