using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Policies;

/// <summary>When a session's register opens, when a pupil becomes late, and when it closes.</summary>
/// <param name="Session">The session it applies to.</param>
/// <param name="YearGroups">The year groups it applies to; empty for all.</param>
/// <param name="Opens">When the register is taken; null where the document gives only the late time.</param>
/// <param name="LateAfter">Arrival after this time is late (<c>L</c>).</param>
/// <param name="Closes">Arrival after this time is <c>U</c>, unless a reason is accepted; null where the document gives no closing time (a late arrival is then always <c>L</c>, never <c>U</c> by its time).</param>
/// <param name="AcceptedReasonAuthorises">Whether, after close, a reason the school accepts makes it an authorised absence.</param>
/// <param name="Sources">The quotes it encodes.</param>
public sealed record RegistrationWindow(
    SessionOfDay Session,
    ValueList<string> YearGroups,
    LocalTime? Opens,
    LocalTime LateAfter,
    LocalTime? Closes,
    bool AcceptedReasonAuthorises,
    ValueList<string> Sources)
{
    /// <summary>How long the register stays open: from <see cref="Opens"/> to <see cref="Closes"/>; null where either is not given.</summary>
    public Period? OpenFor => Opens is { } opens && Closes is { } closes ? Period.Between(opens, closes, PeriodUnits.Minutes) : null;

    /// <summary>Whether the window applies to a year group.</summary>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>True for a window without year groups, or one that lists it.</returns>
    public bool AppliesTo(string? yearGroup) =>
        YearGroups.Count == 0 || (yearGroup is not null && YearGroups.Contains(yearGroup, StringComparer.Ordinal));
}
