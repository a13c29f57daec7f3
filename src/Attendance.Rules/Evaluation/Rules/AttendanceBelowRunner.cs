using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>Fires when attendance over the rule's period falls below its threshold.</summary>
internal sealed class AttendanceBelowRunner(AttendanceBelowRule rule, int order) : RuleRunner(rule, order)
{
    private FiringGate gate = new(rule.Repeat);

    public override void OnYearStart(EvaluationRun run) => gate.StartYear();

    public override void OnSession(EvaluationRun run, int mark)
    {
        var session = run.Marks[mark];
        var (attended, possible) = rule.Period == AttendancePeriod.AcademicYear
            ? (run.YearAttended, run.YearPossible)
            : run.Rolling12Months(session.Session.Date);
        var holds = possible > 0 && possible >= rule.MinPossibleSessions && IsBelow(attended, possible, rule.Percent, rule.Inclusive);
        if (gate.Fires(holds))
        {
            var period = rule.Period == AttendancePeriod.AcademicYear ? "this academic year" : "over the last 12 months";
            run.Emit(Order, Action(session,
                $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions) {period} fell {(rule.Inclusive ? "to or below" : "below")} {rule.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}%"));
        }
    }

    internal static bool IsBelow(long attended, long possible, decimal percent, bool inclusive) =>
        inclusive ? attended * 100m <= percent * possible : Percent.IsBelow(attended, possible, percent);
}
