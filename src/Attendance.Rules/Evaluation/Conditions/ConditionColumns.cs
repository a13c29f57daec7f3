using Attendance.Rules.Evaluation.Rules;

namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// The running columns a policy's conditions read, for one register: prefix sums over its counted
/// sessions (possible, attended, absent, unauthorised, late, and each code count; of the fixed ones
/// only those some condition reads are kept), and per timeline
/// day where each period starts, how many school days have ended, and the day columns (days, runs,
/// spells). A window is a difference of two prefix sums. Owned by a run and reused from register to
/// register, so it allocates only while growing.
/// </summary>
internal sealed class ConditionColumns
{
    public const int Possible = 0;
    public const int Attended = 1;
    public const int Absent = 2;
    public const int Unauthorised = 3;
    public const int Late = 4;
    public const int AttendedLate = 5;
    public const int Fixed = 6;

    private const byte PossibleFlag = 1;
    private const byte AttendedFlag = 2;
    private const byte AbsentFlag = 4;
    private const byte UnauthorisedFlag = 8;
    private const byte LateFlag = 16;
    private const byte UnmarkedLateFlag = 32;

    private readonly ColumnSpec[] sessionSpecs;
    private readonly ColumnSpec[] daySpecs;

    /// <summary>What each national code (by index) adds to the fixed columns, so a session reads one byte, not the code's properties.</summary>
    private readonly byte[] flags;

    /// <summary>The specs' codes as bits (bit k for spec k), each as its spec reads a mark.</summary>
    private readonly CodeBits sessionCodes;
    private readonly CodeBits dayCodes;

    /// <summary>The fixed columns some condition reads (bits by column); the others are not kept.</summary>
    private readonly int used;

    public ConditionColumns(ColumnSpec[] sessionSpecs, ColumnSpec[] daySpecs, int fixedColumns)
    {
        this.sessionSpecs = sessionSpecs;
        this.daySpecs = daySpecs;
        used = fixedColumns;
        flags = new byte[Codes.NationalCodeTable.Count];
        foreach (var code in Codes.NationalCodeTable.All)
        {
            var possible = code.IsPossibleSession;
            flags[code.Index] = (byte)((possible ? PossibleFlag : 0)
                | (possible && code.IsAttendance ? AttendedFlag : 0)
                | (possible && code.IsAbsence ? AbsentFlag : 0)
                | (code.IsUnauthorisedAbsence ? UnauthorisedFlag : 0)
                | (code.IsLate ? LateFlag : 0)
                | (code.Code == "U" ? UnmarkedLateFlag : 0));
        }

        sessionCodes = new CodeBits([.. sessionSpecs.Select(x => x.Codes)], [.. sessionSpecs.Select(x => x.Reading)]);
        dayCodes = new CodeBits([.. daySpecs.Select(x => x.Codes)], [.. daySpecs.Select(x => x.Reading)]);

        Sessions = new int[Fixed + sessionSpecs.Length][];
        for (var i = 0; i < Sessions.Length; i++)
        {
            Sessions[i] = new int[64];
        }

        DayCount = new int[daySpecs.Length][];
        Run = new int[daySpecs.Length][];
        SpellStarts = new int[daySpecs.Length][];
        for (var i = 0; i < daySpecs.Length; i++)
        {
            DayCount[i] = new int[64];
            Run[i] = new int[64];
            SpellStarts[i] = new int[64];
        }
    }

    /// <summary>Prefix sums by column: <c>Sessions[c][i]</c> counts the first <c>i</c> sessions.</summary>
    public int[][] Sessions { get; }

    /// <summary>The timeline day of each counted session.</summary>
    public int[] SessionDay { get; private set; } = new int[64];

    /// <summary>The mark of each counted session.</summary>
    public int[] SessionMark { get; private set; } = new int[64];

    /// <summary>Sessions counted so far.</summary>
    public int Count { get; private set; }

    /// <summary>The first session of each day: <c>DayStart[d]</c> sessions came before day <c>d</c>.</summary>
    public int[] DayStart { get; private set; } = new int[64];

    /// <summary>School days ended up to and including each day.</summary>
    public int[] SchoolDays { get; private set; } = new int[64];

    /// <summary>The first day of each day's academic year, term, half term, and previous term.</summary>
    public int[] YearStart { get; private set; } = new int[64];

    public int[] TermStart { get; private set; } = new int[64];

    public int[] HalfTermStart { get; private set; } = new int[64];

    public int[] PreviousTermStart { get; private set; } = new int[64];

    /// <summary>Per day column, prefix sums of qualifying school days: <c>DayCount[k][d]</c> counts days before <c>d</c>.</summary>
    public int[][] DayCount { get; }

    /// <summary>Per day column, the current run in school days at the end of each day.</summary>
    public int[][] Run { get; }

    /// <summary>Per day column, prefix sums of days that start a run.</summary>
    public int[][] SpellStarts { get; }

    /// <summary>The last day whose day columns are set: at its last mark, or at its end for a day with none.</summary>
    public int LastEndedDay { get; private set; } = -1;

    /// <summary>Whether every mark of a day has been counted (its day columns are final).</summary>
    public bool HasEnded(int day) => LastEndedDay >= day;

    private int termOfPrevious;
    private int previousTermFirstDay;
    private int currentTerm;
    private int currentTermFirstDay;

    public void Reset(int sessions, int days)
    {
        Count = 0;
        if (SessionDay.Length < sessions + 1)
        {
            SessionDay = new int[Math.Max(sessions + 1, SessionDay.Length * 2)];
            SessionMark = new int[SessionDay.Length];
        }

        for (var i = 0; i < Sessions.Length; i++)
        {
            if (Sessions[i].Length < sessions + 1)
            {
                Sessions[i] = new int[Math.Max(sessions + 1, Sessions[i].Length * 2)];
            }
        }

        if (DayStart.Length < days + 1)
        {
            var size = Math.Max(days + 1, DayStart.Length * 2);
            DayStart = new int[size];
            SchoolDays = new int[size];
            YearStart = new int[size];
            TermStart = new int[size];
            HalfTermStart = new int[size];
            PreviousTermStart = new int[size];
            for (var k = 0; k < daySpecs.Length; k++)
            {
                DayCount[k] = new int[size];
                Run[k] = new int[size];
                SpellStarts[k] = new int[size];
            }
        }

        for (var k = 0; k < daySpecs.Length; k++)
        {
            DayCount[k][0] = 0;
            SpellStarts[k][0] = 0;
        }

        currentTerm = termOfPrevious = -1;
        LastEndedDay = -1;
        currentTermFirstDay = previousTermFirstDay = 0;
    }

    /// <summary>Before a day's sessions: where its periods start.</summary>
    public void BeginDay(EvaluationRun run, int day)
    {
        var t = run.Timeline;
        DayStart[day] = Count;
        YearStart[day] = day > 0 && t.Years[day - 1] == t.Years[day] ? YearStart[day - 1] : day;
        HalfTermStart[day] = day > 0 && t.HalfTerm[day - 1] == t.HalfTerm[day] && t.Years[day - 1] == t.Years[day] ? HalfTermStart[day - 1] : day;
        // A day the school is closed at the start of a new academic year (an INSET day on 1 September)
        // carries the summer term's number but is in no term yet: its term so far is itself.
        if (day > 0 && !t.SchoolDay[day] && t.Years[day] != t.Years[currentTermFirstDay])
        {
            TermStart[day] = day;
            PreviousTermStart[day] = currentTermFirstDay;
            return;
        }

        if (t.Term[day] != currentTerm || day == 0)
        {
            termOfPrevious = currentTerm;
            previousTermFirstDay = currentTermFirstDay;
            currentTerm = t.Term[day];
            currentTermFirstDay = day;
        }

        TermStart[day] = currentTermFirstDay;
        PreviousTermStart[day] = termOfPrevious == currentTerm - 1 && termOfPrevious >= 0 ? previousTermFirstDay : currentTermFirstDay;
    }

    /// <summary>After a session's mark is counted.</summary>
    public void AddSession(EvaluationRun run, int mark)
    {
        var i = Count++;
        var f = flags[run.Codes[mark].Index];
        var s = Sessions;
        var used = this.used;
        if ((used & (1 << Possible)) != 0)
        {
            s[Possible][i + 1] = s[Possible][i] + (f & PossibleFlag);
        }

        if ((used & (1 << Attended)) != 0)
        {
            s[Attended][i + 1] = s[Attended][i] + ((f & AttendedFlag) >> 1);
        }

        if ((used & (1 << Absent)) != 0)
        {
            s[Absent][i + 1] = s[Absent][i] + ((f & AbsentFlag) >> 2);
        }

        if ((used & (1 << Unauthorised)) != 0)
        {
            s[Unauthorised][i + 1] = s[Unauthorised][i] + ((f & PossibleFlag) != 0 && (flags[run.Effective[mark].Index] & UnauthorisedFlag) != 0 ? 1 : 0);
        }

        if ((used & ((1 << Late) | (1 << AttendedLate))) != 0)
        {
            var late = (f & LateFlag) != 0 || (run.HasArrival[mark] && ((f & UnmarkedLateFlag) != 0 || run.Arrivals[mark].IsLate));
            s[Late][i + 1] = s[Late][i] + (late ? 1 : 0);
            s[AttendedLate][i + 1] = s[AttendedLate][i] + (late && (f & AttendedFlag) != 0 ? 1 : 0);
        }

        SessionDay[i] = run.Day;
        SessionMark[i] = mark;

        // A day's last mark completes it: its day columns are set now, so a point judged at that
        // session already counts the whole day (a run or a day of absence ends with its afternoon).
        var t = run.Timeline;
        if (mark == (t.Pm[run.Day] >= 0 ? t.Pm[run.Day] : t.Am[run.Day]))
        {
            EndDay(run, run.Day);
        }

        var facts = run.Marks[mark].Facts;
        for (var k = 0; k < sessionSpecs.Length; k++)
        {
            var counts = ((sessionCodes.Of(run, mark, k >> 6) >> (k & 63)) & 1) != 0 && sessionSpecs[k].Admits(facts);
            var column = s[Fixed + k];
            column[i + 1] = column[i] + (counts ? 1 : 0);
        }
    }

    /// <summary>
    /// For the evidence: the counted sessions in [<paramref name="first"/>, <paramref name="end"/>)
    /// that a count column counted only through a reinterpretation, as "I counted as O" with how
    /// many of each; empty where there are none or the column reads the recorded code.
    /// </summary>
    public string ReinterpretedIn(EvaluationRun run, int column, int first, int end)
    {
        var spec = sessionSpecs[column - Fixed];
        if (spec.Reading == Policies.CodeReading.Recorded)
        {
            return string.Empty;
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = first; i < end; i++)
        {
            var mark = SessionMark[i];
            if (!spec.Codes[run.Codes[mark].Index] && RuleRunner.Matches(spec.Codes, run, mark, spec.Reading))
            {
                var pair = $"{run.Codes[mark].Code} counted as {run.Effective[mark].Code}";
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }
        }

        return string.Join(", ", counts.Select(p => $"{p.Value} {p.Key}"));
    }

    /// <summary>At a day's end, after its sessions: school days and the day columns.</summary>
    public void EndDay(EvaluationRun run, int day)
    {
        if (HasEnded(day))
        {
            return;
        }

        LastEndedDay = day;
        var t = run.Timeline;
        var school = t.SchoolDay[day];
        SchoolDays[day] = (day > 0 ? SchoolDays[day - 1] : 0) + (school ? 1 : 0);
        var am = t.Am[day];
        var pm = t.Pm[day];
        var whole = school && am >= 0 && pm >= 0;
        for (var k = 0; k < daySpecs.Length; k++)
        {
            // A day counts towards days and runs when both its sessions are marked with the codes (a half day does not).
            var qualifies = whole && ((dayCodes.Of(run, am, k >> 6) & dayCodes.Of(run, pm, k >> 6)) >> (k & 63) & 1) != 0;
            var previousRun = day > 0 ? Run[k][day - 1] : 0;
            DayCount[k][day + 1] = DayCount[k][day] + (qualifies ? 1 : 0);
            // Days the school was closed to the pupil neither break a run nor lengthen it.
            Run[k][day] = !school ? previousRun : qualifies ? previousRun + 1 : 0;
            SpellStarts[k][day + 1] = SpellStarts[k][day] + (qualifies && previousRun == 0 ? 1 : 0);
        }
    }
}
