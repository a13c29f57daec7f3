namespace Attendance.Rules.Policies.Rules;

/// <summary>What makes a stage fall due. The set of conditions is closed.</summary>
public abstract record StageCondition
{
    /// <summary>The condition's name in the policy format.</summary>
    public abstract string TypeName { get; }

    /// <summary>School days after the previous stage at whose end the condition is judged once; null to judge it from the next school day on.</summary>
    public virtual int? MonitoringSchoolDays => null;
}

/// <summary>Year-to-date attendance % below a threshold.</summary>
/// <param name="Percent">The threshold, 0–100.</param>
/// <param name="Inclusive">Whether "at or below".</param>
public sealed record AttendanceBelowCondition(decimal Percent, bool Inclusive) : StageCondition
{
    /// <summary>The fewest possible sessions in the year to date for the stage to fall due (a grace period the document gives); 0 for none.</summary>
    public int MinPossibleSessions { get; init; }

    /// <inheritdoc />
    public override string TypeName => "attendance_below";
}

/// <summary>Any absence on a school day after the day of the previous stage.</summary>
public sealed record AbsenceAfterPreviousCondition : StageCondition
{
    /// <inheritdoc />
    public override string TypeName => "absence_after_previous";
}

/// <summary>Year-to-date attendance below its value when an earlier stage fell due.</summary>
/// <param name="SinceStage">The earlier stage.</param>
/// <param name="Monitoring">With a value, judged once at the end of that many school days after the previous stage.</param>
public sealed record AttendanceDeclinedCondition(int SinceStage, int? Monitoring) : StageCondition
{
    /// <inheritdoc />
    public override string TypeName => "attendance_declined";

    /// <inheritdoc />
    public override int? MonitoringSchoolDays => Monitoring;
}

/// <summary>Attendance over the monitoring period after the previous stage below a target, judged at its end.</summary>
/// <param name="Percent">The target, 0–100.</param>
/// <param name="Monitoring">The monitoring period in school days.</param>
public sealed record MonitoringAttendanceBelowCondition(decimal Percent, int Monitoring) : StageCondition
{
    /// <inheritdoc />
    public override string TypeName => "monitoring_attendance_below";

    /// <inheritdoc />
    public override int? MonitoringSchoolDays => Monitoring;
}
