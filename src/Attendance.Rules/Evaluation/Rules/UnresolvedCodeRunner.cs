using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// A code still on the register at the end of the Nth school day after its own: school days from
/// the calendar where one is given, otherwise weekdays. Due only on or before the evaluation date.
/// </summary>
internal sealed class UnresolvedCodeRunner(UnresolvedCodeRule rule, int order) : RuleRunner(rule, order)
{
    private readonly bool[] mask = Mask(new CodeSelection(null, ValueList.Of(rule.Code)));

    public override bool[]? DayMask => mask;

    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        var t = run.Timeline;
        var mark = t.Am[day] >= 0 && run.Marks[t.Am[day]].Code?.Code == rule.Code ? t.Am[day]
            : t.Pm[day] >= 0 && run.Marks[t.Pm[day]].Code?.Code == rule.Code ? t.Pm[day] : -1;
        if (mark < 0)
        {
            return;
        }

        var calendar = run.Calendar;
        var due = t.Dates[day];
        // Counting stops at the evaluation date: beyond it the action is not due yet, and a calendar
        // may have no school day after its last term at all.
        for (var n = 0; n < rule.SchoolDays && due <= run.AsOf;)
        {
            due = due.PlusDays(1);
            if (calendar is null ? due.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) : calendar.IsSchoolDay(due))
            {
                n++;
            }
        }

        if (due > run.AsOf)
        {
            return;
        }

        var action = Due(Session.Afternoon(due), mark);
        action.ListStart = run.Keep([mark]);
        action.ListCount = 1;
        Emit(run, action);
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run) =>
        $"{rule.Code} recorded for {run.Marks[action.Mark].Session} still unresolved at the end of the {rule.SchoolDays}th {(run.Calendar is null ? "weekday" : "school day")} after it ({EvaluationRun.Date(action.At.Date)})";
}
