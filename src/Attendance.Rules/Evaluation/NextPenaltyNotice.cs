using Attendance.Rules.Policies;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// What <see cref="PenaltyNoticeSequence.Next"/> decided for one parent and child on a date: either
/// the notice that would be next (its <see cref="Ordinal"/> and <see cref="Fine"/>), or no notice,
/// because the policy's limit within <see cref="PenaltyNotices.PeriodYears"/> of the first notice
/// is reached (then <see cref="AfterLimit"/> says what happens instead). Immutable; compares by value.
/// </summary>
public sealed record NextPenaltyNotice
{
    private NextPenaltyNotice(
        LocalDate decisionDate,
        int? ordinal,
        PenaltyNoticeFine? fine,
        string? afterLimit,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate? lapsedPeriodStart,
        int priorNoticesInPeriod,
        string explanation)
    {
        DecisionDate = decisionDate;
        Ordinal = ordinal;
        Fine = fine;
        AfterLimit = afterLimit;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        LapsedPeriodStart = lapsedPeriodStart;
        PriorNoticesInPeriod = priorNoticesInPeriod;
        Explanation = explanation;
    }

    /// <summary>The date the decision is made for; the answer holds for a notice issued on this date.</summary>
    public LocalDate DecisionDate { get; }

    /// <summary>Whether a notice may be issued: true when <see cref="Fine"/> is set.</summary>
    public bool HasNotice => Fine is not null;

    /// <summary>The notice's place in its sequence (1 for a first notice, 2 for a second…); null when no notice may be issued.</summary>
    public int? Ordinal { get; }

    /// <summary>The notice's fine (amount, reduced amount and days) from the policy; null when no notice may be issued.</summary>
    public PenaltyNoticeFine? Fine { get; }

    /// <summary>What happens instead of a notice (the policy's <see cref="PenaltyNotices.AfterLimit"/>); null when a notice may be issued.</summary>
    public string? AfterLimit { get; }

    /// <summary>
    /// The day the current period began: the first notice of the sequence. When the next notice
    /// would start a new sequence (<see cref="StartsNewSequence"/>), that notice is the first, so this
    /// is <see cref="DecisionDate"/>.
    /// </summary>
    public LocalDate PeriodStart { get; }

    /// <summary>
    /// The last day within the period: <see cref="PeriodStart"/> plus <see cref="PenaltyNotices.PeriodYears"/>
    /// years (the anniversary itself, which is still within the period). A notice issued after this
    /// day starts a new sequence.
    /// </summary>
    public LocalDate PeriodEnd { get; }

    /// <summary>Whether the next notice would be the first of a new sequence: no prior notice, or the last sequence's period has passed.</summary>
    public bool StartsNewSequence => PriorNoticesInPeriod == 0;

    /// <summary>
    /// The first notice of the previous sequence, whose period has passed before <see cref="DecisionDate"/>;
    /// null when there is no prior notice or the decision date is still within the current sequence's period.
    /// </summary>
    public LocalDate? LapsedPeriodStart { get; }

    /// <summary>How many prior notices fall in the current period (0 when the next notice starts a new sequence).</summary>
    public int PriorNoticesInPeriod { get; }

    /// <summary>
    /// One sentence an attendance officer can check against the notices on file, for example
    /// "second notice within 3 years of the first (2025-01-10): £160, no reduction".
    /// </summary>
    public string Explanation { get; }

    internal static NextPenaltyNotice Notice(
        LocalDate decisionDate, int ordinal, PenaltyNoticeFine fine, LocalDate periodStart, LocalDate periodEnd,
        LocalDate? lapsedPeriodStart, int priorNoticesInPeriod, string explanation) =>
        new(decisionDate, ordinal, fine, null, periodStart, periodEnd, lapsedPeriodStart, priorNoticesInPeriod, explanation);

    internal static NextPenaltyNotice None(
        LocalDate decisionDate, string afterLimit, LocalDate periodStart, LocalDate periodEnd,
        LocalDate? lapsedPeriodStart, int priorNoticesInPeriod, string explanation) =>
        new(decisionDate, null, null, afterLimit, periodStart, periodEnd, lapsedPeriodStart, priorNoticesInPeriod, explanation);
}
