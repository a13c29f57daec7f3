using Attendance.Rules.Benchmarks.Cohorts;
using BenchmarkDotNet.Attributes;

namespace Attendance.Rules.Benchmarks.Benchmarks;

/// <summary>A benchmark run once per seed school, with the school's cohort built in the global set-up.</summary>
public abstract class SchoolParams
{
    /// <summary>The seed schools.</summary>
    public static IEnumerable<string> Schools => SchoolCohort.SchoolIds;

    /// <summary>The school (its policy file's name).</summary>
    [ParamsSource(nameof(Schools))]
    public string School { get; set; } = "laurence-jackson";

    /// <summary>The school's cohort.</summary>
    protected SchoolCohort Cohort { get; private set; } = null!;

    /// <summary>Builds the cohort: policy loaded and compiled, registers generated.</summary>
    [GlobalSetup]
    public virtual void Setup() => Cohort = SchoolCohort.Load(School);
}
