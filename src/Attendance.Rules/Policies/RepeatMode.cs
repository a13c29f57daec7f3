namespace Attendance.Rules.Policies;

/// <summary>When a rule may fire again after it has fired.</summary>
public enum RepeatMode
{
    /// <summary>At most once per academic year (the default for all but count thresholds).</summary>
    OncePerYear,

    /// <summary>Again after the condition has stopped holding and holds again.</summary>
    OnLapse,

    /// <summary>Again whenever the count is reached from sessions not counted in an earlier hit (the default for counts).</summary>
    FreshSessions,

    /// <summary>At every judged point where the condition holds (language v2 rules only).</summary>
    EveryTime,
}
