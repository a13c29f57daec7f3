namespace Attendance.Rules.Policies.Conditions;

/// <summary>When a rule's condition is checked (<c>judged:</c>).</summary>
public enum JudgedPeriod
{
    /// <summary>After each session's mark.</summary>
    Session,

    /// <summary>At the end of each school day, every mark of the day counted (the default).</summary>
    Day,

    /// <summary>On the last school day of each school week.</summary>
    Week,

    /// <summary>On the last school day of each half term.</summary>
    HalfTerm,

    /// <summary>On the last school day of each term.</summary>
    Term,

    /// <summary>On the last school day of the academic year.</summary>
    Year,
}
