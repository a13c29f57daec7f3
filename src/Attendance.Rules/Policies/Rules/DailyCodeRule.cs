namespace Attendance.Rules.Policies.Rules;

/// <summary>An action on each school day with a code in a set (first-day calling on <c>N</c>).</summary>
public sealed record DailyCodeRule : Rule
{
    /// <summary>The codes.</summary>
    public required CodeSelection Codes { get; init; }

    /// <inheritdoc />
    public override string TypeName => "daily_code";
}
