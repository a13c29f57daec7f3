namespace Attendance.Rules.Benchmarks.Peers;

/// <summary>
/// The running counts the vendor's code hands RulesEngine as of one session (its input <c>input1</c>):
/// the year-to-date figures, the fresh sessions in the penalty-notice window, and the facts the
/// stage rules read. A plain settable class, as RulesEngine's examples use.
/// </summary>
public sealed class SessionFigures
{
    /// <summary>Sessions attended (present or approved educational activity), academic year to date.</summary>
    public int Attended { get; set; }

    /// <summary>Possible sessions, academic year to date.</summary>
    public int Possible { get; set; }

    /// <summary>Absence sessions (authorised and unauthorised), academic year to date.</summary>
    public int Absent { get; set; }

    /// <summary>Sessions of the threshold's codes in its rolling window not counted by an earlier hit.</summary>
    public int FreshInWindow { get; set; }

    /// <summary>Whether the pupil is of compulsory school age (referrals apply).</summary>
    public bool Compulsory { get; set; }

    /// <summary>Whether the session's code is an absence.</summary>
    public bool Absence { get; set; }

    /// <summary>Whether the session's day is a school day (the school was open to the pupil).</summary>
    public bool SchoolDay { get; set; }

    /// <summary>Whether stage 1 fell due this academic year on a day before this session's.</summary>
    public bool AfterStage1 { get; set; }
}
