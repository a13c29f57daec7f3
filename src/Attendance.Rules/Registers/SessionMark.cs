using System.Globalization;
using Attendance.Rules.Codes;
using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>
/// The mark a pupil's register holds for one session: a national code valid on the session's date,
/// optionally the pupil's arrival time, and facts such as medical evidence. A mark may have an
/// arrival time and no code; the policy's registration window then decides its code.
/// </summary>
public readonly record struct SessionMark
{
    private SessionMark(Session session, AttendanceCode? code, LocalTime? arrival, MarkFacts facts)
    {
        Session = session;
        Code = code;
        Arrival = arrival;
        Facts = facts;
    }

    /// <summary>The session marked.</summary>
    public Session Session { get; }

    /// <summary>The national code, or null for an arrival still to be classified by a policy.</summary>
    public AttendanceCode? Code { get; }

    /// <summary>The pupil's arrival time, where recorded.</summary>
    public LocalTime? Arrival { get; }

    /// <summary>Facts recorded with the mark.</summary>
    public MarkFacts Facts { get; }

    /// <summary>Whether medical evidence was provided.</summary>
    public bool HasMedicalEvidence => (Facts & MarkFacts.MedicalEvidence) != 0;

    /// <summary>Creates a mark from a code as written.</summary>
    /// <param name="session">The session.</param>
    /// <param name="code">The code as written, for example <c>I</c>; it must be valid on the session's date.</param>
    /// <param name="arrival">The arrival time, if recorded.</param>
    /// <param name="facts">Facts recorded with the mark.</param>
    /// <returns>The mark.</returns>
    /// <exception cref="RegisterException">The code is not valid on the session's date.</exception>
    public static SessionMark Create(Session session, string code, LocalTime? arrival = null, MarkFacts facts = MarkFacts.None)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!NationalCodeTable.TryFind(code, session.Date, out var found))
        {
            throw new RegisterException(new RegisterDiagnostic(null, session, NationalCodeTable.InvalidCodeMessage(code, session.Date)));
        }

        return new SessionMark(session, found, arrival, facts);
    }

    /// <summary>Creates a mark from a code taken from <see cref="NationalCodeTable"/>.</summary>
    /// <param name="session">The session.</param>
    /// <param name="code">The code; its set must be in force on the session's date.</param>
    /// <param name="arrival">The arrival time, if recorded.</param>
    /// <param name="facts">Facts recorded with the mark.</param>
    /// <returns>The mark.</returns>
    /// <exception cref="RegisterException">The code is not valid on the session's date.</exception>
    public static SessionMark Create(Session session, AttendanceCode code, LocalTime? arrival = null, MarkFacts facts = MarkFacts.None)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!code.IsValidOn(session.Date))
        {
            throw new RegisterException(new RegisterDiagnostic(null, session, NationalCodeTable.InvalidCodeMessage(code.Code, session.Date)));
        }

        return new SessionMark(session, code, arrival, facts);
    }

    /// <summary>Creates a mark with an arrival time and no code, for a policy's registration window to classify.</summary>
    /// <param name="session">The session.</param>
    /// <param name="arrival">The pupil's arrival time.</param>
    /// <param name="facts">Facts recorded with the mark, such as <see cref="MarkFacts.ReasonAccepted"/>.</param>
    /// <returns>The mark.</returns>
    public static SessionMark Arrived(Session session, LocalTime arrival, MarkFacts facts = MarkFacts.None) =>
        new(session, null, arrival, facts);

    /// <summary>This mark with its code set, keeping its session, arrival and facts.</summary>
    /// <param name="code">The code; its set must be in force on the session's date.</param>
    /// <returns>The classified mark.</returns>
    public SessionMark WithCode(AttendanceCode code) => Create(Session, code, Arrival, Facts);

    /// <summary>Formats the mark as <c>2025-09-08 AM L 08:52</c>.</summary>
    /// <returns>The session, code and arrival time.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Session} {Code?.Code ?? "?"}{(Arrival is { } a ? " " + a.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty)}");
}
