using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>Incremental evaluation: a state fed day by day.</summary>
public sealed partial class CompiledPolicy
{
    /// <summary>Starts the incremental evaluation of a pupil under this policy.</summary>
    /// <param name="pupilId">The pupil.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <param name="roll">The pupil's date of birth, admission and leaving dates, where known.</param>
    /// <returns>An empty state.</returns>
    /// <exception cref="ArgumentException"><paramref name="pupilId"/> is null, empty or white space.</exception>
    public EvaluationState Start(string pupilId, string? yearGroup = null, PupilRoll? roll = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pupilId);
        return new EvaluationState { PolicyId = Policy.Id, PolicyVersion = Version, PupilId = pupilId, YearGroup = yearGroup, Roll = roll ?? PupilRoll.Unknown };
    }

    /// <summary>
    /// Feeds the marks of one or more new days and evaluates as of <paramref name="asOf"/>. Fed day
    /// by day, each as of its own date, the new actions add up to exactly what one evaluation of the
    /// whole register gives. An action is new once, keyed by its rule, stage and session: where an
    /// evaluation date runs ahead of the marks with a calendar, an action can fall due on unmarked
    /// school days and its evidence change when their marks arrive; it is not reported again, and
    /// <see cref="IncrementalEvaluation.Evaluation"/> carries its evidence as it is now.
    /// </summary>
    /// <param name="state">The state from <see cref="Start"/> or the previous advance.</param>
    /// <param name="marks">New marks, all after the state's last session.</param>
    /// <param name="asOf">The new evaluation date, not before the previous one.</param>
    /// <param name="calendar">The school's calendar, where known.</param>
    /// <returns>The new state, the evaluation, and what is newly due.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="marks"/> is null.</exception>
    /// <exception cref="ArgumentException">The state is of another policy or version, a mark amends a session already fed (replay from that date instead), or the date goes backwards.</exception>
    public IncrementalEvaluation Advance(EvaluationState state, IEnumerable<SessionMark> marks, LocalDate asOf, SchoolCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(marks);
        if (state.PolicyId != Policy.Id || state.PolicyVersion != Version)
        {
            throw new ArgumentException($"the state was made under policy {state.PolicyId} {state.PolicyVersion}, not {Policy.Id} {Version}; replay the register under this policy", nameof(state));
        }

        if (state.EvaluatedTo is { } previous && asOf < previous)
        {
            throw new ArgumentException($"the state is evaluated to {previous:yyyy-MM-dd}; {asOf:yyyy-MM-dd} is earlier", nameof(asOf));
        }

        var added = marks.OrderBy(m => m.Session).ToList();
        if (added.Count > 0 && state.LastSession is { } last && added[0].Session <= last)
        {
            throw new ArgumentException($"{added[0].Session} is at or before the last session fed ({last}): an amendment; replay the register from {added[0].Session.Date:yyyy-MM-dd}", nameof(marks));
        }

        // The state's marks are in order and the new ones follow them, so only the new ones need checking.
        var register = added.Count == 0
            ? PupilRegister.FromSorted(state.PupilId, state.Marks.Items, state.YearGroup, state.Roll)
            : PupilRegister.FromSorted(state.PupilId, state.Marks.Items.AddRange(PupilRegister.Create(state.PupilId, added, state.YearGroup, state.Roll).Marks), state.YearGroup, state.Roll);
        var buffer = RentBuffer();
        try
        {
            // What was due before, as keys: an action's rule, stage and session, a hit's rule and date.
            var dueBefore = new Dictionary<(int, int, Session), int>();
            var hitsBefore = new Dictionary<(int, LocalDate), int>();
            if (state.EvaluatedTo is { } to)
            {
                var run = Run(PupilRegister.FromSorted(state.PupilId, state.Marks.Items, state.YearGroup, state.Roll), to, buffer, calendar, priorNotices: null);
                foreach (var a in run.Actions)
                {
                    Increment(dueBefore, (a.Source, a.StageIndex, a.At));
                }

                foreach (var h in run.Hits)
                {
                    Increment(hitsBefore, (h.Runner, h.Date));
                }
            }

            var latest = Run(register, asOf, buffer, calendar, priorNotices: null);
            var now = ToEvaluation(latest);
            var records = latest.Actions;
            var newActions = new List<PolicyAction>();
            for (var i = 0; i < records.Length; i++)
            {
                if (!Decrement(dueBefore, (records[i].Source, records[i].StageIndex, records[i].At)))
                {
                    newActions.Add(now.Actions[i]);
                }
            }

            var hitRecords = latest.Hits;
            var newHits = new List<ThresholdHit>();
            for (var i = 0; i < hitRecords.Length; i++)
            {
                if (!Decrement(hitsBefore, (hitRecords[i].Runner, hitRecords[i].Date)))
                {
                    newHits.Add(now.ThresholdHits[i]);
                }
            }

            var next = state with { Marks = ValueList<SessionMark>.Wrap(register.Marks), EvaluatedTo = asOf };
            return new IncrementalEvaluation(next, now, newActions.ToValueList(), newHits.ToValueList());
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static bool Decrement<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        if (!counts.TryGetValue(key, out var n))
        {
            return false;
        }

        if (n == 1)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = n - 1;
        }

        return true;
    }
}
