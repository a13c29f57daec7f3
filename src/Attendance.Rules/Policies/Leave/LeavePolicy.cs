using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// A school's rules for leave-of-absence requests (the policy format's <c>leave</c> section): the
/// headteacher's discretion that decides whatever no condition settles, the codes each type of
/// leave carries, and the machine-checkable conditions in the document's order.
/// </summary>
/// <param name="Discretion">What the policy says when no condition refuses or grants: the headteacher decides.</param>
/// <param name="Codes">The codes of each leave type, one entry per type.</param>
/// <param name="Conditions">The conditions, in the policy's order.</param>
public sealed record LeavePolicy(LeaveDiscretion Discretion, ValueList<LeaveCodes> Codes, ValueList<LeaveCondition> Conditions)
{
    /// <summary>
    /// The facts the school declares beside the closed national list (<see cref="LeaveFact"/>), for
    /// example <c>wedding</c>, in the policy's order; each a lower-case id of letters, digits,
    /// <c>-</c> and <c>_</c> that is not a national fact's name. Conditions and requests may name them.
    /// </summary>
    public ValueList<string> Facts { get; init; } = ValueList<string>.Empty;

    /// <summary>Whether the policy declares a school fact.</summary>
    /// <param name="name">The fact's id.</param>
    /// <returns>True where <see cref="Facts"/> lists it.</returns>
    public bool Declares(string name) => Facts.Contains(name, StringComparer.Ordinal);

    /// <summary>The codes of a leave type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its codes.</returns>
    /// <exception cref="InvalidOperationException">The policy gives no codes for the type (the loader refuses such a policy).</exception>
    public LeaveCodes CodesOf(LeaveType type) =>
        Codes.FirstOrDefault(c => c.Type == type) ?? throw new InvalidOperationException($"the leave section gives no codes for {LeaveNames.Of(type)}");
}
