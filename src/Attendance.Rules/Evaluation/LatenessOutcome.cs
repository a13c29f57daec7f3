using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>What a recorded arrival time gave at its session's registration window.</summary>
/// <param name="Session">The session.</param>
/// <param name="Arrival">The arrival time.</param>
/// <param name="Outcome">The window used, the code the arrival gives, the sanctions that apply, and whether it disagrees with the recorded code.</param>
public sealed record LatenessOutcome(Session Session, LocalTime Arrival, ArrivalOutcome Outcome);
