using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Policies;

/// <summary>A sanction (a detention) triggered by an arrival time.</summary>
/// <param name="Id">Unique among the policy's rules and sanctions.</param>
/// <param name="Title">In the school's words.</param>
/// <param name="Session">The session it applies to; null for both.</param>
/// <param name="ArrivalAfter">Arrival strictly after this time triggers it.</param>
/// <param name="ArrivalUntil">Arrival after this time does not; null for no upper bound.</param>
/// <param name="ExemptWithAcceptedReason">Whether a reason the school accepts exempts the pupil.</param>
/// <param name="Sources">The quotes it encodes.</param>
public sealed record LatenessSanction(
    string Id,
    string Title,
    SessionOfDay? Session,
    LocalTime ArrivalAfter,
    LocalTime? ArrivalUntil,
    bool ExemptWithAcceptedReason,
    ValueList<string> Sources)
{
    /// <summary>Whether an arrival triggers the sanction.</summary>
    /// <param name="session">The session.</param>
    /// <param name="arrival">The arrival time.</param>
    /// <param name="reasonAccepted">Whether the school accepted the reason.</param>
    /// <returns>True where it applies.</returns>
    public bool AppliesTo(SessionOfDay session, LocalTime arrival, bool reasonAccepted) =>
        (Session is null || Session == session)
        && arrival > ArrivalAfter
        && (ArrivalUntil is null || arrival <= ArrivalUntil)
        && !(reasonAccepted && ExemptWithAcceptedReason);
}
