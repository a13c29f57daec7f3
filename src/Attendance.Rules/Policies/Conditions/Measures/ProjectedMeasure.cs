using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// <c>{ projected: attendance }</c>: the academic year's attendance at its end if the pupil attends
/// the school days left in the calendar at their rate over the comparison's window (the year to date
/// by default, where the projection is the figure itself). Needs a calendar: without one it has no value.
/// </summary>
public sealed record ProjectedMeasure : Measure
{
    /// <summary>The measure.</summary>
    public static ProjectedMeasure Attendance { get; } = new();

    /// <inheritdoc />
    public override bool IsPercentage => true;

    /// <inheritdoc />
    public override string ToString() => "projected attendance";

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        new("projected", "year-end attendance if the rest of the year's school days (from the calendar) go at the rate over the window",
            new KeySpec("projected", KeyType.Word, "what is projected", Word: "attendance"), [], typeof(ProjectedMeasure),
            _ => Attendance, _ => new SyntaxArgs().Set("projected", "attendance"), m => m is ProjectedMeasure),
    ];
}
