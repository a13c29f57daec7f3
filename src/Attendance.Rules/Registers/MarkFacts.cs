namespace Attendance.Rules.Registers;

/// <summary>Facts recorded with a mark that a policy may use.</summary>
[Flags]
public enum MarkFacts
{
    /// <summary>No facts recorded.</summary>
    None = 0,

    /// <summary>Medical evidence was provided for the absence.</summary>
    MedicalEvidence = 1,

    /// <summary>The school accepted the reason for a late arrival.</summary>
    ReasonAccepted = 2,
}
