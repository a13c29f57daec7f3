using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>
/// A condition of the language v2 as counts that further sessions of one code change: each
/// comparison's figures over the academic year to date, and what one more session adds to them.
/// Measurable where every comparison is over the academic year, of a percentage or a count, and
/// moves towards holding with the same code; a <c>not</c>, another window or measure, or parts
/// that need different codes are not (<see cref="Why"/>). Its arrays are reused from pupil to pupil.
/// </summary>
internal sealed class ConditionArithmetic
{
    private Part[] parts = new Part[8];
    private int count;
    private Condition condition = null!;
    private UpcomingSessions upcoming = null!;

    private struct Part
    {
        public Comparison Comparison;
        public long Num;
        public long Den;
        public int NumStep;
        public int DenStep;
        public int Min;

        /// <summary>For a window since an action: the day it fell due (sessions count from the day after); null for the academic year.</summary>
        public NodaTime.LocalDate? Since;

        /// <summary>The further sessions on or before <see cref="Since"/>'s day, which the window does not count.</summary>
        public int Skip;
    }

    /// <summary>Why the condition is not measurable; null where it is.</summary>
    public string? Why { get; private set; }

    /// <summary>The code further sessions carry.</summary>
    public string? Code { get; private set; }

    public SessionKind Kind { get; private set; }

    public CodeSelection? Codes { get; private set; }

    /// <summary>The only comparison, where the condition is one; null for <c>all</c> or <c>any</c>.</summary>
    public Comparison? Single => count == 1 && condition is Comparison c ? c : null;

    public long Num => parts[0].Num;

    public long Den => parts[0].Den;

    /// <summary>Reads the condition's figures from the run, counting sessions from <paramref name="fromSession"/> within the academic year of the last day.</summary>
    public bool Prepare(EvaluationRun run, Condition when, int fromSession, UpcomingSessions upcoming)
    {
        this.upcoming = upcoming;
        condition = when;
        count = 0;
        Why = null;
        Code = null;
        Codes = null;
        Kind = SessionKind.None;
        if (!Collect(run, when))
        {
            return false;
        }

        var t = run.Timeline;
        var yearStart = new AcademicYear(t.Years[t.Count - 1]).Start;
        var marks = run.Marks;
        var last = t.Pm[t.Count - 1] >= 0 ? t.Pm[t.Count - 1] : t.Am[t.Count - 1];
        if (last < 0)
        {
            // A calendar day at the end with no marks: the last mark is before it.
            for (var d = t.Count - 1; d >= 0 && last < 0; d--)
            {
                last = t.Pm[d] >= 0 ? t.Pm[d] : t.Am[d];
            }
        }

        for (var p = 0; p < count; p++)
        {
            ref var part = ref parts[p];
            part.Num = part.Den = 0;
        }

        for (var i = Math.Max(0, fromSession); i <= last; i++)
        {
            if (marks[i].Session.Date < yearStart)
            {
                continue;
            }

            var code = run.Codes[i];
            var effective = run.Effective[i];
            for (var p = 0; p < count; p++)
            {
                ref var part = ref parts[p];
                if (part.Since is { } since && marks[i].Session.Date <= since)
                {
                    continue;
                }

                var (num, den) = Contribution(part.Comparison.Measure, code, effective, marks[i].Facts);
                part.Num += num;
                part.Den += den;
            }
        }

        return true;
    }

    /// <summary>Whether the condition holds with <paramref name="added"/> further sessions of <see cref="Code"/>.</summary>
    public bool Holds(int added)
    {
        var index = 0;
        return Holds(condition, added, ref index);
    }

    private bool Holds(Condition c, int added, ref int index)
    {
        switch (c)
        {
            case AllCondition all:
                var allHold = true;
                for (var i = 0; i < all.Conditions.Count; i++)
                {
                    allHold &= Holds(all.Conditions[i], added, ref index);
                }

                return allHold;
            case AnyCondition any:
                var anyHolds = false;
                for (var i = 0; i < any.Conditions.Count; i++)
                {
                    anyHolds |= Holds(any.Conditions[i], added, ref index);
                }

                return anyHolds;
            default:
                ref var part = ref parts[index++];
                var counted = Math.Max(0, added - part.Skip);
                var num = part.Num + ((long)part.NumStep * counted);
                var den = part.Den + ((long)part.DenStep * counted);
                var cmp = part.Comparison;
                if (cmp.Measure.IsPercentage)
                {
                    return den > 0 && den >= part.Min && OperatorCatalog.Holds(cmp.Operator, Math.Sign((num * 100m) - (cmp.Value * den)));
                }

                return OperatorCatalog.Holds(cmp.Operator, Math.Sign(num - cmp.Value));
        }
    }

    private bool Collect(EvaluationRun run, Condition c)
    {
        switch (c)
        {
            case AllCondition all:
                for (var i = 0; i < all.Conditions.Count; i++)
                {
                    if (!Collect(run, all.Conditions[i]))
                    {
                        return false;
                    }
                }

                return true;
            case AnyCondition any:
                for (var i = 0; i < any.Conditions.Count; i++)
                {
                    if (!Collect(run, any.Conditions[i]))
                    {
                        return false;
                    }
                }

                return true;
            case NotCondition:
                return Fail("a `not` holds until something happens, which is no number of further sessions");
            case Comparison cmp:
                return Add(run, cmp);
            default:
                return Fail("an unknown condition");
        }
    }

    private bool Add(EvaluationRun run, Comparison cmp)
    {
        NodaTime.LocalDate? since = null;
        if (cmp.Over is SinceWindow window)
        {
            var anchor = run.Compiled.Conditions.ResolveReference(window.From);
            since = LastDue(run, anchor.Runner, anchor.Stage, upcoming.Year);
            if (since is null)
            {
                return Fail(WaitsForAction);
            }
        }
        else if (cmp.Over is not PeriodWindow { Period: WindowPeriod.AcademicYear })
        {
            return Fail("only a comparison over the academic year to date or since an action is measured: a window that moves, a term or a monitoring period is not");
        }

        var towards = cmp.Operator is ComparisonOperator.AtLeast or ComparisonOperator.MoreThan or ComparisonOperator.Above or ComparisonOperator.AtOrAbove;
        var downwards = cmp.Operator is ComparisonOperator.Below or ComparisonOperator.AtOrBelow or ComparisonOperator.AtMost;
        (string Code, SessionKind Kind, CodeSelection? Codes) need;
        switch (cmp.Measure)
        {
            case PercentMeasure { Kind: PercentKind.Attendance } when downwards:
                need = ("O", SessionKind.Absent, null);
                break;
            case PercentMeasure { Kind: PercentKind.Attendance } when towards:
                need = ("/", SessionKind.Present, null);
                break;
            case PercentMeasure { Kind: PercentKind.Absence } when towards:
                need = ("O", SessionKind.Absent, null);
                break;
            case PercentMeasure { Kind: PercentKind.Absence } when downwards:
                need = ("/", SessionKind.Present, null);
                break;
            case PercentMeasure { Kind: PercentKind.Unauthorised } when towards:
                need = ("O", SessionKind.Unauthorised, null);
                break;
            case PercentMeasure { Kind: PercentKind.Unauthorised } when downwards:
                need = ("/", SessionKind.Present, null);
                break;
            case CountMeasure { WithFact: null } count when towards:
                need = (Pick(count.Codes), SessionKind.Codes, count.Codes);
                break;
            case PercentMeasure or CountMeasure:
                return Fail("further sessions never bring this comparison closer (it holds or not as sessions are taken away, or it needs a recorded fact)");
            default:
                return Fail("only attendance, absence and unauthorised percentages and counts of codes are measured");
        }

        if (Code is not null && Code != need.Code)
        {
            // Parts that need different sessions: the largest of their own distances would only be a lower bound.
            return Fail("its parts are reached by different kinds of session, so no one number of sessions measures it");
        }

        if (Code is null || need.Kind == SessionKind.Unauthorised || (need.Kind == SessionKind.Codes && Kind == SessionKind.Absent))
        {
            (Code, Kind, Codes) = need;
        }

        if (count == parts.Length)
        {
            Array.Resize(ref parts, count * 2);
        }

        var added = NationalCodeTable.TryFind(need.Code, run.Timeline.Dates[run.Timeline.Count - 1], out var code) ? code : NationalCodeTable.All[0];
        var (numStep, denStep) = Contribution(cmp.Measure, added, added, MarkFacts.None);
        parts[count++] = new Part
        {
            Comparison = cmp,
            NumStep = (int)numStep,
            DenStep = (int)denStep,
            Min = cmp.Measure.IsPercentage ? cmp.MinPossibleSessions ?? run.Compiled.Policy.Defaults.MinPossibleSessions ?? 0 : 0,
            Since = since,
            Skip = since is { } from ? upcoming.FirstAfter(from) : 0,
        };
        return true;
    }

    /// <summary>Why a condition that waits on an action not yet due has no number.</summary>
    public const string WaitsForAction = "waits for the action it is after to fall due";

    /// <summary>The date an action (a rule's runner, and stage or 0) last fell due in the given academic year, if it has.</summary>
    public static NodaTime.LocalDate? LastDue(EvaluationRun run, int runner, int stage, int year)
    {
        if (runner < 0)
        {
            return null;
        }

        var records = run.Actions;
        for (var i = records.Length - 1; i >= 0; i--)
        {
            ref readonly var a = ref records[i];
            if (a.Source == runner && (stage == 0 || a.StageNumber == stage))
            {
                return AcademicYear.Containing(a.At.Date).StartYear == year ? a.At.Date : null;
            }
        }

        return null;
    }

    private bool Fail(string why)
    {
        Why = why;
        return false;
    }

    /// <summary>The code a count's further sessions carry: O where the count has it (an unauthorised absence), else its first code.</summary>
    public static string Pick(CodeSelection codes) => Has(codes, "O") ? "O" : codes.Codes[0];

    /// <summary>Whether a selection has a code, by index (enumerating the list through its interface would allocate).</summary>
    public static bool Has(CodeSelection codes, string code)
    {
        var list = codes.Codes;
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (long Num, long Den) Contribution(Measure measure, AttendanceCode code, AttendanceCode effective, MarkFacts facts)
    {
        var possible = code.IsPossibleSession;
        switch (measure)
        {
            case PercentMeasure p:
                var num = p.Kind switch
                {
                    PercentKind.Attendance => possible && code.IsAttendance,
                    PercentKind.Absence => possible && code.IsAbsence,
                    _ => possible && effective.IsUnauthorisedAbsence,
                };
                return (num ? 1 : 0, possible ? 1 : 0);
            case CountMeasure c:
                var matches = Has(c.Codes, code.Code) || (c.Reading == CodeReading.Reinterpreted && Has(c.Codes, effective.Code));
                if (c.WithFact is { } with && (facts & with) == 0)
                {
                    matches = false;
                }

                if (c.WithoutFact is { } without && (facts & without) != 0)
                {
                    matches = false;
                }

                return (matches ? 1 : 0, 0);
            default:
                return (0, 0);
        }
    }
}
