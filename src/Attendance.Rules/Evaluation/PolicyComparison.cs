using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// Compares two policies' results for the same registers: which actions a change of policy gains,
/// loses or moves for each pupil, and totals per rule. Pure and deterministic.
/// </summary>
/// <remarks>
/// Two actions are the same action when they have the same rule id, stage and kind. Under one such
/// key, actions falling due on the same date and session under both policies are unchanged; the
/// rest are paired in date order, the first policy's n-th with the second's n-th, as moved; those
/// left over are lost (only the first policy raises them) or gained (only the second does). So a
/// threshold lowered from 10 sessions to 8 shows the first letter moved earlier, and a letter that
/// now also falls due for a pupil who never reached 10 as gained.
/// </remarks>
public static class PolicyComparison
{
    /// <summary>Compares one pupil's evaluations under two policies.</summary>
    /// <param name="before">The pupil's evaluation under the first (current) policy.</param>
    /// <param name="after">The same pupil's evaluation under the second (proposed) policy, as of the same date.</param>
    /// <returns>The actions gained, lost, moved and unchanged.</returns>
    /// <exception cref="ArgumentException">The evaluations are of different pupils or dates.</exception>
    public static PupilDiff Compare(PupilEvaluation before, PupilEvaluation after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!string.Equals(before.PupilId, after.PupilId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the evaluations are of different pupils ({before.PupilId} and {after.PupilId}); a comparison is of one pupil's register", nameof(after));
        }

        if (before.AsOf != after.AsOf)
        {
            throw new ArgumentException($"the evaluations are as of different dates ({before.AsOf:yyyy-MM-dd} and {after.AsOf:yyyy-MM-dd}); a comparison is as of one date", nameof(after));
        }

        var beforeByKey = Group(before.Actions);
        var afterByKey = Group(after.Actions);
        var gained = new List<int>();
        var lost = new List<int>();
        var moved = new List<(int Before, int After)>();
        var unchanged = new List<int>();
        foreach (var (key, olds) in beforeByKey)
        {
            var news = afterByKey.TryGetValue(key, out var list) ? list : [];
            Match(before.Actions, olds, after.Actions, news, lost, gained, moved, unchanged);
        }

        foreach (var (key, news) in afterByKey)
        {
            if (!beforeByKey.ContainsKey(key))
            {
                gained.AddRange(news);
            }
        }

        gained.Sort();
        lost.Sort();
        unchanged.Sort();
        moved.Sort((x, y) => x.Before.CompareTo(y.Before));
        return new PupilDiff
        {
            PupilId = before.PupilId,
            Gained = gained.Select(i => after.Actions[i]).ToValueList(),
            Lost = lost.Select(i => before.Actions[i]).ToValueList(),
            Moved = moved.Select(m => new MovedAction(before.Actions[m.Before], after.Actions[m.After])).ToValueList(),
            Unchanged = unchanged.Select(i => after.Actions[i]).ToValueList(),
        };
    }

    /// <summary>Evaluates every register under both policies as of one date and compares the results.</summary>
    /// <param name="before">The first (current) policy.</param>
    /// <param name="after">The second (proposed) policy.</param>
    /// <param name="registers">The pupils' registers, each evaluated under both.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="calendar">The school calendar, where there is one.</param>
    /// <returns>The comparison, pupils in the order of <paramref name="registers"/>.</returns>
    public static EvaluationDiff Compare(CompiledPolicy before, CompiledPolicy after, IEnumerable<PupilRegister> registers, LocalDate asOf, SchoolCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(registers);
        return Combine(registers.Select(r => Compare(before.Evaluate(r, asOf, calendar), after.Evaluate(r, asOf, calendar))));
    }

    /// <summary>
    /// Gathers pupils' comparisons into a cohort's: the pupils with changes, in the order given,
    /// and totals per rule. The sequence is read once, so it may evaluate as it goes.
    /// </summary>
    /// <param name="pupils">Each pupil's comparison.</param>
    /// <returns>The cohort's comparison.</returns>
    public static EvaluationDiff Combine(IEnumerable<PupilDiff> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var changed = new List<PupilDiff>();
        var totals = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var compared = 0;
        foreach (var pupil in pupils)
        {
            compared++;
            if (pupil.HasChanges)
            {
                changed.Add(pupil);
            }

            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in pupil.Gained)
            {
                Total(totals, a.RuleId)[0]++;
                touched.Add(a.RuleId);
            }

            foreach (var a in pupil.Lost)
            {
                Total(totals, a.RuleId)[1]++;
                touched.Add(a.RuleId);
            }

            foreach (var m in pupil.Moved)
            {
                Total(totals, m.RuleId)[2]++;
                touched.Add(m.RuleId);
            }

            foreach (var a in pupil.Unchanged)
            {
                Total(totals, a.RuleId)[3]++;
            }

            foreach (var rule in touched)
            {
                totals[rule][4]++;
            }
        }

        return new EvaluationDiff
        {
            PupilsCompared = compared,
            Pupils = changed.ToValueList(),
            Rules = totals.Select(t => new RuleDiffTotals(t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3], t.Value[4])).ToValueList(),
        };
    }

    private static int[] Total(SortedDictionary<string, int[]> totals, string rule)
    {
        if (!totals.TryGetValue(rule, out var counts))
        {
            totals[rule] = counts = new int[5];
        }

        return counts;
    }

    /// <summary>The actions' indexes by rule, stage and kind, each list in the evaluation's (date) order.</summary>
    private static Dictionary<(string Rule, int? Stage, ActionKind Kind), List<int>> Group(ValueList<PolicyAction> actions)
    {
        var groups = new Dictionary<(string, int?, ActionKind), List<int>>();
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            var key = (a.RuleId, a.Stage, a.Kind);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(i);
        }

        return groups;
    }

    /// <summary>Matches one key's actions: same date and session unchanged, the rest paired in order as moved, the remainder lost or gained.</summary>
    private static void Match(
        ValueList<PolicyAction> beforeActions, List<int> olds, ValueList<PolicyAction> afterActions, List<int> news,
        List<int> lost, List<int> gained, List<(int, int)> moved, List<int> unchanged)
    {
        var unmatchedOld = new List<int>();
        var unmatchedNew = new List<int>();
        int i = 0, j = 0;
        while (i < olds.Count && j < news.Count)
        {
            var c = When(beforeActions[olds[i]]).CompareTo(When(afterActions[news[j]]));
            if (c == 0)
            {
                unchanged.Add(news[j]);
                i++;
                j++;
            }
            else if (c < 0)
            {
                unmatchedOld.Add(olds[i++]);
            }
            else
            {
                unmatchedNew.Add(news[j++]);
            }
        }

        unmatchedOld.AddRange(olds.Skip(i));
        unmatchedNew.AddRange(news.Skip(j));
        var pairs = Math.Min(unmatchedOld.Count, unmatchedNew.Count);
        for (var k = 0; k < pairs; k++)
        {
            moved.Add((unmatchedOld[k], unmatchedNew[k]));
        }

        lost.AddRange(unmatchedOld.Skip(pairs));
        gained.AddRange(unmatchedNew.Skip(pairs));
    }

    private static (LocalDate, SessionOfDay) When(PolicyAction action) => (action.Date, action.Session);
}
