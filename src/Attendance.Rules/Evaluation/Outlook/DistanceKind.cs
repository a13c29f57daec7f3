namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>What a <see cref="Distance"/> says: how far a line is, or why it gives no number.</summary>
public enum DistanceKind
{
    /// <summary><see cref="Distance.Steps"/> more sessions of <see cref="Distance.Of"/>, on the next school sessions one after another, make it fall due; one fewer does not.</summary>
    Sessions,

    /// <summary><see cref="Distance.Steps"/> more whole school days (both sessions) of <see cref="Distance.Of"/>, on the next school days, make it fall due; one fewer does not (a run of days).</summary>
    SchoolDays,

    /// <summary>It holds now, or has fallen due this academic year and does not fall due again until it lapses or the year ends.</summary>
    Reached,

    /// <summary>Not even every further school session of its kind to 31 July makes it fall due this academic year.</summary>
    NotThisYear,

    /// <summary>The rule does not apply to this pupil (its <c>applies_to</c>, or a referral for a pupil outside the compulsory year groups).</summary>
    DoesNotApply,

    /// <summary>The condition cannot be written as a number of further sessions; <see cref="Distance.Why"/> says why.</summary>
    NotMeasurable,
}
