namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// A point at which a condition is judged: a timeline day, the sessions counted so far, whether the
/// day is complete (its end, or a session after which no mark of the day is left: the day columns
/// are set), and for a count the first session not yet counted in an earlier hit.
/// </summary>
internal readonly record struct JudgedPoint(int Day, int Sessions, bool DayEnded, int FreshFrom = 0);

/// <summary>The periods a judged period is checked at the end of.</summary>
internal static class JudgedPeriods
{
    /// <summary>The period ends a rule judged each week, half term, term or year waits for; none for session and day.</summary>
    public static PeriodEnds Ends(Policies.Conditions.JudgedPeriod judged) => judged switch
    {
        Policies.Conditions.JudgedPeriod.Week => PeriodEnds.Week,
        Policies.Conditions.JudgedPeriod.HalfTerm => PeriodEnds.HalfTerm,
        Policies.Conditions.JudgedPeriod.Term => PeriodEnds.Term,
        Policies.Conditions.JudgedPeriod.Year => PeriodEnds.Year,
        _ => PeriodEnds.None,
    };

    /// <summary>Whether a school day that closes <paramref name="ends"/> is one of the judged period's points (every day for day).</summary>
    public static bool IsPoint(PeriodEnds judged, PeriodEnds ends) => judged == PeriodEnds.None || (ends & judged) != 0;
}
