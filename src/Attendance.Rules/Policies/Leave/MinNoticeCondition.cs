using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>Holds when the request was made fewer than <see cref="Days"/> days before the first day of leave.</summary>
public sealed record MinNoticeCondition : LeaveCondition
{
    /// <summary>The notice needed, in calendar days; a request made exactly this many days before the first day has enough.</summary>
    public required int Days { get; init; }

    /// <summary>Whether the policy gives the notice in weeks (written back as <c>weeks</c>).</summary>
    public bool InWeeks { get; init; }

    /// <summary>What short notice gives: refuse, or refer where the document says "where possible".</summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override string KindName => "min_notice";
}
