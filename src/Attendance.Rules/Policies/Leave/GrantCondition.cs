namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// The policy grants leave of the condition's types without discretion (a medical appointment the
/// parent notified in advance), where nothing refuses or refers it. With <see cref="InAdvance"/>,
/// only a request made before the first day is granted.
/// </summary>
public sealed record GrantCondition : LeaveCondition
{
    /// <summary>Whether the request must be made before the first day of leave.</summary>
    public bool InAdvance { get; init; }

    /// <inheritdoc />
    public override string KindName => "grant";
}
