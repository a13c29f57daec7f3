using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>One action for each school day with a code in the set (first-day calling on <c>N</c>).</summary>
internal sealed class DailyCodeRunner(DailyCodeRule rule, int order) : RuleRunner(rule, order)
{
    private readonly bool[] mask = Mask(rule.Codes);

    public override bool[]? DayMask => mask;

    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        var t = run.Timeline;
        var first = t.Am[day] >= 0 && Matches(mask, run, t.Am[day]) ? t.Am[day]
            : t.Pm[day] >= 0 && Matches(mask, run, t.Pm[day]) ? t.Pm[day] : -1;
        if (first >= 0)
        {
            Emit(run, Due(run, first));
        }
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run) =>
        $"{run.Marks[action.Mark].Session} marked {run.Effective[action.Mark].Code}";
}
