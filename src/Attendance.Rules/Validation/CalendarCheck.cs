using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;

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

    public static IReadOnlyList<PolicyDiagnostic> Run(Policy policy, Locator at) =>
        [.. ConditionSite.Of(policy).SelectMany(site => site.When.Comparisons()
            .Where(c => c.Measure is ProjectedMeasure)
            .Select(c => at.Warning(site.RuleId, site.Prefix + Message, Expected, null, c, site.Owner)))];
}
