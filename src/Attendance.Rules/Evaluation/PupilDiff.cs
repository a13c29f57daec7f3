using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// How one pupil's actions differ between two policies evaluated on the same register and date:
/// the actions only the second raises (<see cref="Gained"/>), only the first (<see cref="Lost"/>),
/// and those both raise on different days (<see cref="Moved"/>). Made by <see cref="PolicyComparison.Compare(PupilEvaluation, PupilEvaluation)"/>.
/// </summary>
public sealed record PupilDiff
{
    /// <summary>The pupil.</summary>
    public required string PupilId { get; init; }

    /// <summary>Actions the second policy raises and the first does not, in date, session and rule order.</summary>
    public required ValueList<PolicyAction> Gained { get; init; }

    /// <summary>Actions the first policy raises and the second does not, in date, session and rule order.</summary>
    public required ValueList<PolicyAction> Lost { get; init; }

    /// <summary>Actions both raise (the same rule, stage and kind) on a different day or session, in the first policy's date order.</summary>
    public required ValueList<MovedAction> Moved { get; init; }

    /// <summary>Actions both policies raise on the same day and session (as the second gives them), in date, session and rule order.</summary>
    public required ValueList<PolicyAction> Unchanged { get; init; }

    /// <summary>Whether anything differs for this pupil.</summary>
    public bool HasChanges => Gained.Count > 0 || Lost.Count > 0 || Moved.Count > 0;
}
