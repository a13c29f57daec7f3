namespace Attendance.Rules.Evaluation;

/// <summary>One of the policy's indicators as of the evaluation date, reported beside the persistent and severe absence flags.</summary>
public sealed record IndicatorResult
{
    /// <summary>The indicator's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its title, in the school's words.</summary>
    public required string Title { get; init; }

    /// <summary>Whether its condition holds at the end of the last day to the evaluation date.</summary>
    public required bool Holds { get; init; }

    /// <summary>The figures of its condition, as a sentence a person can check (also when it does not hold).</summary>
    public required string Evidence { get; init; }
}
