using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// The one table of how each v1 rule type and stage condition is written in the language v2.
/// Events keep kinds of their own and are not expanded: <c>daily_code</c>, <c>unresolved_code</c>,
/// <c>code_starts</c>, <c>code_ends</c>, <c>admission</c>, <c>reinterpret</c>, <c>scheduled</c>.
/// </summary>
internal static class V1Expansion
{
    /// <summary>Every code that counts as absence in either code set, for "any absence".</summary>
    private static readonly CodeSelection AbsenceCodes = new(null, ValueList<string>.From(
        NationalCodeTable.All.Where(c => c.IsAbsence).Select(c => c.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    /// <summary>The v2 form of one rule: one rule, or two for a reward judged both each term and each year (the second's id ends in <c>-year</c>).</summary>
    public static IEnumerable<Rule> Expand(Rule rule)
    {
        switch (rule)
        {
            case AttendanceBelowRule r:
                yield return Condition(r, Compare(PercentMeasure.Attendance, r.Period == AttendancePeriod.AcademicYear ? PeriodWindow.AcademicYear : new RollingWindow(RollingUnit.Months, 12),
                    r.Inclusive ? ComparisonOperator.AtOrBelow : ComparisonOperator.Below, r.Percent, r.MinPossibleSessions), JudgedPeriod.Session);
                break;
            case SessionCountRule r:
                yield return Condition(r, Compare(new CountMeasure(r.Codes, Reading: r.Reading), Window(r.Window), ComparisonOperator.AtLeast, r.AtLeastSessions), JudgedPeriod.Session);
                break;
            case ConsecutiveDaysRule r:
                yield return Condition(r, Compare(new RunMeasure(r.Codes, r.Reading), PeriodWindow.AcademicYear, ComparisonOperator.AtLeast, r.AtLeastDays), JudgedPeriod.Day);
                break;
            case RewardRule r:
                foreach (var period in r.Periods)
                {
                    var (window, judged, suffix) = period switch
                    {
                        SchoolPeriod.Week => ((Window)new RollingWindow(RollingUnit.Weeks, 1), JudgedPeriod.Week, "-week"),
                        SchoolPeriod.HalfTerm => (PeriodWindow.HalfTerm, JudgedPeriod.HalfTerm, "-half-term"),
                        SchoolPeriod.Term => (PeriodWindow.Term, JudgedPeriod.Term, string.Empty),
                        _ => (PeriodWindow.AcademicYear, JudgedPeriod.Year, "-year"),
                    };
                    var id = period == SchoolPeriod.Term || r.Periods.Count == 1 ? r.Id : r.Id + suffix;
                    yield return Condition(r, Compare(PercentMeasure.Attendance, window, ComparisonOperator.AtLeast, r.Percent), judged) with { Id = id, Repeat = RepeatMode.EveryTime };
                }

                break;
            case StagedRule r:
                yield return r with { Stages = ValueList<Stage>.From(r.Stages.Select((s, i) => s with { When = Stage(r, i) })) };
                break;
            default:
                yield return rule;
                break;
        }
    }

    private static ConditionRule Condition(Rule r, Comparison when, JudgedPeriod judged) => new()
    {
        Id = r.Id, Title = r.Title, Action = r.Action, Sources = r.Sources, FollowUps = r.FollowUps, Repeat = r.Repeat, Note = r.Note, Role = r.Role,
        When = when, Judged = judged,
    };

    private static Comparison Compare(Measure measure, Window over, ComparisonOperator op, decimal value, int min = 0) =>
        new(measure, over, op, value, min == 0 ? null : min);

    private static Window Window(CountWindow w) => w.Kind switch
    {
        CountWindowKind.RollingSchoolWeeks => new RollingWindow(RollingUnit.SchoolWeeks, w.SchoolWeeks),
        CountWindowKind.AcademicYear => PeriodWindow.AcademicYear,
        CountWindowKind.Term => PeriodWindow.Term,
        _ => PeriodWindow.CurrentAndPreviousTerm,
    };

    private static StageCondition Stage(StagedRule rule, int index)
    {
        var stage = rule.Stages[index];
        var previous = index > 0 ? new ActionReference(rule.Id, rule.Stages[index - 1].Number) : null;
        return stage.When switch
        {
            AttendanceBelowCondition c => new ConditionStage(Compare(PercentMeasure.Attendance, PeriodWindow.AcademicYear,
                c.Inclusive ? ComparisonOperator.AtOrBelow : ComparisonOperator.Below, c.Percent, c.MinPossibleSessions), JudgedPeriod.Session),
            AbsenceAfterPreviousCondition => new ConditionStage(Compare(new CountMeasure(AbsenceCodes), new SinceWindow(previous!), ComparisonOperator.AtLeast, 1), JudgedPeriod.Session),
            AttendanceDeclinedCondition { Monitoring: null } c => new ConditionStage(
                Compare(new ChangeMeasure(new ActionReference(rule.Id, c.SinceStage)), PeriodWindow.AcademicYear, ComparisonOperator.Below, 0), JudgedPeriod.Session),
            AttendanceDeclinedCondition c => new ConditionStage(
                Compare(new ChangeMeasure(new ActionReference(rule.Id, c.SinceStage)), new MonitoringWindow(c.Monitoring!.Value, previous!), ComparisonOperator.Below, 0), JudgedPeriod.Day),
            MonitoringAttendanceBelowCondition c => new ConditionStage(
                Compare(PercentMeasure.Attendance, new MonitoringWindow(c.Monitoring, previous!), ComparisonOperator.Below, c.Percent), JudgedPeriod.Day),
            var other => other,
        };
    }
}
