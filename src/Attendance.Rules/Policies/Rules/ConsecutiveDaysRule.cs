namespace Attendance.Rules.Policies.Rules;

/// <summary>Fires on a run of at least N consecutive school days on which both sessions have codes in a set.</summary>
public sealed record ConsecutiveDaysRule : Rule
{
    /// <summary>The codes that make a day count.</summary>
    public required CodeSelection Codes { get; init; }

    /// <summary>Which code of a mark counts: its own or the one a reinterpretation makes it count as (the default), or only the recorded one.</summary>
    public CodeReading Reading { get; init; }

    /// <summary>The length of run that makes a hit, in school days.</summary>
    public required int AtLeastDays { get; init; }

    /// <inheritdoc />
    public override string TypeName => "consecutive_days";
}
