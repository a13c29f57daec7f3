using System.Globalization;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>Fires when attendance over the rule's period falls below its threshold.</summary>
internal sealed class AttendanceBelowRunner(AttendanceBelowRule rule, int order) : RuleRunner(rule, order)
{
    private readonly PercentThreshold threshold = new(rule.Percent);
    // fresh_sessions is for counts; the reader refuses it here, and a policy built in code gets on_lapse, as before.
    private readonly RepeatMode mode = rule.Repeat == RepeatMode.FreshSessions ? RepeatMode.OnLapse : rule.Repeat;
    private FiringGate gate;

    public override void Reset() => gate = new(mode);

    /// <summary>The rule's threshold, made once (making one allocates).</summary>
    public PercentThreshold Threshold => threshold;

    /// <summary>The rule's repeat state, for its distance.</summary>
    public FiringGate Gate => gate;

    public override void OnYearStart(EvaluationRun run) => gate.StartYear();

    public override void OnSession(EvaluationRun run, int mark)
    {
        var (attended, possible) = rule.Period == AttendancePeriod.AcademicYear
            ? (run.YearAttended, run.YearPossible)
            : run.Rolling12Months(run.Marks[mark].Session.Date);
        var holds = possible > 0 && possible >= rule.MinPossibleSessions && threshold.Falls(attended, possible, rule.Inclusive);
        if (gate.Fires(holds))
        {
            var action = Due(run, mark);
            action.A = attended;
            action.B = possible;
            Emit(run, action);
        }
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var period = rule.Period == AttendancePeriod.AcademicYear ? "this academic year" : "over the last 12 months";
        return $"attendance {Percent.Format(action.A, action.B)} ({action.A} of {action.B} possible sessions) {period} fell {(rule.Inclusive ? "to or below" : "below")} {rule.Percent.ToString(CultureInfo.InvariantCulture)}%";
    }
}
