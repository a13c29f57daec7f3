namespace Attendance.Rules.Policies.Rules;

/// <summary>
/// What a rule stands for beyond its own action, so that reports find it by meaning rather than
/// by its id. Written <c>role:</c> on the rule.
/// </summary>
public enum RuleRole
{
    /// <summary>No role (the default).</summary>
    None = 0,

    /// <summary>
    /// The threshold at which a penalty notice must be considered (<c>penalty_notice_threshold</c>):
    /// its threshold hits are the ones reports list as penalty-notice hits. At most one rule of a
    /// policy has it.
    /// </summary>
    PenaltyNoticeThreshold = 1,
}
