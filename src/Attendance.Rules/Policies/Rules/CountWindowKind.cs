namespace Attendance.Rules.Policies.Rules;

/// <summary>The window a session count is taken over.</summary>
public enum CountWindowKind
{
    /// <summary>The session's school week and the N − 1 school weeks before it.</summary>
    RollingSchoolWeeks,

    /// <summary>The academic year to date.</summary>
    AcademicYear,

    /// <summary>The current term to date.</summary>
    Term,

    /// <summary>The previous term and the current term to date, as one count.</summary>
    CurrentAndPreviousTerm,
}
