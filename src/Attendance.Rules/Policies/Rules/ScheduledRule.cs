using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Policies.Rules;

/// <summary>A step on a schedule, due on the last school day of each period (where it has a condition, only for pupils for whom it holds then).</summary>
public sealed record ScheduledRule : Rule
{
    /// <summary>The period.</summary>
    public required SchoolPeriod Every { get; init; }

    /// <summary>A condition judged at the period's last school day: the step falls due only where it holds (a weekly review only for pupils at a stage); null for every pupil.</summary>
    public Condition? When { get; init; }

    /// <inheritdoc />
    public override string TypeName => "scheduled";
}
