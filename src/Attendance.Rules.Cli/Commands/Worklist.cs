using Attendance.Rules.Evaluation;
using Attendance.Rules.Evaluation.Outlook;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using NodaTime;

namespace Attendance.Rules.Cli.Commands;

/// <summary>An action falling due in the worklist's range, for one pupil.</summary>
internal sealed record WorklistAction(string Pupil, string? YearGroup, PolicyAction Action);

/// <summary>A routine scheduled step on one date, folded over the pupils it fell due for.</summary>
internal sealed record RoutineStep(string RuleId, string Title, ActionKind Kind, LocalDate Date, int Pupils);

/// <summary>A pupil near a line: the library's distance, and how far the measure is from the line in percentage points where it is a percentage.</summary>
internal sealed record WatchedLine(string Pupil, string? YearGroup, Distance Distance, decimal? Points)
{
    /// <summary>The distance in sessions (a school day counts two), for sorting.</summary>
    public int Sessions => Distance.Kind == DistanceKind.SchoolDays ? 2 * Distance.Steps : Distance.Steps;
}

/// <summary>How near a line must be for the watch list.</summary>
internal sealed record WatchLimits(int Sessions, decimal Points)
{
    /// <summary>The default: within 2 sessions or 1 percentage point.</summary>
    public static WatchLimits Default { get; } = new(2, 1m);
}

/// <summary>
/// What <c>worklist</c> shows, read from the library's results and nothing worked out again: the
/// actions dated in the range grouped by kind (safeguarding first, reward last), routine scheduled
/// steps folded into one line per step and date, and the pupils within the limits of a line, nearest first.
/// </summary>
internal sealed class Worklist
{
    /// <summary>The order the kinds are listed in: what must happen today first.</summary>
    public static readonly IReadOnlyList<ActionKind> KindOrder =
    [
        ActionKind.Safeguarding, ActionKind.Referral, ActionKind.Notification, ActionKind.Meeting,
        ActionKind.Letter, ActionKind.Sanction, ActionKind.DataQuality, ActionKind.Reward,
    ];

    private Worklist(LocalDate from, LocalDate to, WatchLimits limits, int pupils)
    {
        From = from;
        To = to;
        Limits = limits;
        Pupils = pupils;
    }

    public LocalDate From { get; }

    public LocalDate To { get; }

    public WatchLimits Limits { get; }

    public int Pupils { get; }

    /// <summary>The actions in the range that are not routine steps, by kind in <see cref="KindOrder"/>, each in date, session, pupil order.</summary>
    public List<(ActionKind Kind, List<WorklistAction> Actions)> Due { get; } = [];

    public List<RoutineStep> Routine { get; } = [];

    public List<WatchedLine> Watch { get; } = [];

    /// <summary>Evaluates every pupil as of the cohort's date (the range's end) and keeps what the worklist shows.</summary>
    public static Worklist Collect(CohortEvaluation cohort, LocalDate from, WatchLimits limits, int threads)
    {
        var scheduled = RoutineRules(cohort.Policy.Policy);
        var gated = GatedRules(cohort.Policy.Policy);
        var actions = new List<WorklistAction>();
        var routine = new Dictionary<(string Rule, LocalDate Date), (PolicyAction First, int Pupils)>();
        var list = new Worklist(from, cohort.AsOf, limits, cohort.AllPupils.Count);
        cohort.EvaluateInOrder(cohort.AllPupils, r =>
        {
            foreach (var a in r.Evaluation.Actions)
            {
                if (a.Date < from || a.Date > cohort.AsOf)
                {
                    continue;
                }

                if (scheduled.Contains(a.RuleId))
                {
                    var key = (a.RuleId, a.Date);
                    routine[key] = routine.TryGetValue(key, out var seen) ? (seen.First, seen.Pupils + 1) : (a, 1);
                }
                else
                {
                    actions.Add(new WorklistAction(r.Pupil, r.YearGroup, a));
                }
            }

            list.Watch.AddRange(Watched(r, limits, gated));
        }, threads);

        foreach (var kind in KindOrder)
        {
            var ofKind = actions.Where(a => a.Action.Kind == kind)
                .OrderBy(a => a.Action.Date).ThenBy(a => a.Action.Session).ThenBy(a => a.Pupil, StringComparer.Ordinal).ToList();
            if (ofKind.Count > 0)
            {
                list.Due.Add((kind, ofKind));
            }
        }

        list.Routine.AddRange(routine
            .Select(p => new RoutineStep(p.Key.Rule, p.Value.First.Title, p.Value.First.Kind, p.Key.Date, p.Value.Pupils))
            .OrderBy(s => s.Date).ThenBy(s => Display.RuleOrder(cohort.Policy.Policy, s.RuleId)));
        list.Watch.Sort(Nearest);
        return list;
    }

    /// <summary>Routine steps: a scheduled rule's actions fall due for everyone on a timetable, so lists fold them.</summary>
    public static HashSet<string> RoutineRules(Policy policy) =>
        policy.Rules.OfType<ScheduledRule>().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The rules a pupil reaches only after an earlier step: their lines are worth watching from the first session.</summary>
    public static HashSet<string> GatedRules(Policy policy) =>
        policy.Rules.OfType<ConditionRule>().Where(r => r.After is not null).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A pupil's lines within the limits: the library's distances in sessions or school days. A count
    /// with nothing counted yet is watched only behind an earlier step (a later stage, a rule with
    /// <c>after</c>): a first-occurrence rule (one O brings a letter) would otherwise put every pupil on the list.
    /// </summary>
    public static IEnumerable<WatchedLine> Watched(PupilResult r, WatchLimits limits, HashSet<string> gated)
    {
        foreach (var d in r.Evaluation.Outlook.Distances)
        {
            if (d.Kind is not (DistanceKind.Sessions or DistanceKind.SchoolDays)
                || (!d.IsPercentage && d.Value == 0 && d.Subject != DistanceSubject.Stage && !gated.Contains(d.Id)))
            {
                continue;
            }

            var points = d.IsPercentage && Percent.Of(d.Value, d.OutOf) is { } now ? Math.Abs(now - d.Threshold) : (decimal?)null;
            var line = new WatchedLine(r.Pupil, r.YearGroup, d, points);
            if (line.Sessions <= limits.Sessions || points <= limits.Points)
            {
                yield return line;
            }
        }
    }

    /// <summary>The watch list's order: fewest sessions, then fewest points, then pupil and line.</summary>
    public static int Nearest(WatchedLine a, WatchedLine b)
    {
        var bySessions = a.Sessions.CompareTo(b.Sessions);
        if (bySessions != 0)
        {
            return bySessions;
        }

        var byPoints = (a.Points ?? decimal.MaxValue).CompareTo(b.Points ?? decimal.MaxValue);
        return byPoints != 0 ? byPoints : string.CompareOrdinal(a.Pupil, b.Pupil) is var byPupil && byPupil != 0 ? byPupil : string.CompareOrdinal(a.Distance.Id, b.Distance.Id);
    }
}
