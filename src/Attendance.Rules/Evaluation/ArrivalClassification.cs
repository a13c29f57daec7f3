using System.Collections.Immutable;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// The result of <see cref="RegistrationTable.Classify(Registers.SessionOfDay, NodaTime.LocalTime, string?, bool, Codes.AttendanceCode?)"/>:
/// a value that refers only to objects the table already holds, so classifying allocates nothing.
/// Convert it with <see cref="ToOutcome"/> for an immutable record.
/// </summary>
public readonly struct ArrivalClassification
{
    private readonly ImmutableArray<LatenessSanction> sanctions;

    internal ArrivalClassification(
        ArrivalStatus status,
        RegistrationWindow? window,
        string? code,
        string? arrivalCode,
        ImmutableArray<LatenessSanction> sanctions,
        bool disagrees)
    {
        Status = status;
        Window = window;
        Code = code;
        ArrivalCode = arrivalCode;
        this.sanctions = sanctions;
        Disagrees = disagrees;
    }

    /// <summary>Where the arrival falls against the window; <see cref="ArrivalStatus.NoWindow"/> where there is none.</summary>
    public ArrivalStatus Status { get; }

    /// <summary>The window used, or null where the policy has none for the session and year group.</summary>
    public RegistrationWindow? Window { get; }

    /// <summary>
    /// The code to record: for a bare arrival, the same as <see cref="ArrivalCode"/>; for a mark that
    /// already has a code, that code (a mark keeps its code). Null where there is no window and no
    /// recorded code.
    /// </summary>
    public string? Code { get; }

    /// <summary>
    /// The code the arrival time gives: <c>/</c> or <c>\</c>, <c>L</c>, <c>U</c>, or the authorised
    /// code accepted after close. Null where there is no window.
    /// </summary>
    public string? ArrivalCode { get; }

    /// <summary>
    /// The lateness sanctions the arrival triggers, in the policy's order (each by
    /// <see cref="LatenessSanction.AppliesTo"/>); they follow the arrival time whether or not there is a window.
    /// </summary>
    public ImmutableArray<LatenessSanction> Sanctions => sanctions.IsDefault ? [] : sanctions;

    /// <summary>
    /// Whether a mark's recorded code disagrees with the code its arrival time gives (a data-quality
    /// matter). <c>/</c> and <c>\</c> agree with each other. Always false for a bare arrival or where
    /// there is no window.
    /// </summary>
    public bool Disagrees { get; }

    /// <summary>Whether the arrival was after the window's <c>late_after</c> (<see cref="ArrivalStatus.Late"/> or <see cref="ArrivalStatus.AfterClose"/>).</summary>
    public bool IsLate => Status is ArrivalStatus.Late or ArrivalStatus.AfterClose;

    /// <summary>The same result as an immutable record (this allocates).</summary>
    /// <returns>The outcome.</returns>
    public ArrivalOutcome ToOutcome() =>
        new(Status, Window, Code, ArrivalCode, ValueList<LatenessSanction>.From(Sanctions), Disagrees);
}
