using Attendance.Rules.Loading.Language;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Loading;

/// <summary>
/// Writes a policy's v1 rule types in the policy language v2 (<c>attendance-rules migrate</c>), by
/// one table: <c>attendance_below</c>, <c>session_count</c>, <c>consecutive_days</c> and
/// <c>reward</c> become rules with <c>when</c>, and every stage condition a condition; events
/// (<c>daily_code</c>, <c>unresolved_code</c>, <c>code_starts</c>, <c>code_ends</c>, <c>admission</c>,
/// <c>reinterpret</c>, <c>scheduled</c>) keep their kinds. The v2 form falls due on the same days and
/// sessions as the v1 form (docs/policy-format.md lists the one place they part: a run still going
/// when a new academic year starts).
/// </summary>
public static class PolicyMigration
{
    /// <summary>The policy with its v1 rule types written as v2 rules.</summary>
    /// <param name="policy">A resolved policy.</param>
    /// <returns>An equal policy where nothing was v1; otherwise the migrated policy. A reward judged both each term and each year becomes two rules, the second with the id suffix <c>-year</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static Policy ToV2(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy with { Rules = ValueList<Policies.Rules.Rule>.From(policy.Rules.SelectMany(V1Expansion.Expand)) };
    }
}
