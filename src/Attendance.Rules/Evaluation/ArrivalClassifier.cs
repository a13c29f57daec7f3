using System.Text;
using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// Classifies an arrival on the registration screen by a policy's registration windows and lateness
/// sanctions. These methods compile the policy's registration each call; to classify many arrivals,
/// build a <see cref="RegistrationTable"/> once and use its allocation-free <c>Classify</c>.
/// </summary>
public static class ArrivalClassifier
{
    /// <summary>
    /// Classifies an arrival: at or before the window's <c>late_after</c> present (<c>/</c> or
    /// <c>\</c>); after it, up to and including <c>closes</c>, <c>L</c>; after <c>closes</c>, <c>U</c>,
    /// unless the reason was accepted, the window lets an accepted reason authorise, and
    /// <paramref name="acceptedCode"/> is given (then that code). Without a window for the session the
    /// outcome has no window and no code; sanctions follow the arrival time either way.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="session">The session.</param>
    /// <param name="arrival">The arrival time.</param>
    /// <param name="yearGroup">The pupil's year group, where known; a window listing it wins over one without year groups.</param>
    /// <param name="reasonAccepted">Whether the school accepted the reason for lateness.</param>
    /// <param name="acceptedCode">The authorised-absence code (2024 set, for example <c>M</c> or <c>C</c>) to record after close with an accepted reason.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="session"/> is not AM or PM.</exception>
    /// <exception cref="ArgumentException"><paramref name="acceptedCode"/> is not an authorised-absence code of the 2024 set.</exception>
    public static ArrivalOutcome Classify(Policy policy, SessionOfDay session, LocalTime arrival, string? yearGroup, bool reasonAccepted, string? acceptedCode = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var code = acceptedCode is null ? null : FindAuthorisedCode(acceptedCode, nameof(acceptedCode));
        return RegistrationTable.For(policy).Classify(session, arrival, yearGroup, reasonAccepted, code).ToOutcome();
    }

    /// <summary>
    /// Classifies a mark's arrival time (see <see cref="RegistrationTable.Classify(in SessionMark, string?)"/>):
    /// a mark without a code gets the arrival's code; a mark with a code keeps it, and the outcome's
    /// <see cref="ArrivalOutcome.Disagrees"/> says whether the arrival gives another.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="mark">A mark with an arrival time; <see cref="MarkFacts.ReasonAccepted"/> says whether the reason was accepted.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">The mark has no arrival time.</exception>
    public static ArrivalOutcome Classify(Policy policy, SessionMark mark, string? yearGroup)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return RegistrationTable.For(policy).Classify(mark, yearGroup).ToOutcome();
    }

    /// <summary>Finds the authorised-absence code of the 2024 set a caller supplies for a reason accepted after close.</summary>
    /// <param name="code">The code as written, for example <c>M</c> or <c>C</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code is not an authorised-absence code of the 2024 set; the message lists those codes.</exception>
    public static AttendanceCode AuthorisedCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return FindAuthorisedCode(code, nameof(code));
    }

    internal static bool IsAcceptableAuthorisedCode(AttendanceCode code) =>
        code.Set == CodeSet.Regulations2024 && code.IsAuthorisedAbsence;

    private static AttendanceCode FindAuthorisedCode(string code, string parameterName)
    {
        var known = NationalCodeTable.TryFind(code, CodeSet.Regulations2024, out var found);
        if (known && IsAcceptableAuthorisedCode(found))
        {
            return found;
        }

        throw new ArgumentException(NotAuthorisedMessage(code, known), parameterName);
    }

    internal static string NotAuthorisedMessage(string code, bool inThe2024Set)
    {
        var why = inThe2024Set ? "is not an authorised-absence code" : "is not a code of the 2024 set";
        var list = new StringBuilder();
        foreach (var candidate in NationalCodeTable.CodesOf(CodeSet.Regulations2024))
        {
            if (candidate.IsAuthorisedAbsence)
            {
                list.Append(list.Length == 0 ? string.Empty : " ").Append(candidate.Code);
            }
        }

        return $"accepted code '{code}' {why}; after the register closes, a reason the school accepts is recorded with an authorised-absence code of the 2024 set: {list}";
    }
}
