using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>Whether a rule whose condition holds may fire now, by its repeat mode.</summary>
internal struct FiringGate(RepeatMode mode)
{
    private bool firedThisYear;
    private bool held;

    /// <summary>Whether the rule fired this academic year.</summary>
    public readonly bool FiredThisYear => firedThisYear;

    /// <summary>Whether the condition holding at the next point would fire the rule (asked of a copy, so this gate is unchanged).</summary>
    public readonly bool WouldFire
    {
        get
        {
            var copy = this;
            return copy.Fires(true);
        }
    }

    public void StartYear()
    {
        firedThisYear = false;
        held = false;
    }

    /// <summary>Records that the condition still holds (a run carried into a new academic year) without firing: it fires again only after it lapses.</summary>
    public void KeepHolding() => held = true;

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
            if (firedThisYear || wasHeld)
            {
                return false;
            }

            firedThisYear = true;
            return true;
        }

        // Fresh counts and every_time fall due at every point the condition holds (a fresh count
        // holds again only once new sessions reach it).
        return mode is RepeatMode.FreshSessions or RepeatMode.EveryTime || !wasHeld;
    }
}
