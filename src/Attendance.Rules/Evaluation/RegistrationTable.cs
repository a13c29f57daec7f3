using System.Collections.Frozen;
using System.Collections.Immutable;
using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// A policy's registration windows and lateness sanctions compiled for classifying arrivals: build
/// one per policy with <see cref="For"/> and reuse it. Immutable and thread-safe; classifying an
/// arrival allocates nothing (the result refers to windows, codes and sanction lists the table holds).
/// </summary>
/// <remarks>
/// Window choice: for a session, a window whose <c>year_groups</c> lists the pupil's year group
/// (compared ordinally; the first such window in the policy's order) wins over a window without year
/// groups; a pupil with no year group, or whose year group no window lists, gets the window without
/// year groups, if any. Sanctions are precomputed per session and accepted-reason flag as a list of
/// time boundaries (every <see cref="LatenessSanction.ArrivalAfter"/> and
/// <see cref="LatenessSanction.ArrivalUntil"/>) with the set that applies between each pair, each set
/// found with <see cref="LatenessSanction.AppliesTo"/>.
/// </remarks>
public sealed class RegistrationTable
{
    private const string PresentMorning = "/";
    private const string PresentAfternoon = "\\";
    private const string LateCode = "L";
    private const string UnauthorisedCode = "U";

    private readonly ImmutableArray<SessionWindows> windows;
    private readonly ImmutableArray<SanctionSchedule> schedules;

    private RegistrationTable(string policyId, ImmutableArray<SessionWindows> windows, ImmutableArray<SanctionSchedule> schedules)
    {
        PolicyId = policyId;
        this.windows = windows;
        this.schedules = schedules;
    }

    /// <summary>The id of the policy the table was built from.</summary>
    public string PolicyId { get; }

    /// <summary>Compiles a policy's registration windows and lateness sanctions.</summary>
    /// <param name="policy">A loaded policy.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static RegistrationTable For(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var registration = policy.Registration;
        var sessionWindows = ImmutableArray.Create(
            SessionWindows.Build(registration.Windows, SessionOfDay.AM),
            SessionWindows.Build(registration.Windows, SessionOfDay.PM));
        var sanctionSchedules = ImmutableArray.Create(
            SanctionSchedule.Build(registration.Sanctions, SessionOfDay.AM, reasonAccepted: false),
            SanctionSchedule.Build(registration.Sanctions, SessionOfDay.AM, reasonAccepted: true),
            SanctionSchedule.Build(registration.Sanctions, SessionOfDay.PM, reasonAccepted: false),
            SanctionSchedule.Build(registration.Sanctions, SessionOfDay.PM, reasonAccepted: true));
        return new RegistrationTable(policy.Id, sessionWindows, sanctionSchedules);
    }

    /// <summary>The window that applies to a session and year group.</summary>
    /// <param name="session">The session.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>The window listing the year group, else the window without year groups, else null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="session"/> is not AM or PM.</exception>
    public RegistrationWindow? WindowFor(SessionOfDay session, string? yearGroup)
    {
        var forSession = windows[SessionIndex(session)];
        if (yearGroup is not null && forSession.ByYearGroup.TryGetValue(yearGroup, out var specific))
        {
            return specific;
        }

        return forSession.General;
    }

    /// <summary>The lateness sanctions an arrival triggers, whatever the windows say.</summary>
    /// <param name="session">The session.</param>
    /// <param name="arrival">The arrival time.</param>
    /// <param name="reasonAccepted">Whether the school accepted the reason for lateness.</param>
    /// <returns>The sanctions, in the policy's order; empty where none applies.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="session"/> is not AM or PM.</exception>
    public ImmutableArray<LatenessSanction> SanctionsFor(SessionOfDay session, LocalTime arrival, bool reasonAccepted) =>
        schedules[(SessionIndex(session) << 1) | (reasonAccepted ? 1 : 0)].At(arrival);

    /// <summary>
    /// Classifies an arrival: at or before <c>late_after</c> present, after it up to and including
    /// <c>closes</c> <c>L</c>, after <c>closes</c> <c>U</c>, unless the reason was accepted, the window
    /// lets an accepted reason authorise, and <paramref name="acceptedCode"/> is given (then that code).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="arrival">The arrival time.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <param name="reasonAccepted">Whether the school accepted the reason for lateness.</param>
    /// <param name="acceptedCode">
    /// The authorised-absence code (2024 set) to record after close with an accepted reason; see
    /// <see cref="ArrivalClassifier.AuthorisedCode"/> to find it from its letters once.
    /// </param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="session"/> is not AM or PM.</exception>
    /// <exception cref="ArgumentException"><paramref name="acceptedCode"/> is not an authorised-absence code of the 2024 set.</exception>
    public ArrivalClassification Classify(SessionOfDay session, LocalTime arrival, string? yearGroup, bool reasonAccepted, AttendanceCode? acceptedCode = null)
    {
        if (acceptedCode is not null && !ArrivalClassifier.IsAcceptableAuthorisedCode(acceptedCode))
        {
            throw new ArgumentException(ArrivalClassifier.NotAuthorisedMessage(acceptedCode.Code, acceptedCode.Set == CodeSet.Regulations2024), nameof(acceptedCode));
        }

        return Classify(session, arrival, yearGroup, reasonAccepted, acceptedCode?.Code, recordedCode: null);
    }

    /// <summary>
    /// Classifies a mark's arrival time. The reason counts as accepted where the mark has
    /// <see cref="MarkFacts.ReasonAccepted"/>. A mark without a code gets the code its arrival gives
    /// (after close with an accepted reason that is <c>U</c>, since no authorised code was supplied); a
    /// mark with a code keeps it, and <see cref="ArrivalClassification.Disagrees"/> says whether the
    /// arrival gives another code (after close with an accepted reason, an authorised-absence code on
    /// the mark is the accepted code and agrees).
    /// </summary>
    /// <param name="mark">A mark with an arrival time.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentException">The mark has no arrival time.</exception>
    public ArrivalClassification Classify(in SessionMark mark, string? yearGroup)
    {
        if (mark.Arrival is not { } arrival)
        {
            throw new ArgumentException($"the mark '{mark}' has no arrival time to classify", nameof(mark));
        }

        var recorded = mark.Code;
        var accepted = recorded is { IsAuthorisedAbsence: true } ? recorded.Code : null;
        return Classify(mark.Session.Part, arrival, yearGroup, (mark.Facts & MarkFacts.ReasonAccepted) != 0, accepted, recorded?.Code);
    }

    private ArrivalClassification Classify(SessionOfDay session, LocalTime arrival, string? yearGroup, bool reasonAccepted, string? acceptedCode, string? recordedCode)
    {
        var sanctions = SanctionsFor(session, arrival, reasonAccepted);
        var window = WindowFor(session, yearGroup);
        if (window is null)
        {
            return new ArrivalClassification(ArrivalStatus.NoWindow, null, recordedCode, null, sanctions, disagrees: false);
        }

        ArrivalStatus status;
        string code;
        if (arrival <= window.LateAfter)
        {
            status = ArrivalStatus.OnTime;
            code = session == SessionOfDay.AM ? PresentMorning : PresentAfternoon;
        }
        else if (window.Closes is not { } closes || arrival <= closes)
        {
            status = ArrivalStatus.Late;
            code = LateCode;
        }
        else
        {
            status = ArrivalStatus.AfterClose;
            code = reasonAccepted && window.AcceptedReasonAuthorises && acceptedCode is not null ? acceptedCode : UnauthorisedCode;
        }

        var disagrees = recordedCode is not null && !SameMeaning(recordedCode, code);
        return new ArrivalClassification(status, window, recordedCode ?? code, code, sanctions, disagrees);
    }

    private static bool SameMeaning(string recorded, string fromArrival) =>
        string.Equals(recorded, fromArrival, StringComparison.Ordinal)
        || (IsPresentOnTime(recorded) && IsPresentOnTime(fromArrival));

    private static bool IsPresentOnTime(string code) =>
        string.Equals(code, PresentMorning, StringComparison.Ordinal) || string.Equals(code, PresentAfternoon, StringComparison.Ordinal);

    private static int SessionIndex(SessionOfDay session) => session switch
    {
        SessionOfDay.AM => 0,
        SessionOfDay.PM => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(session), session, "a session is AM or PM"),
    };

    /// <summary>One session's windows: the one without year groups, and one per listed year group.</summary>
    private sealed class SessionWindows
    {
        private SessionWindows(RegistrationWindow? general, FrozenDictionary<string, RegistrationWindow> byYearGroup)
        {
            General = general;
            ByYearGroup = byYearGroup;
        }

        public RegistrationWindow? General { get; }

        public FrozenDictionary<string, RegistrationWindow> ByYearGroup { get; }

        public static SessionWindows Build(ValueList<RegistrationWindow> all, SessionOfDay session)
        {
            RegistrationWindow? general = null;
            var byYearGroup = new Dictionary<string, RegistrationWindow>(StringComparer.Ordinal);
            foreach (var window in all)
            {
                if (window.Session != session)
                {
                    continue;
                }

                if (window.YearGroups.Count == 0)
                {
                    general ??= window;
                    continue;
                }

                foreach (var yearGroup in window.YearGroups)
                {
                    byYearGroup.TryAdd(yearGroup, window);
                }
            }

            return new SessionWindows(general, byYearGroup.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The sanctions for one session and accepted-reason flag as a step function of arrival time:
    /// <c>Sets[i]</c> applies to arrivals in (<c>Bounds[i-1]</c>, <c>Bounds[i]</c>], the last set to
    /// arrivals after the last bound.
    /// </summary>
    private sealed class SanctionSchedule
    {
        private readonly ImmutableArray<LocalTime> bounds;
        private readonly ImmutableArray<ImmutableArray<LatenessSanction>> sets;

        private SanctionSchedule(ImmutableArray<LocalTime> bounds, ImmutableArray<ImmutableArray<LatenessSanction>> sets)
        {
            this.bounds = bounds;
            this.sets = sets;
        }

        public static SanctionSchedule Build(ValueList<LatenessSanction> sanctions, SessionOfDay session, bool reasonAccepted)
        {
            var times = new SortedSet<LocalTime>();
            foreach (var sanction in sanctions)
            {
                if (sanction.Session is null || sanction.Session == session)
                {
                    times.Add(sanction.ArrivalAfter);
                    if (sanction.ArrivalUntil is { } until)
                    {
                        times.Add(until);
                    }
                }
            }

            var bounds = times.ToImmutableArray();
            var sets = ImmutableArray.CreateBuilder<ImmutableArray<LatenessSanction>>(bounds.Length + 1);
            foreach (var bound in bounds)
            {
                // Every time in (previous bound, bound] gives the same answer; the bound itself is one.
                sets.Add(Applying(sanctions, session, bound, reasonAccepted));
            }

            // After the last bound; nothing is later than LocalTime.MaxValue, so that interval is empty.
            var last = bounds.IsEmpty ? LocalTime.Midnight : bounds[^1];
            sets.Add(last == LocalTime.MaxValue ? [] : Applying(sanctions, session, bounds.IsEmpty ? last : last.PlusNanoseconds(1), reasonAccepted));
            return new SanctionSchedule(bounds, sets.MoveToImmutable());
        }

        public ImmutableArray<LatenessSanction> At(LocalTime arrival)
        {
            var i = 0;
            while (i < bounds.Length && arrival > bounds[i])
            {
                i++;
            }

            return sets[i];
        }

        private static ImmutableArray<LatenessSanction> Applying(ValueList<LatenessSanction> sanctions, SessionOfDay session, LocalTime arrival, bool reasonAccepted)
        {
            var builder = ImmutableArray.CreateBuilder<LatenessSanction>();
            foreach (var sanction in sanctions)
            {
                if (sanction.AppliesTo(session, arrival, reasonAccepted))
                {
                    builder.Add(sanction);
                }
            }

            return builder.Count == 0 ? [] : builder.ToImmutable();
        }
    }
}
