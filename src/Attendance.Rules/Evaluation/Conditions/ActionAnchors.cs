using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// Finds when an earlier action fell due: the latest record of a rule (and stage) dated before the
/// day judged, in the same academic year. The run keeps each rule's actions apart, in the order they
/// were raised, which is the order of their days, so the search runs back from the rule's newest.
/// </summary>
internal static class ActionAnchors
{
    /// <summary>The timeline day on which the action last fell due before <paramref name="day"/>, or -1.</summary>
    public static int Find(EvaluationRun run, in ResolvedReference reference, int day)
    {
        if (reference.Runner < 0)
        {
            return -1;
        }

        var t = run.Timeline;
        var date = t.Dates[day];
        var year = t.Years[day];
        var dates = run.DueDates(reference.Runner);
        var stages = run.DueStages(reference.Runner);
        for (var i = dates.Length - 1; i >= 0; i--)
        {
            if ((reference.Stage != 0 && stages[i] != reference.Stage) || dates[i] >= date)
            {
                continue;
            }

            if (AcademicYear.Containing(dates[i]).StartYear != year)
            {
                return -1;
            }

            return DayOf(run, dates[i], day);
        }

        return -1;
    }

    /// <summary>The timeline index of a date at or before day <paramref name="upTo"/>.</summary>
    public static int DayOf(EvaluationRun run, NodaTime.LocalDate date, int upTo)
    {
        var dates = run.Timeline.Dates;
        int lo = 0, hi = upTo;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (dates[mid] < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>An action reference resolved to its runner's index and stage number (0 for a rule).</summary>
internal readonly record struct ResolvedReference(int Runner, int Stage);
