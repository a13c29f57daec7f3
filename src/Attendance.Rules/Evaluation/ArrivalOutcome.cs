using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// How a policy's registration window classifies an arrival: the code to record, the window used,
/// whether the pupil was late, and the lateness sanctions that apply. Immutable; compares by content.
/// </summary>
public sealed record ArrivalOutcome
{
    internal ArrivalOutcome(
        ArrivalStatus status,
        RegistrationWindow? window,
        string? code,
        string? arrivalCode,
        ValueList<LatenessSanction> sanctions,
        bool disagrees)
    {
        Status = status;
        Window = window;
        Code = code;
        ArrivalCode = arrivalCode;
        Sanctions = sanctions;
        Disagrees = disagrees;
    }

    /// <summary>Where the arrival falls against the window; <see cref="ArrivalStatus.NoWindow"/> where there is none.</summary>
    public ArrivalStatus Status { get; }

    /// <summary>The window used, or null where the policy has none for the session and year group.</summary>
    public RegistrationWindow? Window { get; }

    /// <summary>
    /// The code to record, as written in a register: <c>/</c> (morning) or <c>\</c> (afternoon) when on
    /// time, <c>L</c>, <c>U</c>, or the caller's authorised code after close with an accepted reason.
    /// For a mark that already has a code, that code. Null where there is no window and no recorded code.
    /// </summary>
    public string? Code { get; }

    /// <summary>The code the arrival time gives; null where there is no window.</summary>
    public string? ArrivalCode { get; }

    /// <summary>Whether the arrival was after the window's <c>late_after</c> (<see cref="ArrivalStatus.Late"/> or <see cref="ArrivalStatus.AfterClose"/>).</summary>
    public bool IsLate => Status is ArrivalStatus.Late or ArrivalStatus.AfterClose;

    /// <summary>The lateness sanctions the arrival triggers, in the policy's order.</summary>
    public ValueList<LatenessSanction> Sanctions { get; }

    /// <summary>
    /// Whether a mark's recorded code disagrees with the code its arrival time gives; <c>/</c> and
    /// <c>\</c> agree with each other. False for a bare arrival or where there is no window.
    /// </summary>
    public bool Disagrees { get; }
}
