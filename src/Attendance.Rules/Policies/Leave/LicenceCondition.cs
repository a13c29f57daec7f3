using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// A licence from the local authority for a performance or activity. A licence whose dates cover
/// every school day of the leave authorises it and needs no further authorisation: it wins over
/// every other condition. A licence without dates (or whose dates leave days uncovered) gives
/// <see cref="WithoutDates"/>; no licence gives <see cref="WithoutLicence"/>.
/// </summary>
public sealed record LicenceCondition : LeaveCondition
{
    /// <summary>What a licence without dates gives (refer: the headteacher decides each day).</summary>
    public required LeaveOutcome WithoutDates { get; init; }

    /// <summary>What a request without a licence gives.</summary>
    public required LeaveOutcome WithoutLicence { get; init; }

    /// <inheritdoc />
    public override string KindName => "licence";
}
