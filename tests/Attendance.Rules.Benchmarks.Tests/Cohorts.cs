using System.Collections.Concurrent;
using Attendance.Rules.Benchmarks.Cohorts;

namespace Attendance.Rules.Benchmarks.Tests;

/// <summary>Each school's cohort, generated once for the test run.</summary>
internal static class Cohorts
{
    private static readonly ConcurrentDictionary<string, Lazy<SchoolCohort>> Loaded = new();

    public static TheoryData<string> Schools => new(SchoolCohort.SchoolIds);

    public static SchoolCohort Of(string school) => Loaded.GetOrAdd(school, id => new Lazy<SchoolCohort>(() => SchoolCohort.Load(id))).Value;

    /// <summary>Every <paramref name="step"/>th register of codes only, from the first: a mix of the generator's attendance profiles.</summary>
    public static IEnumerable<Attendance.Rules.Registers.PupilRegister> Sample(SchoolCohort cohort, int step) =>
        cohort.CodedRegisters.Where((_, i) => i % step == 0);
}
