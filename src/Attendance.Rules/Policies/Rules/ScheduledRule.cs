namespace Attendance.Rules.Policies.Rules;

/// <summary>A step on a schedule, due on the last school day of each period.</summary>
public sealed record ScheduledRule : Rule
{
    /// <summary>The period.</summary>
    public required SchoolPeriod Every { get; init; }

    /// <inheritdoc />
    public override string TypeName => "scheduled";
}
