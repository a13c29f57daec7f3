namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// The stretch of the register a comparison measures (<c>over:</c>), seen from the point judged.
/// Each kind is declared once, in <c>Policies/Conditions/Windows</c>; the set is closed.
/// </summary>
public abstract record Window
{
    private protected Window()
    {
    }

    /// <summary>The action the window is anchored at, where it is.</summary>
    public virtual ActionReference? Anchor => null;
}
