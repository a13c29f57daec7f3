namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>The line a <see cref="Distance"/> measures.</summary>
public enum DistanceSubject
{
    /// <summary>A rule's condition: a threshold (<c>session_count</c>, <c>attendance_below</c>, <c>consecutive_days</c>) or a rule with <c>when</c>.</summary>
    Rule,

    /// <summary>The next stage of a staged rule not yet reached this academic year.</summary>
    Stage,

    /// <summary>One of the policy's indicators.</summary>
    Indicator,

    /// <summary>The national persistent-absence line (absence at or above the policy's persistent percentage).</summary>
    PersistentAbsence,

    /// <summary>The national severe-absence line (absence at or above the policy's severe percentage).</summary>
    SevereAbsence,
}
