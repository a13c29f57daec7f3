namespace Attendance.Rules.Codes;

/// <summary>The two sets of national attendance codes.</summary>
public enum CodeSet
{
    /// <summary>The codes of the 2006 regulations, in force before 19 August 2024.</summary>
    Regulations2006,

    /// <summary>The codes of the 2024 regulations (SI 2024/208), in force from 19 August 2024.</summary>
    Regulations2024,
}
