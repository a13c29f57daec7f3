using System.Globalization;
using Attendance.Rules.Policies.Rules;
using NodaTime;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Runs a staged escalation: each stage only after the one before it, monitoring periods counted
/// in school days after the previous stage, judged once at their end. Stages restart each academic year.
/// </summary>
internal sealed class StagedRunner(StagedRule rule, int order) : RuleRunner(rule, order)
{
    private readonly LocalDate[] dates = new LocalDate[rule.Stages.Count];
    private readonly (long Attended, long Possible)[] values = new (long, long)[rule.Stages.Count];
    private int reached;
    private bool stopped;
    private int monitoringDays;
    private long monitoringAttended;
    private long monitoringPossible;
    private LocalDate monitoringEnd;

    public StagedRule Staged => rule;

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

        var session = run.Marks[mark];
        var date = session.Session.Date;
        var stage = rule.Stages[reached];
        var (attended, possible) = (run.YearAttended, run.YearPossible);
        if (reached == 0)
        {
            var first = (AttendanceBelowCondition)stage.When;
            if (possible > 0 && AttendanceBelowRunner.IsBelow(attended, possible, first.Percent, first.Inclusive))
            {
                Fire(run, mark, $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions) fell {(first.Inclusive ? "to or below" : "below")} {Pct(first.Percent)}");
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
            case AbsenceAfterPreviousCondition when run.Marks[mark].Code!.IsAbsence:
                Fire(run, mark, $"absent {session.Session} ({session.Code!.Code}) after stage {rule.Stages[reached - 1].Number} on {EvaluationRun.Date(previous)}");
                break;
            case AttendanceDeclinedCondition { Monitoring: null } declined when IsDeclined(declined, attended, possible):
                Fire(run, mark, DeclinedEvidence(declined, attended, possible, null));
                break;
            case { MonitoringSchoolDays: not null }:
                var code = run.Marks[mark].Code!;
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
        var end = EndOf(run, day);
        var markIndex = run.Timeline.Pm[day] >= 0 ? run.Timeline.Pm[day] : run.Timeline.Am[day];
        var holds = rule.Stages[reached].When switch
        {
            AttendanceDeclinedCondition d => IsDeclined(d, run.YearAttended, run.YearPossible),
            MonitoringAttendanceBelowCondition m => monitoringPossible > 0 && Percent.IsBelow(monitoringAttended, monitoringPossible, m.Percent),
            _ => false,
        };
        if (!holds)
        {
            // A condition measured over a monitoring period is fixed when it ends (decisions.md).
            stopped = true;
            return;
        }

        var evidence = rule.Stages[reached].When switch
        {
            AttendanceDeclinedCondition d => DeclinedEvidence(d, run.YearAttended, run.YearPossible, length),
            MonitoringAttendanceBelowCondition m =>
                $"attendance {Percent.Format(monitoringAttended, monitoringPossible)} ({monitoringAttended} of {monitoringPossible} possible sessions) over the {length} school days after stage {rule.Stages[reached - 1].Number} (to {EvaluationRun.Date(monitoringEnd)}) is below the {Pct(m.Percent)} target",
            _ => string.Empty,
        };
        if (markIndex >= 0)
        {
            Fire(run, markIndex, evidence);
        }
        else
        {
            Fire(run, -1, evidence, end);
        }
    }

    private bool IsDeclined(AttendanceDeclinedCondition d, long attended, long possible)
    {
        var (a0, p0) = ValueAt(d.SinceStage);
        return possible > 0 && p0 > 0 && Percent.IsRatioBelow(attended, possible, a0, p0);
    }

    private string DeclinedEvidence(AttendanceDeclinedCondition d, long attended, long possible, int? days)
    {
        var (a0, p0) = ValueAt(d.SinceStage);
        var when = days is { } n ? $" at the end of the {n} school days after stage {rule.Stages[reached - 1].Number}" : string.Empty;
        return $"attendance {Percent.Format(attended, possible)} ({attended} of {possible} possible sessions){when} is below {Percent.Format(a0, p0)} ({a0} of {p0}) at stage {d.SinceStage} on {EvaluationRun.Date(ReachedOn(d.SinceStage)!.Value)}";
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

    private void Fire(EvaluationRun run, int mark, string evidence, Registers.Session? at = null)
    {
        var stage = rule.Stages[reached];
        var session = at ?? run.Marks[mark].Session;
        dates[reached] = session.Date;
        values[reached] = (run.YearAttended, run.YearPossible);
        reached++;
        ResetMonitoring();
        run.Emit(Order, new PolicyAction
        {
            RuleId = Rule.Id,
            Kind = stage.Action,
            Stage = stage.Number,
            Title = stage.Title,
            Date = session.Date,
            Session = session.Part,
            Evidence = evidence,
            FollowUps = stage.FollowUps,
        });
    }

    private void ResetMonitoring()
    {
        monitoringDays = 0;
        monitoringAttended = monitoringPossible = 0;
    }

    private static string Pct(decimal percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";
}
