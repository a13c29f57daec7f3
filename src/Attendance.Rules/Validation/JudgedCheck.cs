using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;

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
        foreach (var site in ConditionSite.Of(policy).Where(s => s.Judged is not (JudgedPeriod.Session or JudgedPeriod.Day)))
        {
            foreach (var comparison in site.When.Comparisons().Where(c => c.Over is MonitoringWindow { Early: false }))
            {
                warnings.Add(at.Warning(site.RuleId, $"{site.Prefix}a monitoring period is judged at the end of its last school day, which a rule judged each {site.Judged.ToString().ToLowerInvariant()} sees only when the period ends on the last school day of one", Expected, null, comparison, site.Owner));
            }
        }
    }
}
