using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using Attendance.Rules.Tests.Evaluation;
using FsCheck.Xunit;

namespace Attendance.Rules.Tests.Reference;

/// <summary>
/// The engine against the naive reference evaluator, for random registers (codes only, no arrival
/// times, no calendar) and every policy file under policies/: the same figures, threshold hits
/// (rule, date, counted sessions) and actions (rule, kind, stage, date, session).
/// </summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 100)]
public class DifferentialProperties
{
    private static readonly CompiledPolicy[] Policies =
        RepositoryPaths.AllPolicies().Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p))).ToArray();

    // Year groups vary with the case so referrals are checked for pupils in and out of compulsory age.
    private static readonly string?[] YearGroups = [null, "9", "R", "N2", "12"];

    [Fact]
    public void Every_policy_file_is_compared()
    {
        Assert.Equal(RepositoryPaths.AllPolicies().Count(), Policies.Length);
        Assert.NotEmpty(Policies);
    }

    [Property]
    public void The_engine_and_the_reference_give_the_same_figures_hits_and_actions(RegisterCase c)
    {
        var policy = Policies[c.PolicyIndex % Policies.Length];
        var register = PupilRegister.Create(c.Register.PupilId, CodesOnly(c.Register.Marks), YearGroups[c.PolicyIndex / Policies.Length % YearGroups.Length]);
        Compare(policy, register, c);
    }

    [Property]
    public void They_agree_on_registers_with_new_entries_site_closures_and_days_with_one_session(RegisterCase c, int variation)
    {
        var policy = Policies[c.PolicyIndex % Policies.Length];
        var register = PupilRegister.Create(c.Register.PupilId, CodesOnly(Vary(c.Register, variation)), YearGroups[c.PolicyIndex / Policies.Length % YearGroups.Length]);
        Compare(policy, register, c with { Register = register });
    }

    /// <summary>
    /// The codes the case generator rarely writes: the first school days not yet on roll (Z), a
    /// whole site closed for a day (Y4), a closed half day (#), and days with no afternoon mark.
    /// </summary>
    /// <summary>The reference leaves arrival times out (no registration windows): compare on the codes alone.</summary>
    private static IEnumerable<SessionMark> CodesOnly(IEnumerable<SessionMark> marks) =>
        marks.Select(m => SessionMark.Create(m.Session, m.Code!, null, m.Facts));

    private static List<SessionMark> Vary(PupilRegister register, int variation)
    {
        var random = new Random(variation);
        var dates = register.Marks.Select(m => m.Session.Date).Distinct().Order().ToList();
        var notOnRoll = dates.Take(random.Next(0, 8)).ToHashSet();
        var closed = dates.Where(_ => random.Next(30) == 0).ToHashSet();
        var halfClosed = dates.Where(_ => random.Next(30) == 0).ToHashSet();
        var morningOnly = dates.Where(_ => random.Next(40) == 0).ToHashSet();
        var marks = new List<SessionMark>();
        foreach (var m in register.Marks)
        {
            var d = m.Session.Date;
            if (morningOnly.Contains(d) && m.Session.Part == SessionOfDay.PM)
            {
                continue;
            }

            var code = notOnRoll.Contains(d) ? "Z"
                : closed.Contains(d) && d >= new NodaTime.LocalDate(2024, 8, 19) ? "Y4"
                : halfClosed.Contains(d) && m.Session.Part == SessionOfDay.PM ? "#"
                : m.Code!.Code;
            marks.Add(SessionMark.Create(m.Session, code, null, m.Facts));
        }

        return marks;
    }

    internal static void Compare(CompiledPolicy policy, PupilRegister register, RegisterCase c, string? about = null)
    {
        var engine = policy.Evaluate(register, c.AsOf);
        var reference = ReferenceEvaluator.Evaluate(policy.Policy, register, c.AsOf);
        var context = $"{about ?? policy.Policy.Id}, year group {register.YearGroup ?? "unknown"}, {c}";

        var f = engine.Figures;
        var engineFigures = new ReferenceFigures(f.Period, f.PossibleSessions, f.PresentSessions, f.ApprovedEducationalActivitySessions,
            f.AuthorisedAbsenceSessions, f.UnauthorisedAbsenceSessions, f.LateSessions, f.IsPersistentAbsence, f.IsSevereAbsence);
        Assert.True(engineFigures == reference.Figures, $"figures: engine {engineFigures}, reference {reference.Figures}; {context}");

        var engineHits = Lines(engine.ThresholdHits.Select(h => new ReferenceHit(h.RuleId, h.Date, h.CountedSessions.Order().ToList())));
        var referenceHits = Lines(reference.Hits.Select(h => h with { Counted = h.Counted.Order().ToList() }));
        Assert.True(engineHits == referenceHits, $"threshold hits:{Environment.NewLine}engine:{Environment.NewLine}{engineHits}{Environment.NewLine}reference:{Environment.NewLine}{referenceHits}{Environment.NewLine}{context}");

        var engineActions = Lines(engine.Actions.Select(a => new ReferenceAction(a.RuleId, a.Kind, a.Stage, a.Date, a.Session)));
        var referenceActions = Lines(reference.Actions);
        Assert.True(engineActions == referenceActions, $"actions:{Environment.NewLine}engine:{Environment.NewLine}{engineActions}{Environment.NewLine}reference:{Environment.NewLine}{referenceActions}{Environment.NewLine}{Diff(engineActions, referenceActions)}{Environment.NewLine}{context}");
    }

    private static string Lines<T>(IEnumerable<T> items) =>
        string.Join(Environment.NewLine, items.Select(i => i!.ToString()).Order(StringComparer.Ordinal));

    private static string Diff(string engine, string reference)
    {
        var e = engine.Split(Environment.NewLine).ToList();
        var r = reference.Split(Environment.NewLine).ToList();
        foreach (var line in r.ToList())
        {
            if (e.Remove(line))
            {
                r.Remove(line);
            }
        }

        return $"only in engine: {string.Join("; ", e)}{Environment.NewLine}only in reference: {string.Join("; ", r)}";
    }
}
