using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies.Leave;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Policies;

/// <summary>
/// A school's attendance policy, resolved (its national base merged in) and validated. Immutable
/// and thread-safe; load one with <c>PolicyLoader</c> and compile it with
/// <c>PolicyEvaluator.Compile</c>. Two policies are equal when their content is.
/// </summary>
public sealed record Policy
{
    /// <summary>The policy's id, for example <c>laurence-jackson</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The policy's own version.</summary>
    public required string Version { get; init; }

    /// <summary>The school's name.</summary>
    public required string Name { get; init; }

    /// <summary>The local authority, where given.</summary>
    public string? LocalAuthority { get; init; }

    /// <summary>The school's phase (primary, secondary…), where given.</summary>
    public string? Phase { get; init; }

    /// <summary>The document the policy encodes.</summary>
    public required PolicyDocument Document { get; init; }

    /// <summary>Year groups of compulsory school age, to which penalty-notice and legal rules apply.</summary>
    public ValueList<string> CompulsoryYearGroups { get; init; } = ValueList<string>.Empty;

    /// <summary>Years the register's entries are kept.</summary>
    public int? RetentionYears { get; init; }

    /// <summary>The longest a register may stay open, in minutes (national: 30).</summary>
    public int? RegisterOpenLimitMinutes { get; init; }

    /// <summary>Named code lists rules refer to.</summary>
    public ValueList<KeyValuePair<string, ValueList<string>>> CodeSets { get; init; } = ValueList<KeyValuePair<string, ValueList<string>>>.Empty;

    /// <summary>The persistent and severe absence thresholds.</summary>
    public AbsenceThresholds AbsenceFlags { get; init; } = AbsenceThresholds.National;

    /// <summary>The quotes for the absence thresholds.</summary>
    public ValueList<string> AbsenceFlagSources { get; init; } = ValueList<string>.Empty;

    /// <summary>Registration windows and lateness sanctions.</summary>
    public Registration Registration { get; init; } = Registration.None;

    /// <summary>The penalty-notice sequence, where the policy has one.</summary>
    public PenaltyNotices? PenaltyNotices { get; init; }

    /// <summary>The rules for leave-of-absence requests, where the policy has them.</summary>
    public LeavePolicy? Leave { get; init; }

    /// <summary>Recorded contradictions, silences and unencoded passages.</summary>
    public ValueList<PolicyNote> Notes { get; init; } = ValueList<PolicyNote>.Empty;

    /// <summary>The rules, national ones first (as replaced by the school), then the school's own.</summary>
    public ValueList<Rule> Rules { get; init; } = ValueList<Rule>.Empty;

    /// <summary>Named conditions without actions, reported on every pupil's result.</summary>
    public ValueList<Indicator> Indicators { get; init; } = ValueList<Indicator>.Empty;

    /// <summary>Policy-wide defaults of the language v2.</summary>
    public PolicyDefaults Defaults { get; init; } = PolicyDefaults.None;

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">The rule's id.</param>
    /// <returns>The rule, or null.</returns>
    public Rule? FindRule(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
