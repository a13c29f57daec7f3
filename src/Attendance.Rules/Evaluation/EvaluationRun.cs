using System.Collections.Immutable;
using System.Globalization;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation.Rules;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// One evaluation of one register: a single forward pass over its days and sessions, keeping the
/// running counts every rule reads, and collecting actions and threshold hits. Not shared: each
/// call to <see cref="CompiledPolicy.Evaluate"/> makes its own.
/// </summary>
internal sealed class EvaluationRun
{
    private readonly List<(PolicyAction Action, int Order)> actions = [];
    private readonly List<ThresholdHit> hits = [];
    // Sized once per register so that counting a session never allocates.
    private readonly List<LocalDate> sessionDates;
    private readonly List<long> attendedToDate;
    private readonly List<long> possibleToDate;

    public EvaluationRun(CompiledPolicy compiled, PupilRegister register, LocalDate asOf, Timeline timeline)
    {
        Compiled = compiled;
        Marks = register.Marks;
        AsOf = asOf;
        Timeline = timeline;
        Effective = new AttendanceCode[Marks.Length];
        sessionDates = new List<LocalDate>(Marks.Length);
        attendedToDate = new List<long>(Marks.Length);
        possibleToDate = new List<long>(Marks.Length);
    }

    public CompiledPolicy Compiled { get; }

    /// <summary>Penalty notices the parent has already had.</summary>
    public IReadOnlyList<PriorPenaltyNotice> PriorNotices { get; init; } = [];

    public ImmutableArray<SessionMark> Marks { get; }

    public LocalDate AsOf { get; }

    public Timeline Timeline { get; }

    /// <summary>Each mark's code as this policy's rules see it (after reinterpretation).</summary>
    public AttendanceCode[] Effective { get; }

    public AcademicYear Year { get; set; } = new(int.MinValue);

    /// <summary>The current day's index in the timeline.</summary>
    public int Day { get; set; }

    public long YearAttended { get; private set; }

    public long YearPossible { get; private set; }

    public long TermAttended { get; private set; }

    public long TermPossible { get; private set; }

    public int CurrentTerm { get; private set; } = -1;

    public void StartYear(AcademicYear year)
    {
        Year = year;
        YearAttended = YearPossible = 0;
    }

    public void StartTermIfNew(int term)
    {
        if (term != CurrentTerm)
        {
            CurrentTerm = term;
            TermAttended = TermPossible = 0;
        }
    }

    public void Count(AttendanceCode code, LocalDate date)
    {
        if (code.IsPossibleSession)
        {
            YearPossible++;
            TermPossible++;
            if (code.IsAttendance)
            {
                YearAttended++;
                TermAttended++;
            }
        }

        var attended = attendedToDate.Count == 0 ? 0 : attendedToDate[^1];
        var possible = possibleToDate.Count == 0 ? 0 : possibleToDate[^1];
        sessionDates.Add(date);
        attendedToDate.Add(attended + (code.IsPossibleSession && code.IsAttendance ? 1 : 0));
        possibleToDate.Add(possible + (code.IsPossibleSession ? 1 : 0));
    }

    /// <summary>Attended and possible sessions over the 12 months up to and including the last session counted.</summary>
    public (long Attended, long Possible) Rolling12Months(LocalDate date)
    {
        var from = date.PlusMonths(-12);
        var lo = 0;
        var hi = sessionDates.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sessionDates[mid] <= from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var baseAttended = lo == 0 ? 0 : attendedToDate[lo - 1];
        var basePossible = lo == 0 ? 0 : possibleToDate[lo - 1];
        return (attendedToDate[^1] - baseAttended, possibleToDate[^1] - basePossible);
    }

    /// <summary>
    /// Whether the pupil is of compulsory school age by the policy's year groups. Referrals (penalty
    /// notices, legal steps) apply only then; a pupil whose year group is not known is treated as of
    /// compulsory school age, so nothing is missed.
    /// </summary>
    public bool IsCompulsoryAge { get; init; } = true;

    public void Emit(int order, PolicyAction action)
    {
        if (action.Kind == ActionKind.Referral && !IsCompulsoryAge)
        {
            return;
        }

        actions.Add((action, order));
    }

    public void Hit(ThresholdHit hit, ActionKind? kind)
    {
        if (kind == ActionKind.Referral && !IsCompulsoryAge)
        {
            return;
        }

        hits.Add(hit);
    }

    public ValueList<PolicyAction> SortedActions() =>
        actions.OrderBy(a => a.Action.Date).ThenBy(a => a.Action.Session).ThenBy(a => a.Order).ThenBy(a => a.Action.Stage ?? 0)
            .Select(a => a.Action).ToValueList();

    public ValueList<ThresholdHit> SortedHits() => hits.OrderBy(h => h.Date).ThenBy(h => h.RuleId, StringComparer.Ordinal).ToValueList();

    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Short(LocalDate date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
