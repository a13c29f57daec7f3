using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Validation;

/// <summary>
/// A monitoring period (not <c>early</c>) has a value only at the end of its last school day, so a
/// rule judged on the last school day of a week, half term, term or year sees it only when the
/// period happens to end on such a day: almost never what the document means.
/// </summary>
internal static class JudgedCheck
{
    private const string Expected = "judged: day (the default) or session, or early: true on the window";

    public static void Run(Policy policy, Locator at, List<PolicyDiagnostic> warnings)
    {
        foreach (var rule in policy.Rules)
        {
            switch (rule)
            {
                case ConditionRule c:
                    Check(c.When, c.Judged, c.Id, string.Empty, at, warnings, c);
                    break;
                case StagedRule s:
                    foreach (var stage in s.Stages)
                    {
                        if (stage.When is ConditionStage cs)
                        {
                            Check(cs.When, cs.Judged, s.Id, $"stage {stage.Number}: ", at, warnings, stage);
                        }
                    }

                    break;
            }
        }
    }

    private static void Check(Condition condition, JudgedPeriod judged, string ruleId, string prefix, Locator at, List<PolicyDiagnostic> warnings, object owner)
    {
        if (judged is JudgedPeriod.Session or JudgedPeriod.Day)
        {
            return;
        }

        foreach (var comparison in condition.Comparisons().Where(c => c.Over is MonitoringWindow { Early: false }))
        {
            warnings.Add(at.Warning(ruleId, $"{prefix}a monitoring period is judged at the end of its last school day, which a rule judged each {judged.ToString().ToLowerInvariant()} sees only when the period ends on the last school day of one", Expected, null, comparison, owner));
        }
    }
}
