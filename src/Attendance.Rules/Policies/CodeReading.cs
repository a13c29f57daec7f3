namespace Attendance.Rules.Policies;

/// <summary>
/// Which code of a mark a rule counts where the policy reinterprets codes (a <c>reinterpret</c>
/// rule: Laurence Jackson counts an illness without medical evidence as <c>O</c> after its Stage 2
/// letter). Written <c>codes_as</c> beside the codes.
/// </summary>
public enum CodeReading
{
    /// <summary>
    /// The school's reading (the default): a mark counts by its own code or by the code a
    /// reinterpretation makes it count as, so a reinterpreted illness counts both as an illness and
    /// as unauthorised.
    /// </summary>
    Reinterpreted,

    /// <summary>
    /// The code recorded on the register only: a reinterpretation does not reach the rule (an
    /// illness counted as unauthorised is still not an absence whose cause was never given).
    /// </summary>
    Recorded,
}
