using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Runs one rule over a register during an <see cref="EvaluationRun"/>. One runner per rule kind;
/// a runner is made fresh for every evaluation, so it may keep state.
/// </summary>
internal abstract class RuleRunner(Rule rule, int order)
{
    public Rule Rule { get; } = rule;

    public int Order { get; } = order;

    public virtual void OnYearStart(EvaluationRun run)
    {
    }

    /// <summary>After a session's mark has been counted.</summary>
    public virtual void OnSession(EvaluationRun run, int mark)
    {
    }

    /// <summary>At the end of a school day, after its sessions.</summary>
    public virtual void OnSchoolDayEnd(EvaluationRun run, int day)
    {
    }

    protected PolicyAction Action(SessionMark at, string evidence, ValueList<Session>? sessions = null) =>
        Action(at.Session, evidence, sessions);

    /// <summary>The rule's action, falling due at a session, with its evidence and follow-ups.</summary>
    protected PolicyAction Action(Session at, string evidence, ValueList<Session>? sessions = null) => new()
    {
        RuleId = Rule.Id,
        Kind = Rule.Action ?? ActionKind.Notification,
        Title = Rule.Title,
        Date = at.Date,
        Session = at.Part,
        Evidence = evidence,
        Sessions = sessions ?? ValueList<Session>.Empty,
        FollowUps = Rule.FollowUps,
    };

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
    protected static bool Matches(bool[] mask, EvaluationRun run, int mark) =>
        mask[run.Effective[mark].Index] || mask[run.Marks[mark].Code!.Index];

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
