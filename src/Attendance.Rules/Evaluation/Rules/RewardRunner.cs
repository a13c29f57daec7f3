using System.Globalization;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>A reward judged on the last school day of each term and of the academic year.</summary>
internal sealed class RewardRunner(RewardRule rule, int order) : RuleRunner(rule, order)
{
    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        var ends = run.Timeline.Ends[day];
        var at = EndOf(run, day);
        var inferred = run.Timeline.TermsInferred ? " (terms inferred from the register)" : string.Empty;
        if ((ends & PeriodEnds.Term) != 0 && rule.Periods.Contains(SchoolPeriod.Term))
        {
            Judge(run, at, run.TermAttended, run.TermPossible, "the term" + inferred);
        }

        if ((ends & PeriodEnds.Year) != 0 && rule.Periods.Contains(SchoolPeriod.AcademicYear))
        {
            Judge(run, at, run.YearAttended, run.YearPossible, $"the academic year {run.Year}");
        }
    }

    private void Judge(EvaluationRun run, Registers.Session at, long attended, long possible, string period)
    {
        if (possible > 0 && Percent.IsAtLeast(attended, possible, rule.Percent))
        {
            run.Emit(Order, Action(at,
                $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions) over {period} is at least {rule.Percent.ToString(CultureInfo.InvariantCulture)}%"));
        }
    }
}
