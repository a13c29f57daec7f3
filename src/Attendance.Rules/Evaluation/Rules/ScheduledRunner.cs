using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>A step due on the last school day of each week, half term or term.</summary>
internal sealed class ScheduledRunner(ScheduledRule rule, int order) : RuleRunner(rule, order)
{
    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        var (flag, name) = rule.Every switch
        {
            SchoolPeriod.Week => (PeriodEnds.Week, "school week"),
            SchoolPeriod.HalfTerm => (PeriodEnds.HalfTerm, "half term"),
            _ => (PeriodEnds.Term, "term"),
        };
        if ((run.Timeline.Ends[day] & flag) == 0)
        {
            return;
        }

        var at = EndOf(run, day);
        var inferred = run.Timeline.TermsInferred && rule.Every != SchoolPeriod.Week ? " (inferred from the register)" : string.Empty;
        run.Emit(Order, Action(at, $"last school day of the {name}{inferred}: {EvaluationRun.Date(at.Date)}"));
    }
}
