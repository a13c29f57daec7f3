using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Globalization;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation.Rules;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// The working state of evaluations under one compiled policy: a single forward pass over a
/// register's days and sessions, keeping the running counts every rule reads and recording actions
/// and threshold hits as compact records. Owned by an <see cref="EvaluationBuffer"/> and reused
/// from register to register, so that after warm-up an evaluation allocates nothing; the text of
/// evidence is written only when a <see cref="PupilEvaluation"/> is made from the records.
/// </summary>
internal sealed class EvaluationRun
{
    private ActionRecord[] actions = new ActionRecord[32];

    // Per rule, the date and stage of each action it raised, in the order raised: what `after`,
    // `since` and monitoring periods look up, without reading past other rules' records.
    private LocalDate[][] dueDates = [];
    private int[][] dueStages = [];
    private int[] dueCounts = [];
    private HitRecord[] hits = new HitRecord[8];
    private int[] counted = new int[64];

    // Per counted session, so a 12-month window is a difference of two running totals (kept only
    // where a rule reads attendance over a rolling 12 months).
    private int[] sessionDays = [];
    private int[] attendedToDate = [];
    private int[] possibleToDate = [];
    private int sessions;
    private readonly bool keepsRolling12Months;
    private int rollingDay = int.MinValue;
    private int rollingFrom;

    public EvaluationRun(CompiledPolicy compiled)
    {
        Compiled = compiled;
        Columns = compiled.Conditions.IsUsed ? compiled.Conditions.CreateColumns() : null;
        keepsRolling12Months = compiled.Policy.Rules.Any(r => r is Policies.Rules.AttendanceBelowRule { Period: not Policies.Rules.AttendancePeriod.AcademicYear });
        IndicatorHolds = new bool[compiled.Policy.Indicators.Count];
        Runners = compiled.CreateRunners();
        dueDates = new LocalDate[Runners.Length][];
        dueStages = new int[Runners.Length][];
        dueCounts = new int[Runners.Length];
        for (var i = 0; i < Runners.Length; i++)
        {
            dueDates[i] = new LocalDate[4];
            dueStages[i] = new int[4];
        }

        SessionRunners = Runners.Where(r => Overrides(r, nameof(RuleRunner.OnSession))).ToArray();
        DayEndRunners = Runners.Where(r => Overrides(r, nameof(RuleRunner.OnSchoolDayEnd)) && !r.OnlyAtPeriodEnds).ToArray();
        SessionBits = new CodeBits([.. SessionRunners.Select(r => r.SessionMask)]);
        DayBits = new CodeBits([.. DayEndRunners.Select(r => r.DayMask)]);
        PeriodEndRunners = Runners.Where(r => Overrides(r, nameof(RuleRunner.OnSchoolDayEnd)) && r.OnlyAtPeriodEnds).ToArray();
        YearStartRunners = Runners.Where(r => Overrides(r, nameof(RuleRunner.OnYearStart))).ToArray();
    }

    private static bool Overrides(RuleRunner runner, string method) =>
        runner.GetType().GetMethod(method)!.DeclaringType != typeof(RuleRunner);

    public CompiledPolicy Compiled { get; }

    /// <summary>The columns the policy's conditions read; null where it has none.</summary>
    public Conditions.ConditionColumns? Columns { get; }

    /// <summary>Whether each of the policy's indicators holds as of the evaluation date.</summary>
    public bool[] IndicatorHolds { get; }

    /// <summary>The point indicators were judged at, for their evidence; its day is -1 where the register had no day to the evaluation date.</summary>
    public Conditions.JudgedPoint IndicatorPoint { get; set; }

    public RuleRunner[] Runners { get; }

    /// <summary>The runners that act on each session: only those that do, so a rule costs nothing on the events it ignores.</summary>
    public RuleRunner[] SessionRunners { get; }

    public RuleRunner[] DayEndRunners { get; }

    /// <summary>Each session runner's <see cref="RuleRunner.SessionMask"/>, as bits (bit i for session runner i).</summary>
    public CodeBits SessionBits { get; }

    /// <summary>Each day-end runner's <see cref="RuleRunner.DayMask"/>, as bits (bit i for day-end runner i).</summary>
    public CodeBits DayBits { get; }

    /// <summary>Runners called at a school day's end only when it ends a week, half term, term or year.</summary>
    public RuleRunner[] PeriodEndRunners { get; }

    public RuleRunner[] YearStartRunners { get; }

    public Timeline Timeline { get; } = new();

    public PupilRegister Register { get; private set; } = null!;

    /// <summary>The register's marks, as the array under its immutable array so that reading a mark's field copies nothing.</summary>
    public SessionMark[] Marks { get; private set; } = [];

    /// <summary>Each mark's code: its own, or the one its arrival time gives.</summary>
    public AttendanceCode[] Codes { get; private set; } = [];

    /// <summary>Each mark's code as this policy's rules see it (after reinterpretation).</summary>
    public AttendanceCode[] Effective { get; private set; } = [];

    /// <summary>Each mark's arrival classification, where <see cref="HasArrival"/>.</summary>
    public ArrivalClassification[] Arrivals { get; private set; } = [];

    public bool[] HasArrival { get; private set; } = [];

    public LocalDate AsOf { get; private set; }

    public SchoolCalendar? Calendar { get; private set; }

    /// <summary>Penalty notices the parent has already had.</summary>
    public IReadOnlyList<PriorPenaltyNotice> PriorNotices { get; private set; } = [];

    /// <summary>
    /// Whether the pupil is of compulsory school age by the policy's year groups, the fallback where
    /// the date of birth is not known. A pupil whose year group is not known either is treated as of
    /// compulsory school age, so nothing is missed.
    /// </summary>
    private bool compulsoryByYearGroup = true;

    /// <summary>The first and last days of compulsory school age by the date of birth; null where it is not known.</summary>
    private LocalDate? compulsoryFrom;
    private LocalDate compulsoryUntil;

    /// <summary>The same days as day numbers (<see cref="Timeline.DayNumbers"/>): every day where compulsory school age is decided by year group.</summary>
    private int compulsoryFromDay;
    private int compulsoryUntilDay;

    /// <summary>The pupil's last day on roll, where they have left: nothing falls due after it.</summary>
    public LocalDate? LeftOn { get; private set; }

    /// <summary>
    /// Whether the pupil is of compulsory school age on a day: by the date of birth where known (so a
    /// Reception child becomes of compulsory school age during the year), otherwise by the policy's
    /// year groups. Referrals (penalty notices, legal steps) and rules limited to compulsory school
    /// age apply only then.
    /// </summary>
    public bool IsCompulsoryAgeOn(LocalDate date) =>
        compulsoryFrom is { } from ? date >= from && date <= compulsoryUntil : compulsoryByYearGroup;

    /// <summary><see cref="IsCompulsoryAgeOn"/> for a timeline day, by its day number.</summary>
    public bool IsCompulsoryAgeOnDay(int day)
    {
        var number = Timeline.DayNumbers[day];
        return number >= compulsoryFromDay && number <= compulsoryUntilDay;
    }

    public AcademicYear Year { get; private set; } = new(int.MinValue);

    /// <summary>The current day's index in the timeline.</summary>
    public int Day { get; set; }

    /// <summary>The school days ended so far, the current one included once it has ended.</summary>
    public int SchoolDaysEnded { get; set; }

    public long YearAttended { get; private set; }

    public long YearPossible { get; private set; }

    public long TermAttended { get; private set; }

    public long TermPossible { get; private set; }

    public int CurrentTerm { get; private set; } = -1;

    /// <summary>The figures for the academic year containing the evaluation date.</summary>
    public FigureCounter Figures;

    public int ActionCount { get; private set; }

    public int HitCount { get; private set; }

    public ReadOnlySpan<ActionRecord> Actions => actions.AsSpan(0, ActionCount);

    public ReadOnlySpan<HitRecord> Hits => hits.AsSpan(0, HitCount);

    /// <summary>The dates of the actions a rule raised, in the order raised.</summary>
    public ReadOnlySpan<LocalDate> DueDates(int runner) => dueDates[runner].AsSpan(0, dueCounts[runner]);

    /// <summary>The stage numbers of the actions a rule raised (0 for a rule without stages), beside <see cref="DueDates"/>.</summary>
    public ReadOnlySpan<int> DueStages(int runner) => dueStages[runner].AsSpan(0, dueCounts[runner]);

    /// <summary>Marks counted by threshold hits and actions, each a slice given by start and count.</summary>
    public ReadOnlySpan<int> Counted(int start, int count) => counted.AsSpan(start, count);

    /// <summary>Prepares for a new register: every count and every runner back to its start.</summary>
    public void Reset(PupilRegister register, LocalDate asOf, SchoolCalendar? calendar, IReadOnlyList<PriorPenaltyNotice>? priorNotices)
    {
        Register = register;
        Marks = ImmutableCollectionsMarshal.AsArray(register.Marks) ?? [];
        AsOf = asOf;
        Calendar = calendar;
        PriorNotices = priorNotices ?? [];
        var policy = Compiled.Policy;
        compulsoryByYearGroup = register.YearGroup is null || policy.CompulsoryYearGroups.Count == 0 || Contains(policy.CompulsoryYearGroups, register.YearGroup);
        var roll = register.Roll;
        compulsoryFrom = roll.CompulsoryFrom;
        compulsoryUntil = roll.CompulsoryUntil ?? default;
        (compulsoryFromDay, compulsoryUntilDay) = compulsoryFrom is { } from
            ? (Timeline.DayNumber(from), Timeline.DayNumber(compulsoryUntil))
            : compulsoryByYearGroup ? (int.MinValue, int.MaxValue) : (int.MaxValue, int.MinValue);
        LeftOn = roll.LeavingDate;
        Year = new(int.MinValue);
        Day = 0;
        SchoolDaysEnded = 0;
        YearAttended = YearPossible = TermAttended = TermPossible = 0;
        CurrentTerm = -1;
        Figures = default;
        ActionCount = HitCount = 0;
        Array.Clear(dueCounts);
        countedLength = 0;
        sessions = 0;
        rollingDay = int.MinValue;
        rollingFrom = 0;
        var n = Marks.Length;
        if (Codes.Length < n)
        {
            var size = Math.Max(n, Codes.Length * 2);
            Codes = new AttendanceCode[size];
            Effective = new AttendanceCode[size];
            Arrivals = new ArrivalClassification[size];
            HasArrival = new bool[size];
            sessionDays = new int[size];
            attendedToDate = new int[size];
            possibleToDate = new int[size];
        }

        foreach (var runner in Runners)
        {
            runner.Reset();
            runner.OnRegister(this);
        }
    }

    private int countedLength;

    /// <summary>Drops the references to the last register and its inputs; the arrays (codes and windows of the national table and the policy) stay for the next one.</summary>
    public void Forget()
    {
        Register = null!;
        Marks = [];
        Calendar = null;
        PriorNotices = [];
    }

    /// <summary>Whether a list holds a value, without enumerating through an interface (which would allocate).</summary>
    internal static bool Contains(ValueList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

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

    public void Count(AttendanceCode code, int dayNumber, bool inFigures)
    {
        var possible = code.IsPossibleSession;
        var attended = possible && code.IsAttendance;
        if (possible)
        {
            YearPossible++;
            TermPossible++;
            if (attended)
            {
                YearAttended++;
                TermAttended++;
            }
        }

        if (inFigures)
        {
            Figures.Add(code);
        }

        if (!keepsRolling12Months)
        {
            return;
        }

        var i = sessions++;
        sessionDays[i] = dayNumber;
        attendedToDate[i] = (i == 0 ? 0 : attendedToDate[i - 1]) + (attended ? 1 : 0);
        possibleToDate[i] = (i == 0 ? 0 : possibleToDate[i - 1]) + (possible ? 1 : 0);
    }

    /// <summary>Attended and possible sessions over the 12 months up to and including the last session counted (dated <paramref name="date"/>).</summary>
    public (long Attended, long Possible) Rolling12Months(LocalDate date)
    {
        if (sessions == 0)
        {
            return (0, 0);
        }

        // Dates only move forward in a run, so the window's start is found by walking on from where it was.
        var day = Timeline.DayNumbers[Day];
        if (day != rollingDay)
        {
            rollingDay = day;
            var from = Timeline.DayNumber(date.PlusMonths(-12));
            while (rollingFrom < sessions && sessionDays[rollingFrom] <= from)
            {
                rollingFrom++;
            }
        }

        var lo = rollingFrom;
        var baseAttended = lo == 0 ? 0 : attendedToDate[lo - 1];
        var basePossible = lo == 0 ? 0 : possibleToDate[lo - 1];
        return (attendedToDate[sessions - 1] - baseAttended, possibleToDate[sessions - 1] - basePossible);
    }

    /// <summary>Keeps marks a hit or action counted; returns where they start.</summary>
    public int Keep(ReadOnlySpan<int> marks)
    {
        if (countedLength + marks.Length > counted.Length)
        {
            Array.Resize(ref counted, Math.Max(counted.Length * 2, countedLength + marks.Length));
        }

        marks.CopyTo(counted.AsSpan(countedLength));
        var start = countedLength;
        countedLength += marks.Length;
        return start;
    }

    /// <summary>Whether an action of a kind may fall due on a day: not after the pupil left the roll, and a referral only at compulsory school age.</summary>
    public bool MayFallDue(ActionKind? kind, LocalDate date) =>
        !(LeftOn is { } left && date > left) && (kind != ActionKind.Referral || IsCompulsoryAgeOn(date));

    public void Emit(in ActionRecord action, ActionKind kind)
    {
        if (!MayFallDue(kind, action.At.Date))
        {
            return;
        }

        if (ActionCount == actions.Length)
        {
            Array.Resize(ref actions, actions.Length * 2);
        }

        ref var kept = ref actions[ActionCount++];
        kept = action;
        if ((uint)action.Source < (uint)dueCounts.Length)
        {
            var source = action.Source;
            var n = dueCounts[source]++;
            if (n == dueDates[source].Length)
            {
                Array.Resize(ref dueDates[source], n * 2);
                Array.Resize(ref dueStages[source], n * 2);
            }

            dueDates[source][n] = action.At.Date;
            dueStages[source][n] = action.StageNumber;
        }

        // Date, session, the rule's place in the policy, stage: compared as two integers when sorting.
        kept.SessionOrdinal = action.At.Ordinal;
        kept.Rank = ((long)action.Order << 32) | (uint)(action.StageNumber ^ int.MinValue); // the sign flip keeps int order as unsigned
    }

    public void Hit(in HitRecord hit, ActionKind? kind)
    {
        if (!MayFallDue(kind, hit.Date))
        {
            return;
        }

        if (HitCount == hits.Length)
        {
            Array.Resize(ref hits, hits.Length * 2);
        }

        hits[HitCount++] = hit;
    }

    /// <summary>Puts the actions in order: date, session, the rule's order in the policy, stage. Stable, and linear on the nearly sorted records a run emits.</summary>
    public void SortRecords()
    {
        for (var i = 1; i < ActionCount; i++)
        {
            var item = actions[i];
            var j = i - 1;
            while (j >= 0 && ActionRecord.Compare(actions[j], item) > 0)
            {
                actions[j + 1] = actions[j];
                j--;
            }

            actions[j + 1] = item;
        }

        for (var i = 1; i < HitCount; i++)
        {
            var item = hits[i];
            var j = i - 1;
            while (j >= 0 && Compare(hits[j], item) > 0)
            {
                hits[j + 1] = hits[j];
                j--;
            }

            hits[j + 1] = item;
        }
    }

    private int Compare(in HitRecord a, in HitRecord b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(Runners[a.Runner].Rule.Id, Runners[b.Runner].Rule.Id);
    }

    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Short(LocalDate date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
