namespace Attendance.Rules.Policies.Rules;

/// <summary>A period at whose last school day something is judged or due.</summary>
public enum SchoolPeriod
{
    /// <summary>A school week.</summary>
    Week,

    /// <summary>A half term (ended by a week or more without school days).</summary>
    HalfTerm,

    /// <summary>A term.</summary>
    Term,

    /// <summary>The academic year.</summary>
    AcademicYear,
}
