using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the pupil is in one of <see cref="YearGroups"/> on the first day of leave, unless the request states one of <see cref="UnlessFacts"/>.</summary>
public sealed record RefusedYearGroupsCondition : LeaveCondition
{
    /// <summary>The year groups.</summary>
    public required ValueList<string> YearGroups { get; init; }

    /// <summary>Facts that lift it (the death of an immediate family member).</summary>
    public ValueList<LeaveFact> UnlessFacts { get; init; } = ValueList<LeaveFact>.Empty;

    /// <summary>The school's own facts (declared in the leave section's <c>facts</c>) that lift it.</summary>
    public ValueList<string> UnlessSchoolFacts { get; init; } = ValueList<string>.Empty;

    /// <summary>What it gives.</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "refused_year_groups";
}
