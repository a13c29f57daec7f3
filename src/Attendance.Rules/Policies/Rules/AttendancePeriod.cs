namespace Attendance.Rules.Policies.Rules;

/// <summary>The period an attendance percentage is measured over.</summary>
public enum AttendancePeriod
{
    /// <summary>From 1 August up to and including the session judged.</summary>
    AcademicYear,

    /// <summary>The 12 months up to and including the session judged.</summary>
    Rolling12Months,
}
