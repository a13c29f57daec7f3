using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Runs one rule over a register during an <see cref="EvaluationRun"/>. One runner per rule kind;
/// a runner belongs to one run and is reset for every register, so it may keep state. It records
/// actions as <see cref="ActionRecord"/>s and writes their evidence only when asked.
/// </summary>
internal abstract class RuleRunner(Rule rule, int order)
{
    public Rule Rule { get; } = rule;

    public int Order { get; } = order;

    /// <summary>Back to the state before any register.</summary>
    public virtual void Reset()
    {
    }

    /// <summary>After <see cref="Reset"/>, with the run's new register in place.</summary>
    public virtual void OnRegister(EvaluationRun run)
    {
    }

    public virtual void OnYearStart(EvaluationRun run)
    {
    }

    /// <summary>After a session's mark has been counted.</summary>
    public virtual void OnSession(EvaluationRun run, int mark)
    {
    }

    /// <summary>The codes (by index) whose sessions <see cref="OnSession"/> acts on, by a mark's own code or the one it counts as; null for every session. The run skips the call for other sessions.</summary>
    public virtual bool[]? SessionMask => null;

    /// <summary>The codes (by index) of which a school day needs a mark, by its own code or the one it counts as, for <see cref="OnSchoolDayEnd"/> to act; null for every school day. The run skips the call for other days.</summary>
    public virtual bool[]? DayMask => null;

    /// <summary>Whether <see cref="OnSchoolDayEnd"/> acts only on the last school day of a week, half term, term or year, so the run need not call it on other days.</summary>
    public virtual bool OnlyAtPeriodEnds => false;

    /// <summary>At the end of a school day, after its sessions.</summary>
    public virtual void OnSchoolDayEnd(EvaluationRun run, int day)
    {
    }

    /// <summary>The evidence of an action this runner recorded.</summary>
    public abstract string Evidence(in ActionRecord action, EvaluationRun run);

    /// <summary>The rule's action falling due at a session, to be filled with its evidence figures.</summary>
    protected ActionRecord Due(Session at, int mark = -1) => new()
    {
        Source = Order,
        Order = Order,
        StageIndex = -1,
        At = at,
        Mark = mark,
    };

    protected ActionRecord Due(EvaluationRun run, int mark) => Due(run.Marks[mark].Session, mark);

    protected void Emit(EvaluationRun run, in ActionRecord action) => run.Emit(action, Rule.Action ?? ActionKind.Notification);

    /// <summary>The session of a day to date an action at the day's end: its PM mark, else its AM mark, else the PM session.</summary>
    protected static Session EndOf(EvaluationRun run, int day)
    {
        var t = run.Timeline;
        var mark = t.Pm[day] >= 0 ? t.Pm[day] : t.Am[day];
        return mark >= 0 ? run.Marks[mark].Session : Session.Afternoon(t.Dates[day]);
    }

    /// <summary>
    /// Whether a mark counts for a rule's codes: by its own code, or by the code a reinterpretation
    /// makes it count as. A reinterpreted illness is still an illness (for a sickness return) and
    /// now also unauthorised (for a penalty-notice threshold).
    /// </summary>
    internal static bool Matches(bool[] mask, EvaluationRun run, int mark) =>
        mask[run.Effective[mark].Index] || mask[run.Codes[mark].Index];

    /// <summary>Whether a mark counts for a rule's codes as the rule reads them: <see cref="CodeReading.Recorded"/> by its own code only, otherwise as <see cref="Matches(bool[], EvaluationRun, int)"/>.</summary>
    internal static bool Matches(bool[] mask, EvaluationRun run, int mark, CodeReading reading) =>
        reading == CodeReading.Recorded ? mask[run.Codes[mark].Index] : Matches(mask, run, mark);

    internal static bool[] Mask(CodeSelection selection)
    {
        var mask = new bool[NationalCodeTable.Count];
        foreach (var code in NationalCodeTable.All)
        {
            mask[code.Index] = selection.Contains(code.Code);
        }

        return mask;
    }
}
