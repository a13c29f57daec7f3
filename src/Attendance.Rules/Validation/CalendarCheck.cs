using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Validation;

/// <summary>
/// Where the policy needs a school calendar: every comparison of a <c>projected</c> measure, which
/// counts the school days left in the year from the calendar and without one has no value (so the
/// comparison never holds, silently). Judged periods and term windows are not listed: without a
/// calendar their ends are inferred from the register and the evaluation date (docs/policy-format.md).
/// </summary>
internal static class CalendarCheck
{
    private const string Message = "needs a calendar: projected attendance counts the school days left in the year from the school calendar; without one it has no value and this comparison never holds";

    private const string Expected = "a calendar given when evaluating (validate --calendar <file> to check with one)";

    public static IReadOnlyList<PolicyDiagnostic> Run(Policy policy, Locator at)
    {
        var found = new List<PolicyDiagnostic>();
        foreach (var rule in policy.Rules)
        {
            switch (rule)
            {
                case ConditionRule c:
                    Add(c.When, c.Id, string.Empty, at, found, c);
                    break;
                case StagedRule s:
                    foreach (var stage in s.Stages)
                    {
                        if (stage.When is ConditionStage cs)
                        {
                            Add(cs.When, s.Id, $"stage {stage.Number}: ", at, found, stage);
                        }
                    }

                    break;
            }
        }

        foreach (var indicator in policy.Indicators)
        {
            Add(indicator.When, null, $"the indicator '{indicator.Id}' ", at, found, indicator);
        }

        return found;
    }

    private static void Add(Condition condition, string? ruleId, string prefix, Locator at, List<PolicyDiagnostic> found, object owner)
    {
        foreach (var comparison in condition.Comparisons().Where(c => c.Measure is ProjectedMeasure))
        {
            found.Add(at.Warning(ruleId, prefix + Message, Expected, null, comparison, owner));
        }
    }
}
