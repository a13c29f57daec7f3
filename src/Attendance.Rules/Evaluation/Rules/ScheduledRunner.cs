using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>A step due on the last school day of each week, half term or term.</summary>
internal sealed class ScheduledRunner(ScheduledRule rule, int order) : RuleRunner(rule, order)
{
    private readonly PeriodEnds flag = rule.Every switch
    {
        SchoolPeriod.Week => PeriodEnds.Week,
        SchoolPeriod.HalfTerm => PeriodEnds.HalfTerm,
        _ => PeriodEnds.Term,
    };

    public override bool OnlyAtPeriodEnds => true;

    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        if ((run.Timeline.Ends[day] & flag) != 0)
        {
            Emit(run, Due(EndOf(run, day)));
        }
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var name = rule.Every switch
        {
            SchoolPeriod.Week => "school week",
            SchoolPeriod.HalfTerm => "half term",
            _ => "term",
        };
        var inferred = run.Timeline.TermsInferred && rule.Every != SchoolPeriod.Week ? " (inferred from the register)" : string.Empty;
        return $"last school day of the {name}{inferred}: {EvaluationRun.Date(action.At.Date)}";
    }
}
