using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// Holds when, counting the requested school days as absent, the pupil's attendance over the
/// <see cref="Months"/> months to any day of the leave would fall below <see cref="Percent"/>.
/// Without a register it cannot be judged and refers.
/// </summary>
public sealed record AttendanceFloorCondition : LeaveCondition
{
    /// <summary>The floor, 0–100; attendance strictly below it holds the condition.</summary>
    public required decimal Percent { get; init; }

    /// <summary>The length of the window, in calendar months.</summary>
    public required int Months { get; init; }

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "attendance_floor";
}
