using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>Everything a policy says about one pupil's register as of a date.</summary>
public sealed record PupilEvaluation
{
    /// <summary>The pupil.</summary>
    public required string PupilId { get; init; }

    /// <summary>The policy's id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's version.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The evaluation date.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The figures for the academic year to <see cref="AsOf"/>, with the policy's absence flags.</summary>
    public required AttendanceFigures Figures { get; init; }

    /// <summary>The policy's indicators (its own targets and bands), in the policy's order, as of <see cref="AsOf"/>.</summary>
    public Policies.ValueList<IndicatorResult> Indicators { get; init; } = Policies.ValueList<IndicatorResult>.Empty;

    /// <summary>Count thresholds reached on or before <see cref="AsOf"/>, in date order.</summary>
    public required Policies.ValueList<ThresholdHit> ThresholdHits { get; init; }

    /// <summary>The outcome of every recorded arrival time on or before <see cref="AsOf"/>, in session order.</summary>
    public Policies.ValueList<LatenessOutcome> LatenessOutcomes { get; init; } = Policies.ValueList<LatenessOutcome>.Empty;

    /// <summary>Every mark on or before <see cref="AsOf"/>, in session order, as the evaluation read it: codes, arrival, school week, term and half term.</summary>
    public Policies.ValueList<MarkOutcome> Marks { get; init; } = Policies.ValueList<MarkOutcome>.Empty;

    /// <summary>What the next penalty notice would be as of <see cref="AsOf"/>, given the prior notices, where the policy has penalty notices.</summary>
    public NextPenaltyNotice? NextPenaltyNotice { get; init; }

    /// <summary>How far the pupil is from each threshold, next stage, rule with <c>when</c>, indicator and the national absence lines, and where attendance can end the year.</summary>
    public Outlook.PupilOutlook Outlook { get; init; } = Evaluation.Outlook.PupilOutlook.Empty;

    /// <summary>The actions falling due on or before <see cref="AsOf"/>, in date, session and rule order.</summary>
    public required Policies.ValueList<PolicyAction> Actions { get; init; }
}
