using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using SampleRegisters;

namespace Attendance.Rules.Benchmarks.Cohorts;

/// <summary>
/// One seed school's benchmark data, built before anything is measured: its policy (text, loaded
/// and compiled), its generated cohort of the 2025/26 school year as <see cref="PupilRegister"/>s
/// (the samples' generator, so like <c>samples/data</c>: arrival times, some left for the policy to
/// classify, medical evidence), the same registers with every arrival replaced by its classified
/// code (what the peers can read), and the calendar.
/// </summary>
public sealed class SchoolCohort
{
    private static readonly LocalDate YearStart = new(2025, 8, 1);

    private SchoolCohort(SampleSchool school, string policyText, Policy policy, CompiledPolicy compiled, PupilRegister[] registers, PupilRegister[] coded)
    {
        School = school;
        PolicyText = policyText;
        Policy = policy;
        Compiled = compiled;
        Registers = registers;
        CodedRegisters = coded;
        Marks = registers.Sum(r => r.Marks.Length);
    }

    /// <summary>The seed schools' ids, in the samples' order (the benchmarks' parameter values).</summary>
    public static IReadOnlyList<string> SchoolIds { get; } = SampleSchool.All.Select(s => s.Id).ToArray();

    /// <summary>The school.</summary>
    public SampleSchool School { get; }

    /// <summary>The school's id (its policy file's name).</summary>
    public string Id => School.Id;

    /// <summary>The policy file's text, read once, so loading can be measured without disk I/O.</summary>
    public string PolicyText { get; }

    /// <summary>The policy file's name, as the loader reports it.</summary>
    public string PolicyFileName => Id + ".yaml";

    /// <summary>The loaded policy.</summary>
    public Policy Policy { get; }

    /// <summary>The compiled policy.</summary>
    public CompiledPolicy Compiled { get; }

    /// <summary>The cohort's registers for the whole 2025/26 school year, as generated (with arrival times).</summary>
    public PupilRegister[] Registers { get; }

    /// <summary>
    /// The same registers with codes only: each arrival replaced by the code the policy's registration
    /// table classifies it as (a recorded code is kept), the arrival time dropped. The peers' input.
    /// </summary>
    public PupilRegister[] CodedRegisters { get; }

    /// <summary>The number of session marks in <see cref="Registers"/> (the same in <see cref="CodedRegisters"/>).</summary>
    public int Marks { get; }

    /// <summary>The evaluation date: the last school day of the year, so the whole year is evaluated.</summary>
    public LocalDate AsOf => SampleCalendar.LastDay;

    /// <summary>The school calendar.</summary>
    public SchoolCalendar Calendar => SampleYearCalendar.Calendar;

    /// <summary>Builds a school's cohort: loads its policy from <c>policies/</c> and generates its pupils with the samples' seed.</summary>
    /// <param name="schoolId">The school's id, one of <see cref="SchoolIds"/>.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>The cohort.</returns>
    public static SchoolCohort Load(string schoolId, int seed = SampleRegisterGenerator.DefaultSeed)
    {
        var school = SampleSchool.All.SingleOrDefault(s => s.Id == schoolId)
            ?? throw new ArgumentException($"no seed school '{schoolId}'; expected one of {string.Join(", ", SchoolIds)}", nameof(schoolId));
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Policies, school.Id + ".yaml"));
        var policy = PolicyLoader.LoadFromString(text, school.Id + ".yaml");
        var compiled = PolicyEvaluator.Compile(policy);
        var generated = SampleRegisterGenerator.Generate(school, policy, seed);
        var yearGroups = generated.Pupils.ToDictionary(p => p.Id, p => p.YearGroup);
        var registers = generated.Rows
            .Where(r => r.Date >= YearStart)
            .GroupBy(r => r.Pupil)
            .Select(g => PupilRegister.Create(g.Key, g.Select(Mark), yearGroups[g.Key]))
            .ToArray();
        var coded = registers.Select(r => CodesOnly(compiled, r)).ToArray();
        return new SchoolCohort(school, text, policy, compiled, registers, coded);
    }

    /// <summary>A register with each arrival replaced by its classified code and no arrival times.</summary>
    /// <param name="compiled">The policy whose registration windows classify the arrivals.</param>
    /// <param name="register">The register.</param>
    /// <returns>The register of codes only.</returns>
    public static PupilRegister CodesOnly(CompiledPolicy compiled, PupilRegister register)
    {
        var marks = new SessionMark[register.Marks.Length];
        for (var i = 0; i < marks.Length; i++)
        {
            var m = register.Marks[i];
            if (m.Arrival is null)
            {
                marks[i] = m;
                continue;
            }

            var code = m.Code?.Code ?? compiled.Registration.Classify(m, register.YearGroup).Code
                ?? throw new InvalidOperationException($"{register.PupilId} {m.Session}: no window classifies the arrival");
            marks[i] = SessionMark.Create(m.Session, code, null, m.Facts);
        }

        return PupilRegister.Create(register.PupilId, marks, register.YearGroup);
    }

    private static SessionMark Mark(SampleRow row)
    {
        var session = new Session(row.Date, row.Afternoon ? SessionOfDay.PM : SessionOfDay.AM);
        var facts = row.Evidence ? MarkFacts.MedicalEvidence : MarkFacts.None;
        return row.Code.Length == 0 && row.Arrival is { } arrival
            ? SessionMark.Arrived(session, arrival, facts)
            : SessionMark.Create(session, row.Code, row.Arrival, facts);
    }
}
