using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using NodaTime;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Counts sessions with codes in a set within a window; on reaching the count it records a
/// threshold hit and an action, and the sessions counted are never counted again.
/// </summary>
internal sealed class SessionCountRunner(SessionCountRule rule, int order) : RuleRunner(rule, order)
{
    private readonly bool[] mask = Mask(rule.Codes);
    private readonly CountWindowKind kind = rule.Window.Kind;
    private readonly int schoolWeeks = rule.Window.SchoolWeeks;
    private Counted[] pending = new Counted[Math.Max(16, rule.AtLeastSessions * 2)];
    private int[] marks = new int[Math.Max(16, rule.AtLeastSessions * 2)];

    // The counted sessions still in the window are pending[head..tail), oldest first.
    private int head;
    private int tail;
    private bool firedThisYear;

    private readonly record struct Counted(int Mark, int Day, int Week, int Term, int Year);

    public override bool[]? SessionMask => mask;

    public override void Reset()
    {
        head = tail = 0;
        firedThisYear = false;
    }

    public override void OnYearStart(EvaluationRun run) => firedThisYear = false;

    /// <summary>Whether the rule fell due this academic year (what a once-a-year count waits on).</summary>
    public bool FiredThisYear => firedThisYear;

    /// <summary>The sessions counted and not yet used by a hit that are still in the window at a session of the given school week, term and academic year.</summary>
    public int CountedAt(int week, int term, int year)
    {
        var n = 0;
        for (var i = head; i < tail; i++)
        {
            if (InWindow(pending[i], week, term, year))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The school week, term and academic year of the oldest counted session still in the window at the given point, if any.</summary>
    public bool TryOldest(int week, int term, int year, out int oldestWeek, out int oldestTerm)
    {
        for (var i = head; i < tail; i++)
        {
            if (InWindow(pending[i], week, term, year))
            {
                (oldestWeek, oldestTerm) = (pending[i].Week, pending[i].Term);
                return true;
            }
        }

        (oldestWeek, oldestTerm) = (0, 0);
        return false;
    }

    /// <summary>Whether a session of the given school week, term and year is in the window at a later point.</summary>
    public bool InWindowAt(int week, int term, int year, int atWeek, int atTerm, int atYear) =>
        InWindow(new Counted(-1, -1, week, term, year), atWeek, atTerm, atYear);

    public override void OnSession(EvaluationRun run, int mark)
    {
        if (!Matches(mask, run, mark, rule.Reading))
        {
            return;
        }

        var t = run.Timeline;
        var day = run.Day;
        if (tail == pending.Length)
        {
            if (head > 0)
            {
                Array.Copy(pending, head, pending, 0, tail - head);
                tail -= head;
                head = 0;
            }
            else
            {
                Array.Resize(ref pending, pending.Length * 2);
                Array.Resize(ref marks, marks.Length * 2);
            }
        }

        pending[tail++] = new Counted(mark, day, t.Week[day], t.Term[day], t.Years[day]);

        // Drop what has left the window for good. Every window moves forward in time, so what has
        // left it is always the oldest: the pending sessions are a queue.
        var week = t.Week[day];
        var term = t.Term[day];
        var year = run.Year.StartYear;
        while (head < tail && !InWindow(pending[head], week, term, year))
        {
            head++;
        }

        var count = tail - head;
        if (count < rule.AtLeastSessions || (rule.Repeat == RepeatMode.OncePerYear && firedThisYear))
        {
            return;
        }

        firedThisYear = true;
        for (var i = 0; i < count; i++)
        {
            marks[i] = pending[head + i].Mark;
        }

        var start = run.Keep(marks.AsSpan(0, count));
        var first = kind == CountWindowKind.RollingSchoolWeeks ? t.FirstWeekOfWindow(day, schoolWeeks, run.Calendar) : Timeline.MondayOf(t.Dates[pending[head].Day]);
        var date = t.Dates[day];
        var last = Timeline.MondayOf(date);
        run.Hit(new HitRecord { Runner = Order, Date = date, FirstWeek = first, LastWeek = last, ListStart = start, ListCount = count }, Rule.Action);
        var action = Due(run, mark);
        action.ListStart = start;
        action.ListCount = count;
        action.Date1 = first;
        action.Date2 = last;
        action.C = run.Year.StartYear;
        Emit(run, action);
        head = tail = 0;
    }

    private bool InWindow(in Counted c, int week, int term, int year) => kind switch
    {
        CountWindowKind.RollingSchoolWeeks => c.Week > week - schoolWeeks,
        CountWindowKind.AcademicYear => c.Year == year,
        CountWindowKind.Term => c.Term == term,
        _ => c.Term >= term - 1,
    };

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var window = rule.Window;
        var counted = action.ListCount;
        var codes = string.Join(", ", rule.Codes.Codes);
        var noun = counted == 1 ? "session" : "sessions";
        var what = (rule.Codes.SetName is { } name ? $"{name} {noun} ({codes})" : $"{noun} of {codes}") + (rule.Reading == CodeReading.Recorded ? " as recorded" : string.Empty);
        var inferred = run.Timeline.TermsInferred ? " (terms inferred from the register)" : string.Empty;
        var where = window.Kind switch
        {
            CountWindowKind.RollingSchoolWeeks => $"in the {window.SchoolWeeks} school weeks {EvaluationRun.Short(action.Date1)}–{EvaluationRun.Short(action.Date2.PlusDays(6))}",
            CountWindowKind.AcademicYear => $"in the academic year {new Registers.AcademicYear((int)action.C)}",
            CountWindowKind.Term => $"in the term{inferred}",
            _ => $"in the current and previous term{inferred}",
        };
        var list = new List<string>(counted);
        foreach (var mark in run.Counted(action.ListStart, counted))
        {
            list.Add(Describe(run, mark));
        }

        var evidence = $"{counted} {what} {where} reached {rule.AtLeastSessions}: {string.Join(", ", list)}";
        if (rule.Action == ActionKind.Referral && run.Compiled.Policy.PenaltyNotices is { } notices)
        {
            // What a notice would be if one were issued now; the hit itself never implies one was.
            var date = action.At.Date;
            var next = PenaltyNoticeSequence.Next(notices, run.PriorNotices.Where(p => p.IssuedOn <= date), date);
            evidence += $"; if a penalty notice is issued: {next.Explanation}";
        }

        return evidence;
    }

    private static string Describe(EvaluationRun run, int mark)
    {
        var original = run.Codes[mark].Code;
        var effective = run.Effective[mark].Code;
        return $"{run.Marks[mark].Session} {original}{(original == effective ? string.Empty : $" (counted as {effective})")}";
    }
}
