using System.Text;
using Attendance.Rules.Evaluation.Conditions;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// Runs a rule of the language v2: at each judged point where the pupil is in scope and the rule's
/// <c>after</c> action has fallen due, its condition is judged, and its action falls due as its
/// repeat mode allows. A <c>fresh</c> count records a threshold hit and never counts a session twice.
/// </summary>
internal sealed class ConditionRunner : RuleRunner
{
    private static readonly bool[] NoSessions = new bool[Codes.NationalCodeTable.Count];
    private readonly ConditionRule rule;
    private readonly PlanNode plan;
    private readonly ResolvedReference after;
    private readonly PeriodEnds periods;
    private int[] scratch = new int[16];
    private bool applies;
    private FiringGate gate;
    private int freshFrom;
    private readonly bool countsSessions;
    private readonly bool compulsoryAge;

    // A rule of one comparison whose answer moves with a running total (a count that can start to
    // hold only where it rises; a percentage over a growing window, which can change only after
    // enough possible sessions) is judged again only once that total reaches the point where its
    // answer may change, or where the year starts, the pupil comes into scope, the action it waits
    // for (after) falls due again or its window starts afresh: the same actions, fewer points judged.
    private readonly ComparisonNode? skipper;
    private bool judgeNext;
    private bool wasInScope;
    private int lastAnchor;
    private int lastWindow;
    private long resumeAt;

    public ConditionRunner(ConditionRule rule, int order, ConditionPlan conditions)
        : base(rule, order)
    {
        this.rule = rule;
        plan = conditions.Rules[order]!;
        countsSessions = ConditionShapes.IsSessionCount(rule.When);
        after = rule.After is { } a ? conditions.ResolveReference(a) : new ResolvedReference(-1, 0);
        periods = JudgedPeriods.Ends(rule.Judged);
        compulsoryAge = rule.AppliesTo is { CompulsoryAge: true };
        skipper = plan is ComparisonNode node && node.SkipsPoints(rule.Repeat, rule.Judged) ? node : null;
    }

    /// <summary>The rule's repeat state, for its distance.</summary>
    public FiringGate Gate => gate;

    /// <summary>Whether the pupil is in the rule's scope (<c>applies_to</c>).</summary>
    public bool AppliesToPupil => applies;

    /// <summary>The action the rule waits for (<c>after</c>); its runner is -1 where none.</summary>
    public ResolvedReference After => after;

    /// <summary>The compiled condition.</summary>
    public PlanNode Plan => plan;

    /// <summary>The first session a fresh count may still count.</summary>
    public int FreshFrom => freshFrom;

    public override bool[]? SessionMask => rule.Judged == JudgedPeriod.Session ? null : NoSessions;

    public override bool OnlyAtPeriodEnds => periods != PeriodEnds.None;

    public override void Reset()
    {
        gate = new(rule.Repeat);
        freshFrom = 0;
        judgeNext = true;
        wasInScope = false;
        lastAnchor = -1;
        lastWindow = -1;
        resumeAt = 0;
    }

    public override void OnRegister(EvaluationRun run) => applies = Applies(rule.AppliesTo, run);

    /// <summary>Whether the pupil's year group is in the rule's scope (a pupil whose year group is not known is); compulsory school age is judged per day (<see cref="InScopeOn"/>).</summary>
    private static bool Applies(AppliesTo? scope, EvaluationRun run) =>
        scope is null || scope.YearGroups.Count == 0 || run.Register.YearGroup is not { } year || EvaluationRun.Contains(scope.YearGroups, year);

    /// <summary>Whether the pupil is in the rule's scope on a day: its year groups, and compulsory school age on that day where the rule asks for it.</summary>
    private bool InScopeOn(EvaluationRun run, int day) =>
        applies && (!compulsoryAge || run.IsCompulsoryAgeOnDay(day));

    public override void OnYearStart(EvaluationRun run)
    {
        gate.StartYear();
        judgeNext = true;
    }

    public override void OnSession(EvaluationRun run, int mark) =>
        Judge(run, new JudgedPoint(run.Day, run.Columns!.Count, run.Columns.HasEnded(run.Day), freshFrom), mark);

    public override void OnSchoolDayEnd(EvaluationRun run, int day)
    {
        if (rule.Judged == JudgedPeriod.Session || !JudgedPeriods.IsPoint(periods, run.Timeline.Ends[day]))
        {
            return;
        }

        Judge(run, new JudgedPoint(day, run.Columns!.Count, true, freshFrom), -1);
    }

    private void Judge(EvaluationRun run, in JudgedPoint p, int mark)
    {
        // Once a year, and fired this year: nothing can fire before the next year starts.
        if (rule.Repeat == RepeatMode.OncePerYear && gate.FiredThisYear)
        {
            return;
        }

        var inScope = InScopeOn(run, p.Day);
        var anchor = after.Runner < 0 ? 0 : ActionAnchors.Find(run, after, p.Day);
        long progress = 0;
        if (skipper is not null)
        {
            progress = skipper.Progress(run, p);
            var window = skipper.WindowKey(run, p);
            var skip = !judgeNext && (inScope == wasInScope || !inScope) && anchor == lastAnchor && window == lastWindow && progress < resumeAt;
            wasInScope = inScope;
            lastAnchor = anchor;
            lastWindow = window;
            judgeNext = false;
            if (skip)
            {
                return;
            }
        }

        var holds = inScope && anchor >= 0 && plan.Holds(run, p);
        if (skipper is not null)
        {
            resumeAt = skipper.NextChange(run, p, holds, progress);
        }

        if (!gate.Fires(holds))
        {
            return;
        }

        var action = mark >= 0 ? Due(run, mark) : Due(EndOf(run, p.Day));
        action.A = p.Day;
        action.B = p.Sessions;
        action.C = p.FreshFrom;
        action.D = p.DayEnded ? 1 : 0;
        // A count that is fresh or once a year never counts a session towards two of its hits
        // (engine-semantics; v1's session_count likewise), also across academic years; on_lapse and
        // every_time judge the window as it stands ("3 lates in a term", once a term).
        if (countsSessions)
        {
            RecordHit(run, p, ref action);
            if (rule.Repeat is RepeatMode.FreshSessions or RepeatMode.OncePerYear)
            {
                freshFrom = p.Sessions;
            }
        }

        Emit(run, action);
    }

    /// <summary>A count's threshold hit: the sessions it counted (a mark's index is its place among the counted sessions), never counted again.</summary>
    private void RecordHit(EvaluationRun run, in JudgedPoint p, ref ActionRecord action)
    {
        var node = (ComparisonNode)plan;
        var cols = run.Columns!;
        var column = node.Column;
        var from = node.FirstDay(run, p);
        var start = node.FirstSession(run, p, from);
        var n = 0;
        for (var i = start; i < p.Sessions; i++)
        {
            if (cols.Sessions[column][i + 1] != cols.Sessions[column][i])
            {
                if (n == scratch.Length)
                {
                    Array.Resize(ref scratch, n * 2);
                }

                scratch[n++] = i;
            }
        }

        var kept = run.Keep(scratch.AsSpan(0, n));
        var date = run.Timeline.Dates[p.Day];
        var firstWeek = node.FirstWeek(run, p, from);
        run.Hit(new HitRecord { Runner = Order, Date = date, FirstWeek = firstWeek, LastWeek = Timeline.MondayOf(date), ListStart = kept, ListCount = n }, Rule.Action);
        action.ListStart = kept;
        action.ListCount = n;
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var sb = new StringBuilder();
        plan.Describe(run, new JudgedPoint((int)action.A, (int)action.B, action.D == 1, (int)action.C), sb);
        return sb.ToString();
    }
}
