namespace Attendance.Rules.Policies;

/// <summary>The penalty-notice sequence: the fines in order and the limit on notices within a period.</summary>
/// <param name="Notices">The first, second… notice; no more are issued within <paramref name="PeriodYears"/> of the first.</param>
/// <param name="PeriodYears">The period, from the first notice, within which the sequence is limited.</param>
/// <param name="AfterLimit">What happens instead once the limit is reached.</param>
/// <param name="Superseded">Older amounts recorded as superseded.</param>
/// <param name="Sources">The quotes it encodes.</param>
public sealed record PenaltyNotices(
    ValueList<PenaltyNoticeFine> Notices,
    int PeriodYears,
    string AfterLimit,
    ValueList<SupersededFines> Superseded,
    ValueList<string> Sources);
