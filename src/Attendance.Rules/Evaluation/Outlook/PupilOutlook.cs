namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>How far a pupil is from each line of the policy, and where attendance can end the year (<see cref="PupilEvaluation.Outlook"/>).</summary>
/// <param name="Distances">One entry per threshold rule, next stage not yet reached, rule with <c>when</c> and indicator, in the policy's order, then the national persistent and severe absence lines.</param>
/// <param name="YearEnd">The best attendance still reachable by 31 July and the attendance at the rate so far (with a calendar).</param>
public sealed record PupilOutlook(Policies.ValueList<Distance> Distances, YearEndOutlook YearEnd)
{
    /// <summary>No lines and no year end: a register with no day to the evaluation date.</summary>
    public static PupilOutlook Empty { get; } = new(Policies.ValueList<Distance>.Empty, default);
}
