using Attendance.Rules.Benchmarks.Cohorts;
using Attendance.Rules.Benchmarks.Peers;

namespace Attendance.Rules.Benchmarks.Tests;

/// <summary>
/// On a sample of each school's generated registers (codes only, no calendar: what the peers read),
/// each peer gives the same actions (rule, kind, stage, date, session) as the engine for the rules
/// it covers, so the benchmarks' ratios compare equal work. Each comparison also requires actions
/// to exist, so it cannot pass on empty sets.
/// </summary>
public class PeerEquivalenceTests
{
    public static TheoryData<string> Schools => Cohorts.Schools;

    [Theory]
    [MemberData(nameof(Schools))]
    public void The_reference_evaluator_gives_the_engines_actions(string school)
    {
        var cohort = Cohorts.Of(school);
        var compared = 0;
        foreach (var register in Cohorts.Sample(cohort, 67))
        {
            var engine = Lines(cohort.Compiled.Evaluate(register, cohort.AsOf).Actions.Select(PeerAction.Of));
            var reference = Lines(ReferencePeer.Actions(cohort.Policy, register, cohort.AsOf));
            Assert.True(engine == reference, $"{school} {register.PupilId}:{Environment.NewLine}engine:{Environment.NewLine}{engine}{Environment.NewLine}reference:{Environment.NewLine}{reference}");
            compared += engine.Length == 0 ? 0 : engine.Split(Environment.NewLine).Length;
        }

        Assert.True(compared > 0, $"{school}: the sample has no actions to compare");
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void RulesEngine_gives_the_engines_actions_and_flags_for_the_rules_it_covers(string school)
    {
        var cohort = Cohorts.Of(school);
        var peer = new RulesEnginePeer(cohort.Policy);
        var compared = 0;
        var persistent = 0;
        foreach (var register in Cohorts.Sample(cohort, 10))
        {
            var evaluation = cohort.Compiled.Evaluate(register, cohort.AsOf);
            var engine = Lines(evaluation.Actions.Select(PeerAction.Of).Where(peer.Coverage.Covers));
            var result = peer.Evaluate(register, cohort.AsOf);
            var rulesEngine = Lines(result.Actions);
            Assert.True(engine == rulesEngine, $"{school} {register.PupilId}:{Environment.NewLine}engine:{Environment.NewLine}{engine}{Environment.NewLine}RulesEngine:{Environment.NewLine}{rulesEngine}");
            Assert.Equal(evaluation.Figures.IsPersistentAbsence, result.Persistent);
            Assert.Equal(evaluation.Figures.IsSevereAbsence, result.Severe);
            compared += result.Actions.Count;
            persistent += result.Persistent ? 1 : 0;
        }

        Assert.True(compared > 0, $"{school}: the sample has no covered actions to compare");
        Assert.True(persistent > 0, $"{school}: no pupil of the sample is persistently absent, so the flag is not compared both ways");
    }

    [Fact]
    public void RulesEngine_covers_a_percentage_rule_and_a_penalty_notice_threshold_in_every_policy()
    {
        foreach (var school in SchoolCohort.SchoolIds)
        {
            var coverage = RulesEngineCoverage.Of(Cohorts.Of(school).Policy);
            Assert.True(coverage.Percentages.Count + (coverage.Staged is null ? 0 : 1) > 0, $"{school}: no percentage rule covered");
            Assert.True(coverage.Threshold is not null, $"{school}: no penalty-notice threshold covered");
        }
    }

    private static string Lines(IEnumerable<PeerAction> actions) =>
        string.Join(Environment.NewLine, actions.Select(a => a.ToString()).Order(StringComparer.Ordinal));
}
