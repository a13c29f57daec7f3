namespace Attendance.Rules.Evaluation;

/// <summary>
/// Where an arrival falls against its session's registration window. The members are in order of
/// lateness: for one window, a later arrival never has an earlier status.
/// </summary>
public enum ArrivalStatus
{
    /// <summary>The policy has no window for the session (and the pupil's year group); no code follows from the time.</summary>
    NoWindow = 0,

    /// <summary>At or before the window's <c>late_after</c>: present (<c>/</c> in the morning, <c>\</c> in the afternoon).</summary>
    OnTime = 1,

    /// <summary>After <c>late_after</c>, up to and including <c>closes</c>: late, present (<c>L</c>).</summary>
    Late = 2,

    /// <summary>After <c>closes</c>: <c>U</c>, or the caller's authorised code where the window lets an accepted reason authorise.</summary>
    AfterClose = 3,
}
