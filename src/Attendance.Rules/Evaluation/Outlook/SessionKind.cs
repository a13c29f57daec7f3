namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>The kind of further session a <see cref="Distance"/> counts.</summary>
public enum SessionKind
{
    /// <summary>None: the distance gives no number.</summary>
    None,

    /// <summary>Absence of any kind (authorised or not): each adds one to the possible sessions and none to attendance.</summary>
    Absent,

    /// <summary>Unauthorised absence (O, G, U, N): counted for absence and unauthorised percentages.</summary>
    Unauthorised,

    /// <summary>A session with one of the rule's codes (<see cref="Distance.Codes"/>).</summary>
    Codes,

    /// <summary>A session attended: for a line reached by attending (a target or a reward).</summary>
    Present,
}
