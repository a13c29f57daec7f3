using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Counts sessions with codes in a set within a window; on reaching the count it records a
/// threshold hit and an action, and the sessions counted are never counted again.
/// </summary>
internal sealed class SessionCountRunner(SessionCountRule rule, int order) : RuleRunner(rule, order)
{
    private readonly bool[] mask = Mask(rule.Codes);
    private readonly List<Counted> pending = [];
    private bool firedThisYear;

    private readonly record struct Counted(int Mark, int Week, int Term, AcademicYear Year, LocalDate WeekMonday);

    public override void OnYearStart(EvaluationRun run) => firedThisYear = false;

    public override void OnSession(EvaluationRun run, int mark)
    {
        if (!Matches(mask, run, mark))
        {
            return;
        }

        var t = run.Timeline;
        var day = run.Day;
        var date = t.Dates[day];
        pending.Add(new Counted(mark, t.Week[day], t.Term[day], AcademicYear.Containing(date), Timeline.MondayOf(date)));

        // Drop what has left the window for good; what is left is the count. A plain loop: this
        // runs for every counted session, so no closure is allocated.
        var window = rule.Window;
        var kept = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var c = pending[i];
            var inWindow = window.Kind switch
            {
                CountWindowKind.RollingSchoolWeeks => c.Week > t.Week[day] - window.SchoolWeeks,
                CountWindowKind.AcademicYear => c.Year == run.Year,
                CountWindowKind.Term => c.Term == t.Term[day],
                _ => c.Term >= t.Term[day] - 1,
            };
            if (inWindow)
            {
                pending[kept++] = c;
            }
        }

        pending.RemoveRange(kept, pending.Count - kept);
        if (pending.Count < rule.AtLeastSessions || (rule.Repeat == RepeatMode.OncePerYear && firedThisYear))
        {
            return;
        }

        firedThisYear = true;
        var sessions = pending.Select(c => run.Marks[c.Mark].Session).ToValueList();
        var first = window.Kind == CountWindowKind.RollingSchoolWeeks ? FirstWeekOfWindow(run, day) : pending[0].WeekMonday;
        var last = Timeline.MondayOf(date);
        var codes = string.Join(", ", rule.Codes.Codes);
        var noun = pending.Count == 1 ? "session" : "sessions";
        var what = rule.Codes.SetName is { } name ? $"{name} {noun} ({codes})" : $"{noun} of {codes}";
        var where = window.Kind switch
        {
            CountWindowKind.RollingSchoolWeeks => $"in the {window.SchoolWeeks} school weeks {EvaluationRun.Short(first)}–{EvaluationRun.Short(last.PlusDays(6))}",
            CountWindowKind.AcademicYear => $"in the academic year {run.Year}",
            CountWindowKind.Term => $"in the term{(t.TermsInferred ? " (terms inferred from the register)" : string.Empty)}",
            _ => $"in the current and previous term{(t.TermsInferred ? " (terms inferred from the register)" : string.Empty)}",
        };
        var list = string.Join(", ", pending.Select(c => Describe(run, c.Mark)));
        run.Hit(new ThresholdHit { RuleId = Rule.Id, Date = date, FirstWeek = first, LastWeek = last, CountedSessions = sessions }, Rule.Action);
        var evidence = $"{pending.Count} {what} {where} reached {rule.AtLeastSessions}: {list}";
        if (rule.Action == ActionKind.Referral && run.Compiled.Policy.PenaltyNotices is { } notices)
        {
            // What a notice would be if one were issued now; the hit itself never implies one was.
            var next = PenaltyNoticeSequence.Next(notices, run.PriorNotices.Where(p => p.IssuedOn <= date), date);
            evidence += $"; if a penalty notice is issued: {next.Explanation}";
        }

        run.Emit(Order, Action(run.Marks[mark], evidence, sessions));
        pending.Clear();
    }

    private static string Describe(EvaluationRun run, int mark)
    {
        var original = run.Marks[mark].Code!.Code;
        var effective = run.Effective[mark].Code;
        return $"{run.Marks[mark].Session} {original}{(original == effective ? string.Empty : $" (counted as {effective})")}";
    }

    /// <summary>The Monday of the earliest school week in the window that ends with the current day's week.</summary>
    private LocalDate FirstWeekOfWindow(EvaluationRun run, int day)
    {
        var t = run.Timeline;
        var firstWeek = t.Week[day] - rule.Window.SchoolWeeks + 1;
        var monday = Timeline.MondayOf(t.Dates[day]);
        for (var i = day; i >= 0; i--)
        {
            if (t.SchoolDay[i])
            {
                if (t.Week[i] < firstWeek)
                {
                    break;
                }

                monday = Timeline.MondayOf(t.Dates[i]);
            }
        }

        return monday;
    }
}
