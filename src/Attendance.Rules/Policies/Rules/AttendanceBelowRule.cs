namespace Attendance.Rules.Policies.Rules;

/// <summary>Fires when attendance % over a period falls below a threshold.</summary>
public sealed record AttendanceBelowRule : Rule
{
    /// <summary>The threshold, 0–100.</summary>
    public required decimal Percent { get; init; }

    /// <summary>Whether "at or below" rather than strictly below.</summary>
    public bool Inclusive { get; init; }

    /// <summary>The period measured.</summary>
    public AttendancePeriod Period { get; init; } = AttendancePeriod.AcademicYear;

    /// <summary>The fewest possible sessions before the rule is judged (0 unless the document gives one).</summary>
    public int MinPossibleSessions { get; init; }

    /// <inheritdoc />
    public override string TypeName => "attendance_below";
}
