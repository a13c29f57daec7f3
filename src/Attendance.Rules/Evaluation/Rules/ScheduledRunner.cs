using Attendance.Rules.Evaluation.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>A step due on the last school day of each week, half term or term, where its condition (if any) holds then.</summary>
internal sealed class ScheduledRunner(ScheduledRule rule, int order, PlanNode? when) : RuleRunner(rule, order)
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
        if ((run.Timeline.Ends[day] & flag) != 0 && (when is null || when.Holds(run, new JudgedPoint(day, run.Columns!.Count, true))))
        {
            var action = Due(EndOf(run, day));
            action.A = day;
            action.B = run.Columns?.Count ?? 0;
            Emit(run, action);
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
        var text = $"last school day of the {name}{inferred}: {EvaluationRun.Date(action.At.Date)}";
        if (when is null)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text).Append("; ");
        when.Describe(run, new JudgedPoint((int)action.A, (int)action.B, true), sb);
        return sb.ToString();
    }
}
