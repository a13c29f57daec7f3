namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>
/// Where the pupil's attendance can end the academic year: the best still reachable (every
/// remaining school session attended) and the attendance at the pupil's rate so far. Needs the
/// school's calendar to know the sessions left; without one <see cref="IsAvailable"/> is false.
/// </summary>
public readonly record struct YearEndOutlook
{
    /// <summary>Whether a calendar gave the sessions left, so the figures below mean something.</summary>
    public bool IsAvailable { get; init; }

    /// <summary>The school sessions left after the last day evaluated, to 31 July, from the calendar.</summary>
    public int RemainingSessions { get; init; }

    /// <summary>Sessions attended so far this academic year.</summary>
    public long Attended { get; init; }

    /// <summary>Possible sessions so far this academic year.</summary>
    public long Possible { get; init; }

    /// <summary>The best attendance still reachable by 31 July: (attended + remaining) / (possible + remaining), rounded to 2 places; null where not available or with no sessions at all.</summary>
    public decimal? BestPercent { get; init; }

    /// <summary>The attendance on 31 July if the remaining sessions go at the pupil's rate so far (the year to date); null where not available or with no possible session yet.</summary>
    public decimal? AtCurrentRatePercent { get; init; }
}
