namespace Attendance.Rules.Registers;

/// <summary>The two sessions of a school day.</summary>
public enum SessionOfDay
{
    /// <summary>The morning session.</summary>
    AM = 0,

    /// <summary>The afternoon session.</summary>
    PM = 1,
}
