using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Benchmarks.Peers;

/// <summary>
/// The part of a policy the RulesEngine peer expresses: the percentage rules (<c>attendance_below</c>
/// over the academic year, and a staged rule's stage 1 when it is an <c>attendance_below</c>
/// condition, with its stage 2 when that is <c>absence_after_previous</c>), the penalty-notice
/// threshold (a <c>session_count</c> over rolling school weeks with fresh sessions), and the
/// persistent and severe absence flags. A reinterpretation (Laurence Jackson: <c>I</c> and <c>M</c>
/// without medical evidence count as <c>O</c> after the Stage 2 letter) is followed where the stage it
/// waits for is covered; otherwise the count rules it could change are left out.
/// </summary>
public sealed class RulesEngineCoverage
{
    private RulesEngineCoverage(Policy policy)
    {
        Policy = policy;
        Percentages = policy.Rules.OfType<AttendanceBelowRule>()
            .Where(r => r.Period == AttendancePeriod.AcademicYear && r.Repeat is RepeatMode.OncePerYear or RepeatMode.OnLapse && r.Action is not null)
            .ToArray();
        Staged = policy.Rules.OfType<StagedRule>().FirstOrDefault(s => s.Stages.Count > 0 && s.Stages[0].When is AttendanceBelowCondition);
        StagedAbsenceAfter = Staged is { Stages.Count: > 1 } st && st.Stages[1].When is AbsenceAfterPreviousCondition;
        Reinterpretations = policy.Rules.OfType<ReinterpretRule>().ToArray();
        var reinterpretationsCovered = Reinterpretations.All(r => Staged is not null && r.AfterRule == Staged.Id && (r.AfterStage == 1 || (r.AfterStage == 2 && StagedAbsenceAfter)));
        Threshold = policy.Rules.OfType<SessionCountRule>()
            .Where(r => r.Window.Kind == CountWindowKind.RollingSchoolWeeks && r.Repeat == RepeatMode.FreshSessions && r.Action is not null)
            .Where(r => reinterpretationsCovered || !Reinterpretations.Any(re => r.Codes.Contains(re.CountAs)))
            .FirstOrDefault();
    }

    /// <summary>The policy.</summary>
    public Policy Policy { get; }

    /// <summary>The <c>attendance_below</c> rules covered.</summary>
    public IReadOnlyList<AttendanceBelowRule> Percentages { get; }

    /// <summary>The staged rule whose first stage (a percentage letter) is covered, if any.</summary>
    public StagedRule? Staged { get; }

    /// <summary>Whether the staged rule's stage 2 (<c>absence_after_previous</c>) is covered too.</summary>
    public bool StagedAbsenceAfter { get; }

    /// <summary>The policy's reinterpretations.</summary>
    public IReadOnlyList<ReinterpretRule> Reinterpretations { get; }

    /// <summary>The penalty-notice threshold covered, if any.</summary>
    public SessionCountRule? Threshold { get; }

    /// <summary>Whether the engine's action is one the peer covers.</summary>
    public bool Covers(PeerAction action) =>
        Percentages.Any(r => r.Id == action.RuleId)
        || (Staged is not null && action.RuleId == Staged.Id && (action.Stage == 1 || (action.Stage == 2 && StagedAbsenceAfter)))
        || (Threshold is not null && action.RuleId == Threshold.Id);

    /// <summary>What the peer covers in a policy.</summary>
    public static RulesEngineCoverage Of(Policy policy) => new(policy);
}
