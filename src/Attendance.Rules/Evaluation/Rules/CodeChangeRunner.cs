using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// An action when a code in the set starts (or ends) on the register, at most once per academic
/// year unless the rule's <c>repeat</c> says otherwise (a change is an event, so <c>on_lapse</c>
/// fires on every change). A session on which the school was not open to the pupil (<c>#</c>,
/// <c>Z</c>, <c>Y4</c>), unless its code is in the set, neither starts nor ends a spell: a closure
/// does not end a part-time timetable.
/// </summary>
internal sealed class CodeChangeRunner(CodeChangeRule rule, int order) : RuleRunner(rule, order)
{
    private readonly bool[] mask = Mask(rule.Codes);
    private readonly RepeatMode mode = rule.Repeat == RepeatMode.FreshSessions ? RepeatMode.OnLapse : rule.Repeat;
    private FiringGate gate;
    private bool previousInSet;

    public override void Reset()
    {
        gate = new(mode);
        previousInSet = false;
    }

    public override void OnYearStart(EvaluationRun run) => gate.StartYear();

    public override void OnSession(EvaluationRun run, int mark)
    {
        var inSet = Matches(mask, run, mark);
        if (!inSet && !run.Effective[mark].IsSchoolOpen)
        {
            // A closure neither starts nor ends a spell (decisions.md: such days do not break runs).
            return;
        }

        var changed = rule.Ends ? previousInSet && !inSet : inSet && !previousInSet;
        if (gate.Fires(changed))
        {
            Emit(run, Due(run, mark));
        }

        previousInSet = inSet;
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var mark = run.Marks[action.Mark].WithCode(run.Codes[action.Mark]);
        var deadline = rule.WithinSchoolDays is { } days ? $"; due within {days} school days" : string.Empty;
        var what = rule.Ends ? $"{string.Join(", ", rule.Codes.Codes)} ended: {mark} follows a session marked {string.Join(", ", rule.Codes.Codes)}"
            : $"{mark} starts {run.Effective[action.Mark].Code}";
        return what + deadline;
    }
}
