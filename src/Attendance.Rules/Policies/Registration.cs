namespace Attendance.Rules.Policies;

/// <summary>A policy's registration windows and lateness sanctions.</summary>
/// <param name="Windows">The windows, per session and optionally per year group.</param>
/// <param name="Sanctions">The lateness sanctions.</param>
public sealed record Registration(ValueList<RegistrationWindow> Windows, ValueList<LatenessSanction> Sanctions)
{
    /// <summary>No windows and no sanctions.</summary>
    public static Registration None { get; } = new(ValueList<RegistrationWindow>.Empty, ValueList<LatenessSanction>.Empty);
}
