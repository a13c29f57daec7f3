using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Tests.Samples;

namespace Attendance.Rules.Tests.Loading;

/// <summary>
/// Each v1 rule type and its v2 expansion (PolicyMigration, one table) give the same actions and
/// threshold hits on the shipped sample cohorts, and the migrated policies write and read back equal.
/// </summary>
public class PolicyMigrationTests
{
    public static TheoryData<string> Schools => SampleDataTests.Schools;

    public static TheoryData<string> AllPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.AllPolicies())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Policies, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void The_v2_form_of_a_seed_policy_gives_the_same_actions_and_hits_on_its_sample_cohort(string school)
    {
        var sample = SampleDataTests.Load(school);
        var v1 = sample.Policy;
        var v2 = PolicyEvaluator.Compile(PolicyMigration.ToV2(v1.Policy));
        Assert.Contains(v2.Policy.Rules, r => r is ConditionRule);
        var compared = 0;

        foreach (var (pupil, register) in sample.Registers)
        {
            var expected = v1.Evaluate(register, sample.LastDate);
            var actual = v2.Evaluate(register, sample.LastDate);

            Assert.Equal(Actions(expected), Actions(actual));
            Assert.Equal(expected.ThresholdHits.Select(h => (h.RuleId, h.Date, h.Sessions, h.IsPenaltyNoticeThreshold)), actual.ThresholdHits.Select(h => (h.RuleId, h.Date, h.Sessions, h.IsPenaltyNoticeThreshold)));
            compared += expected.Actions.Count;
        }

        Assert.True(compared > 100, $"{school}: only {compared} actions compared");
    }

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public void A_migrated_policy_writes_and_reads_back_equal(string relativePath)
    {
        var migrated = PolicyMigration.ToV2(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, relativePath)));

        var reread = PolicyLoader.LoadFromString(PolicyWriter.Write(migrated), "migrated.yaml");

        Assert.Equal(migrated, reread);
        Assert.DoesNotContain(migrated.Rules, r => r is AttendanceBelowRule or SessionCountRule or ConsecutiveDaysRule or RewardRule);
        Assert.All(migrated.Rules.OfType<StagedRule>().SelectMany(s => s.Stages), s => Assert.IsType<ConditionStage>(s.When));
    }

    [Fact]
    public void A_reward_judged_each_term_and_each_year_becomes_two_rules()
    {
        var policy = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "willoughby-primary.yaml"));
        var reward = Assert.Single(policy.Rules.OfType<RewardRule>());

        var migrated = PolicyMigration.ToV2(policy).Rules.OfType<ConditionRule>().Where(r => r.Id.StartsWith(reward.Id, StringComparison.Ordinal)).ToList();

        Assert.Equal([reward.Id, reward.Id + "-year"], migrated.Select(r => r.Id));
        Assert.Equal([global::Attendance.Rules.Policies.Conditions.JudgedPeriod.Term, global::Attendance.Rules.Policies.Conditions.JudgedPeriod.Year], migrated.Select(r => r.Judged));
    }

    /// <summary>Actions as comparable tuples, a year reward under its v1 id, in a stable order.</summary>
    private static List<(string, ActionKind, int?, NodaTime.LocalDate, global::Attendance.Rules.Registers.SessionOfDay, int)> Actions(PupilEvaluation e) =>
        e.Actions.Select(a => (Id: a.RuleId.EndsWith("-year", StringComparison.Ordinal) ? a.RuleId[..^5] : a.RuleId, a.Kind, a.Stage, a.Date, a.Session, a.Sessions.Count))
            .OrderBy(a => a.Date).ThenBy(a => a.Session).ThenBy(a => a.Id, StringComparer.Ordinal).ThenBy(a => a.Stage)
            .ToList();
}
