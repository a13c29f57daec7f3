using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using NodaTime;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Counts a run of school days on which both sessions have codes in a set. Days the school was
/// not open neither extend nor break a run.
/// </summary>
internal sealed class ConsecutiveDaysRunner(ConsecutiveDaysRule rule, int order) : RuleRunner(rule, order)
{
    private readonly bool[] mask = Mask(rule.Codes);
    private readonly RepeatMode mode = rule.Repeat == RepeatMode.FreshSessions ? RepeatMode.OnLapse : rule.Repeat;
    private FiringGate gate;
    private int run;
    private LocalDate runStart;
    private int lastDayEnded;

    // Called only on days with a mark of its codes: a school day skipped since the last call broke the run.
    public override bool[]? DayMask => mask;

    /// <summary>The rule's repeat state, for its distance.</summary>
    public FiringGate Gate => gate;

    /// <summary>The run's length in school days as of the end of the last school day ended (0 where a school day since broke it).</summary>
    public int CurrentRun(EvaluationRun evaluation) => lastDayEnded == evaluation.SchoolDaysEnded ? run : 0;

    public override void Reset()
    {
        gate = new(mode);
        run = 0;
        runStart = default;
        lastDayEnded = 0;
    }

    /// <summary>Breaks the run where school days without a mark of its codes have ended since the last call.</summary>
    private void CatchUp(int daysEnded)
    {
        if (daysEnded > lastDayEnded)
        {
            run = 0;
            gate.Fires(false);
        }
    }

    public override void OnYearStart(EvaluationRun evaluation)
    {
        gate.StartYear();

        // A run the summer holiday did not break is the same run: its condition keeps holding into the
        // new year, so an on_lapse rule does not fire again until the run lapses (engine-semantics:
        // "a rule does not fire again while its condition keeps holding"). A run that school days
        // skipped before the holiday broke is reset by the next call's catch-up before it can fire.
        if (run >= rule.AtLeastDays)
        {
            gate.KeepHolding();
        }
    }

    public override void OnSchoolDayEnd(EvaluationRun evaluation, int day)
    {
        CatchUp(evaluation.SchoolDaysEnded - 1);
        lastDayEnded = evaluation.SchoolDaysEnded;
        var t = evaluation.Timeline;
        var qualifies = t.Am[day] >= 0 && t.Pm[day] >= 0 && Matches(mask, evaluation, t.Am[day], rule.Reading) && Matches(mask, evaluation, t.Pm[day], rule.Reading);
        if (!qualifies)
        {
            run = 0;
            gate.Fires(false);
            return;
        }

        if (run++ == 0)
        {
            runStart = t.Dates[day];
        }

        if (run >= rule.AtLeastDays && gate.Fires(true))
        {
            var action = Due(evaluation, t.Pm[day]);
            action.A = run;
            action.Date1 = runStart;
            action.Date2 = t.Dates[day];
            Emit(evaluation, action);
        }
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run) =>
        $"{action.A} consecutive school days ({EvaluationRun.Date(action.Date1)} to {EvaluationRun.Date(action.Date2)}) with every session {string.Join(", ", rule.Codes.Codes)}{(rule.Reading == CodeReading.Recorded ? " as recorded" : string.Empty)} reached {rule.AtLeastDays}";
}
