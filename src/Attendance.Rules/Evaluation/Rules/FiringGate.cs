using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>Whether a rule whose condition holds may fire now, by its repeat mode.</summary>
internal struct FiringGate(RepeatMode mode)
{
    private bool firedThisYear;
    private bool held;

    public void StartYear()
    {
        firedThisYear = false;
        held = false;
    }

    /// <summary>Records whether the condition holds now; true where the rule fires.</summary>
    public bool Fires(bool holds)
    {
        var wasHeld = held;
        held = holds;
        if (!holds)
        {
            return false;
        }

        if (mode == RepeatMode.OncePerYear)
        {
            if (firedThisYear)
            {
                return false;
            }

            firedThisYear = true;
            return true;
        }

        return !wasHeld;
    }
}
