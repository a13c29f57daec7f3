using System.Globalization;
using Attendance.Rules.Evaluation.Conditions;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;
using NodaTime;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Runs a staged escalation: each stage only after the one before it, monitoring periods counted
/// in school days after the previous stage, judged once at their end. Stages restart each academic year.
/// </summary>
internal sealed class StagedRunner(StagedRule rule, int order, PlanNode?[] conditions) : RuleRunner(rule, order)
{
    private readonly LocalDate[] dates = new LocalDate[rule.Stages.Count];
    private readonly (long Attended, long Possible)[] values = new (long, long)[rule.Stages.Count];
    private int reached;
    private bool stopped;
    private int monitoringDays;
    private long monitoringAttended;
    private long monitoringPossible;
    private LocalDate monitoringEnd;

    private readonly PercentThreshold[] thresholds = rule.Stages.Select(s => s.When switch
    {
        AttendanceBelowCondition b => new PercentThreshold(b.Percent),
        MonitoringAttendanceBelowCondition m => new PercentThreshold(m.Percent),
        _ => default,
    }).ToArray();

    private const int BelowVariant = 0;
    private const int AbsentVariant = 1;
    private const int DeclinedVariant = 2;
    private const int MonitoringVariant = 3;
    private const int ConditionVariant = 4;

    public StagedRule Staged => rule;

    /// <summary>How many stages have fallen due this academic year: the index of the next stage.</summary>
    public int Reached => reached;

    /// <summary>A stage's percentage threshold (by its index), made once (making one allocates).</summary>
    public PercentThreshold ThresholdAt(int index) => thresholds[index];

    /// <summary>Whether a stage measured over a monitoring period failed at its end, so no later stage falls due this year.</summary>
    public bool Stopped => stopped;

    /// <summary>The attendance (attended, possible) recorded for a stage that fell due this year: at the end of its school day.</summary>
    public (long Attended, long Possible) ValueOf(int stageNumber) => ValueAt(stageNumber);

    public override void Reset()
    {
        reached = 0;
        stopped = false;
        ResetMonitoring();
    }

    /// <summary>The date a stage fell due this academic year, if it has.</summary>
    public LocalDate? ReachedOn(int stageNumber)
    {
        for (var i = 0; i < reached; i++)
        {
            if (rule.Stages[i].Number == stageNumber)
            {
                return dates[i];
            }
        }

        return null;
    }

    public override void OnYearStart(EvaluationRun run)
    {
        reached = 0;
        stopped = false;
        ResetMonitoring();
    }

    public override void OnSession(EvaluationRun run, int mark)
    {
        if (stopped || reached == rule.Stages.Count)
        {
            return;
        }

        var date = run.Marks[mark].Session.Date;
        var stage = rule.Stages[reached];
        if (stage.When is ConditionStage condition)
        {
            if (condition.Judged == JudgedPeriod.Session && AfterPrevious(run, run.Day))
            {
                JudgeCondition(run, new JudgedPoint(run.Day, run.Columns!.Count, run.Columns.HasEnded(run.Day)), mark);
            }

            return;
        }

        var (attended, possible) = (run.YearAttended, run.YearPossible);
        if (reached == 0)
        {
            var first = (AttendanceBelowCondition)stage.When;
            if (possible > 0 && possible >= first.MinPossibleSessions && thresholds[0].Falls(attended, possible, first.Inclusive))
            {
                Fire(run, mark, BelowVariant, attended, possible);
            }

            return;
        }

        var previous = dates[reached - 1];
        if (date <= previous || !run.Timeline.SchoolDay[run.Day])
        {
            return;
        }

        switch (stage.When)
        {
            // A later stage below a threshold is judged from the school day after the stage before it.
            case AttendanceBelowCondition below when possible > 0 && possible >= below.MinPossibleSessions && thresholds[reached].Falls(attended, possible, below.Inclusive):
                Fire(run, mark, BelowVariant, attended, possible);
                break;
            case AbsenceAfterPreviousCondition when run.Codes[mark].IsAbsence:
                Fire(run, mark, AbsentVariant, 0, 0);
                break;
            case AttendanceDeclinedCondition { Monitoring: null } declined when IsDeclined(declined, attended, possible):
                Fire(run, mark, DeclinedVariant, attended, possible);
                break;
            case { MonitoringSchoolDays: not null }:
                var code = run.Codes[mark];
                if (code.IsPossibleSession)
                {
                    monitoringPossible++;
                    monitoringAttended += code.IsAttendance ? 1 : 0;
                }

                break;
        }
    }

    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        // A stage's attendance is its value at the end of its school day, all that day's marks counted,
        // so a decline is never the afternoon of the absence that brought the stage.
        if (reached > 0 && dates[reached - 1] == run.Timeline.Dates[day])
        {
            values[reached - 1] = (run.YearAttended, run.YearPossible);
        }

        if (!stopped && reached < rule.Stages.Count && rule.Stages[reached].When is ConditionStage condition)
        {
            if (condition.Judged != JudgedPeriod.Session && JudgedPeriods.IsPoint(JudgedPeriods.Ends(condition.Judged), run.Timeline.Ends[day]) && AfterPrevious(run, day))
            {
                JudgeCondition(run, new JudgedPoint(day, run.Columns!.Count, true), -1);
            }

            return;
        }

        if (stopped || reached == 0 || reached == rule.Stages.Count || rule.Stages[reached].When.MonitoringSchoolDays is not { } length)
        {
            return;
        }

        var date = run.Timeline.Dates[day];
        if (date <= dates[reached - 1] || ++monitoringDays < length)
        {
            return;
        }

        monitoringEnd = date;
        var markIndex = run.Timeline.Pm[day] >= 0 ? run.Timeline.Pm[day] : run.Timeline.Am[day];
        var when = rule.Stages[reached].When;
        var holds = when switch
        {
            AttendanceDeclinedCondition d => IsDeclined(d, run.YearAttended, run.YearPossible),
            MonitoringAttendanceBelowCondition => monitoringPossible > 0 && thresholds[reached].IsBelow(monitoringAttended, monitoringPossible),
            _ => false,
        };
        if (!holds)
        {
            // A condition measured over a monitoring period is fixed when it ends (decisions.md).
            stopped = true;
            return;
        }

        var (variant, a, b) = when is AttendanceDeclinedCondition
            ? (DeclinedVariant, run.YearAttended, run.YearPossible)
            : (MonitoringVariant, monitoringAttended, monitoringPossible);
        Fire(run, markIndex, variant, a, b, markIndex >= 0 ? null : EndOf(run, day), length);
    }

    /// <summary>A stage after the first is judged only on a day after the previous stage's day.</summary>
    private bool AfterPrevious(EvaluationRun run, int day) => reached == 0 || run.Timeline.Dates[day] > dates[reached - 1];

    private void JudgeCondition(EvaluationRun run, in JudgedPoint p, int mark)
    {
        var node = conditions[reached]!;
        if (node.Holds(run, p))
        {
            Fire(run, mark, ConditionVariant, p.Day, p.Sessions, mark >= 0 ? null : EndOf(run, p.Day), p.DayEnded ? 1 : 0);
        }
        else if (node.MonitoringEnds(run, p))
        {
            // A condition measured over a monitoring period is fixed when it ends (decisions.md).
            stopped = true;
        }
    }

    private bool IsDeclined(AttendanceDeclinedCondition d, long attended, long possible)
    {
        var (a0, p0) = ValueAt(d.SinceStage);
        return possible > 0 && p0 > 0 && Percent.IsRatioBelow(attended, possible, a0, p0);
    }

    private (long, long) ValueAt(int stageNumber)
    {
        for (var i = 0; i < reached; i++)
        {
            if (rule.Stages[i].Number == stageNumber)
            {
                return values[i];
            }
        }

        return (0, 0);
    }

    private void Fire(EvaluationRun run, int mark, int variant, long attended, long possible, Registers.Session? at = null, int monitoringDays = 0)
    {
        var stage = rule.Stages[reached];
        var session = at ?? run.Marks[mark].Session;

        // A referral applies only to pupils of compulsory school age on its day: for others it never
        // falls due, so no later stage (nor a reinterpretation after it) can follow it.
        if (!run.MayFallDue(stage.Action, session.Date))
        {
            return;
        }

        var action = new ActionRecord
        {
            Source = Order,
            Order = Order,
            StageIndex = reached,
            StageNumber = stage.Number,
            At = session,
            Mark = mark,
            Variant = variant,
            A = attended,
            B = possible,
            D = monitoringDays,
            Date2 = monitoringEnd,
        };
        if (reached > 0)
        {
            action.Date1 = dates[reached - 1];
            if (stage.When is AttendanceDeclinedCondition d)
            {
                (action.C, action.E) = ValueAt(d.SinceStage);
                action.Date1 = ReachedOn(d.SinceStage)!.Value;
            }
        }

        dates[reached] = session.Date;
        values[reached] = (run.YearAttended, run.YearPossible);
        reached++;
        ResetMonitoring();
        run.Emit(action, stage.Action);
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var stage = rule.Stages[action.StageIndex];
        var before = action.StageIndex > 0 ? rule.Stages[action.StageIndex - 1].Number : 0;
        long attended = action.A, possible = action.B;
        switch (action.Variant)
        {
            case ConditionVariant:
                var sb = new System.Text.StringBuilder();
                conditions[action.StageIndex]!.Describe(run, new JudgedPoint((int)action.A, (int)action.B, action.D == 1), sb);
                return sb.ToString();
            case BelowVariant:
                var first = (AttendanceBelowCondition)stage.When;
                return $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions) fell {(first.Inclusive ? "to or below" : "below")} {Pct(first.Percent)}";
            case AbsentVariant:
                var mark = run.Marks[action.Mark];
                return $"absent {mark.Session} ({run.Codes[action.Mark].Code}) after stage {before} on {EvaluationRun.Date(action.Date1)}";
            case DeclinedVariant:
                var d = (AttendanceDeclinedCondition)stage.When;
                long a0 = action.C, p0 = action.E;
                var when = action.D > 0 ? $" at the end of the {action.D} school days after stage {before}" : string.Empty;
                return $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions){when} is below {Percent.Format(a0, p0)} ({a0} of {p0}) at stage {d.SinceStage} on {EvaluationRun.Date(action.Date1)}";
            default:
                var m = (MonitoringAttendanceBelowCondition)stage.When;
                return $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions) over the {action.D} school days after stage {before} (to {EvaluationRun.Date(action.Date2)}) is below the {Pct(m.Percent)} target";
        }
    }

    private void ResetMonitoring()
    {
        monitoringDays = 0;
        monitoringAttended = monitoringPossible = 0;
    }

    private static string Pct(decimal percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";
}
