namespace Attendance.Rules.Policies.Rules;

/// <summary>A reward for attendance of at least a percentage, judged on the last school day of each period.</summary>
public sealed record RewardRule : Rule
{
    /// <summary>The attendance % required, 0–100.</summary>
    public required decimal Percent { get; init; }

    /// <summary>The periods judged (terms, the academic year).</summary>
    public required ValueList<SchoolPeriod> Periods { get; init; }

    /// <inheritdoc />
    public override string TypeName => "reward";
}
