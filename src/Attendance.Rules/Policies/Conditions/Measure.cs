namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// What a comparison measures over its window: a percentage of possible sessions, a count, a
/// run, or a change. Each kind is declared once, in <c>Policies/Conditions/Measures</c>, with its
/// keys and doc line; the set of kinds is closed.
/// </summary>
public abstract record Measure
{
    private protected Measure()
    {
    }

    /// <summary>Whether the measure is a percentage (compared exactly, by cross-multiplying).</summary>
    public abstract bool IsPercentage { get; }

    /// <summary>The least number a comparison of this measure may give.</summary>
    public virtual decimal Minimum => 0m;

    /// <summary>The greatest number a comparison of this measure may give.</summary>
    public virtual decimal Maximum => IsPercentage ? 100m : 10_000m;

    /// <summary>Whether its value depends on the window (a run does not: it is the current one).</summary>
    internal virtual bool UsesWindow => true;

    /// <summary>The words the evidence adds for a measure that counts the recorded code only.</summary>
    private protected static string AsRecorded(CodeReading reading) => reading == CodeReading.Recorded ? " as recorded" : string.Empty;
}
