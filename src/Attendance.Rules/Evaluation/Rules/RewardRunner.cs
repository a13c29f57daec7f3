using System.Globalization;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>A reward judged on the last school day of each term and of the academic year.</summary>
internal sealed class RewardRunner(RewardRule rule, int order) : RuleRunner(rule, order)
{
    private const int TermVariant = 0;
    private const int YearVariant = 1;
    private readonly bool termly = rule.Periods.Contains(SchoolPeriod.Term);
    private readonly bool yearly = rule.Periods.Contains(SchoolPeriod.AcademicYear);

    public override bool OnlyAtPeriodEnds => true;

    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        var ends = run.Timeline.Ends[day];
        if (termly && (ends & PeriodEnds.Term) != 0)
        {
            Judge(run, day, run.TermAttended, run.TermPossible, TermVariant);
        }

        if (yearly && (ends & PeriodEnds.Year) != 0)
        {
            Judge(run, day, run.YearAttended, run.YearPossible, YearVariant);
        }
    }

    private void Judge(EvaluationRun run, int day, long attended, long possible, int variant)
    {
        if (possible > 0 && Percent.IsAtLeast(attended, possible, rule.Percent))
        {
            var action = Due(EndOf(run, day));
            action.A = attended;
            action.B = possible;
            action.C = run.Year.StartYear;
            action.Variant = variant;
            Emit(run, action);
        }
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var period = action.Variant == TermVariant
            ? "the term" + (run.Timeline.TermsInferred ? " (terms inferred from the register)" : string.Empty)
            : $"the academic year {new Registers.AcademicYear((int)action.C)}";
        return $"attendance {Percent.Format(action.A, action.B)} ({action.A} of {action.B} possible sessions) over {period} is at least {rule.Percent.ToString(CultureInfo.InvariantCulture)}%";
    }
}
