namespace Attendance.Rules.Policies;

/// <summary>Policy-wide defaults for the language v2 (<c>defaults:</c>).</summary>
/// <param name="MinPossibleSessions">The fewest possible sessions for any percentage comparison that sets none ("no letter before 20 possible sessions"); null for none.</param>
public sealed record PolicyDefaults(int? MinPossibleSessions)
{
    /// <summary>No defaults: no grace period (decisions.md).</summary>
    public static PolicyDefaults None { get; } = new((int?)null);
}
