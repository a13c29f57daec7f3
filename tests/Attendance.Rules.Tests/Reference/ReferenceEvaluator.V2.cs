using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Reference;

/// <summary>
/// The language v2 in the reference, written from the model's XML docs and docs/language-v2.md:
/// each judged point recomputes every window and measure from the register with plain loops.
/// </summary>
public static partial class ReferenceEvaluator
{
    private sealed partial class Run
    {
        // The previous round's actions: what `after`, `since`, `within` and `change` see.
        private List<ReferenceAction> known = [];

        /// <summary>What one judgement of a condition counted: the sessions of its count, and the fresh cut.</summary>
        private sealed class Judgement(IReadOnlySet<Session> alreadyCounted)
        {
            public IReadOnlySet<Session> AlreadyCounted { get; } = alreadyCounted;

            public List<Session> Counted { get; } = [];
        }

        // ---- points -----------------------------------------------------------------------------

        /// <summary>The points a condition is judged at, each the last session it sees.</summary>
        private List<Session> Points(JudgedPeriod judged) => judged switch
        {
            JudgedPeriod.Session => marks.Select(m => m.Session).ToList(),
            JudgedPeriod.Day => schoolDays.Select(EndOf).ToList(),
            JudgedPeriod.Week => schoolDays.Where(d => IsLastOf(d, SchoolPeriod.Week)).Select(EndOf).ToList(),
            JudgedPeriod.HalfTerm => schoolDays.Where(d => IsLastOf(d, SchoolPeriod.HalfTerm)).Select(EndOf).ToList(),
            JudgedPeriod.Term => schoolDays.Where(d => IsLastOf(d, SchoolPeriod.Term)).Select(EndOf).ToList(),
            _ => schoolDays.Where(d => IsLastOf(d, SchoolPeriod.AcademicYear)).Select(EndOf).ToList(),
        };

        private Session EndOf(LocalDate d) => new(d, LastSessionOf(d));

        /// <summary>Whether the point is the end of its day (no later mark that day).</summary>
        private bool IsDayEnd(Session p) => !marks.Any(m => m.Session.Date == p.Date && m.Session > p);

        /// <summary>The latest day, before the point's day and in its academic year, on which the action fell due.</summary>
        private LocalDate? Anchor(ActionReference r, LocalDate date)
        {
            LocalDate? latest = null;
            foreach (var a in known)
            {
                if (a.RuleId == r.RuleId && a.Stage == r.Stage && a.Date < date && AcademicYear.Containing(a.Date) == AcademicYear.Containing(date)
                    && (latest is null || a.Date > latest))
                {
                    latest = a.Date;
                }
            }

            return latest;
        }

        // ---- rules --------------------------------------------------------------------------------

        private bool Applies(AppliesTo? to)
        {
            var year = register.YearGroup;
            return to is null || to.YearGroups.Count == 0 || year is null || to.YearGroups.Contains(year);
        }

        /// <summary>Compulsory school age on a day: by the date of birth where known, else the year groups (an unknown year group counts).</summary>
        private bool CompulsoryOn(LocalDate date) => register.DateOfBirth is { } born
            ? CompulsorySchoolAge.On(born, date)
            : register.YearGroup is null || policy.CompulsoryYearGroups.Count == 0 || policy.CompulsoryYearGroups.Contains(register.YearGroup);

        /// <summary>One comparison of a count (or late) reaching a number: a threshold hit.</summary>
        private static bool IsCountThreshold(Condition c) =>
            c is Comparison { Measure: CountMeasure or LateMeasure } k
            && k.Operator is ComparisonOperator.AtLeast or ComparisonOperator.MoreThan or ComparisonOperator.AtOrAbove or ComparisonOperator.Above;

        private void When(ConditionRule rule)
        {
            if (!Applies(rule.AppliesTo))
            {
                return;
            }

            var counted = new HashSet<Session>();
            var none = new HashSet<Session>();
            var firedYears = new HashSet<AcademicYear>();
            var held = false;
            AcademicYear? lastYear = null;
            foreach (var p in Points(rule.Judged))
            {
                var year = AcademicYear.Containing(p.Date);
                if (rule.After is { } after && Anchor(after, p.Date) is null)
                {
                    continue; // not judged before its `after` action
                }

                if (lastYear != year)
                {
                    held = false; // on_lapse starts afresh each academic year
                    lastYear = year;
                }

                // A count that is fresh or once a year never counts a session towards two of its hits
                // (engine-semantics); on_lapse and every_time judge the window as it stands.
                var cuts = (rule.Repeat is RepeatMode.FreshSessions or RepeatMode.OncePerYear) && IsCountThreshold(rule.When);
                var j = new Judgement(cuts ? counted : none);
                var holds = (rule.AppliesTo is not { CompulsoryAge: true } || CompulsoryOn(p.Date)) && Holds(rule.When, p, j);
                var fire = rule.Repeat switch
                {
                    RepeatMode.OncePerYear => holds && !firedYears.Contains(year),
                    RepeatMode.OnLapse => holds && !held,
                    _ => holds,
                };
                held = holds;
                if (!fire)
                {
                    continue;
                }

                firedYears.Add(year);
                if (IsCountThreshold(rule.When))
                {
                    Hits.Add(new ReferenceHit(rule.Id, p.Date, j.Counted)
                    {
                        FirstWeek = rule.When is Comparison { Over: RollingWindow { Unit: RollingUnit.SchoolWeeks } w } ? SchoolWeeks(p, w.Length).Min() : null,
                    });
                }

                if (cuts)
                {
                    counted.UnionWith(j.Counted);
                }

                Act(rule, rule.Action!.Value, null, p);
            }
        }

        /// <summary>A v2 stage: judged at its points after the stage before (a later school day, this year).</summary>
        private Session? StageDue(StagedRule rule, Stage stage, ConditionStage cs, AcademicYear year, LocalDate? previous)
        {
            foreach (var p in Points(cs.Judged))
            {
                if (AcademicYear.Containing(p.Date) != year || (previous is { } d && p.Date <= d))
                {
                    continue;
                }

                if (Holds(cs.When, p, new Judgement(new HashSet<Session>())))
                {
                    return p;
                }

                // A monitoring period (not early) that ended without the condition: not judged again this year.
                if (cs.When.Comparisons().Any(c => c.Over is MonitoringWindow { Early: false } && InWindow(c.Over, p) is not null))
                {
                    return null;
                }
            }

            return null;
        }

        // ---- conditions -----------------------------------------------------------------------

        private bool Holds(Condition c, Session p, Judgement j) => c switch
        {
            AllCondition a => a.Conditions.Select(x => Holds(x, p, j)).ToList().TrueForAll(x => x),
            AnyCondition a => a.Conditions.Select(x => Holds(x, p, j)).ToList().Exists(x => x),
            NotCondition n => !Holds(n.Condition, p, j),
            Comparison k => Value(k, p, j) is { } sign && Compare(k.Operator, sign),
            _ => throw new NotSupportedException(c.GetType().Name),
        };

        private static bool Compare(ComparisonOperator op, int sign) => op switch
        {
            ComparisonOperator.Below => sign < 0,
            ComparisonOperator.AtOrBelow or ComparisonOperator.AtMost => sign <= 0,
            ComparisonOperator.Above or ComparisonOperator.MoreThan => sign > 0,
            ComparisonOperator.AtOrAbove or ComparisonOperator.AtLeast => sign >= 0,
            ComparisonOperator.EqualTo => sign == 0,
            _ => throw new NotSupportedException(op.ToString()),
        };

        /// <summary>The sign of (measure − value) at the point, or null where the measure has no value.</summary>
        private int? Value(Comparison k, Session p, Judgement j)
        {
            var inSessions = InWindow(k.Over, p);
            if (inSessions is null)
            {
                return null;
            }

            // A day is in the window when one of its sessions is.
            Func<LocalDate, bool> inWindow = d => inSessions(new Session(d, SessionOfDay.AM)) || inSessions(new Session(d, SessionOfDay.PM));
            var window = marks.Where(m => m.Session <= p && inSessions(m.Session)).ToList();
            switch (k.Measure)
            {
                case PercentMeasure pm:
                {
                    var possible = window.Where(m => m.Code!.IsPossibleSession).ToList();
                    var min = k.MinPossibleSessions ?? policy.Defaults.MinPossibleSessions ?? 0;
                    if (possible.Count == 0 || possible.Count < min)
                    {
                        return null;
                    }

                    var n = possible.Count(m => pm.Kind switch
                    {
                        PercentKind.Attendance => m.Code!.Category is CodeCategory.Present or CodeCategory.ApprovedEducationalActivity,
                        PercentKind.Absence => m.Code!.Category is CodeCategory.AuthorisedAbsence or CodeCategory.UnauthorisedAbsence,
                        _ => IsUnauthorised(m),
                    });
                    return (n * 100m).CompareTo(k.Value * possible.Count);
                }

                case PunctualityMeasure:
                {
                    // On time as a share of the sessions attended; no value with none attended.
                    var attended = window.Where(m => m.Code!.Category is CodeCategory.Present or CodeCategory.ApprovedEducationalActivity).ToList();
                    var min = k.MinPossibleSessions ?? policy.Defaults.MinPossibleSessions ?? 0;
                    if (attended.Count == 0 || window.Count(m => m.Code!.IsPossibleSession) < min)
                    {
                        return null;
                    }

                    return (attended.Count(m => !m.Code!.IsLate) * 100m).CompareTo(k.Value * attended.Count);
                }

                case LateMeasure:
                    return Count(window.Where(m => m.Code!.IsLate), k, j);
                case CountMeasure cm:
                    return Count(window.Where(m => Counts(m, cm.Codes, cm.Reading)
                        && (cm.WithFact is not { } w || (m.Facts & w) != 0)
                        && (cm.WithoutFact is not { } wo || (m.Facts & wo) == 0)), k, j);
                case DaysMeasure dm:
                    return ((decimal)MatchingDays(dm.Codes, dm.Reading, p).Count(d => inWindow(d))).CompareTo(k.Value);
                case RunMeasure rm:
                {
                    var matching = MatchingDays(rm.Codes, rm.Reading, p);
                    var complete = CompleteDays(p);
                    var run = 0;
                    for (var i = complete.Count - 1; i >= 0 && matching.Contains(complete[i]); i--)
                    {
                        run++;
                    }

                    return ((decimal)run).CompareTo(k.Value);
                }

                case SpellsMeasure sm:
                {
                    var complete = CompleteDays(p);
                    var matching = MatchingDays(sm.Codes, sm.Reading, p);
                    var spells = 0;
                    for (var i = 0; i < complete.Count; i++)
                    {
                        // A spell counts once, at its last day, when some day of it is in the window.
                        if (matching.Contains(complete[i]) && (i + 1 == complete.Count || !matching.Contains(complete[i + 1])))
                        {
                            var reaches = false;
                            for (var s = i; s >= 0 && matching.Contains(complete[s]); s--)
                            {
                                reaches |= inWindow(complete[s]);
                            }

                            spells += reaches ? 1 : 0;
                        }
                    }

                    return ((decimal)spells).CompareTo(k.Value);
                }

                case ChangeMeasure ch:
                {
                    if (Anchor(ch.Since, p.Date) is not { } anchor)
                    {
                        return null;
                    }

                    var now = YearToDate(p);
                    var then = YearToDate(EndOf(anchor));
                    if (now.Possible == 0 || then.Possible == 0)
                    {
                        return null;
                    }

                    // (now% − then%) vs value, multiplied through by both possibles.
                    var diff = ((long)now.Attended * then.Possible - (long)then.Attended * now.Possible) * 100m;
                    return diff.CompareTo(k.Value * now.Possible * then.Possible);
                }

                case ProjectedMeasure:
                    return null; // needs a calendar; the reference has none
                default:
                    throw new NotSupportedException(k.Measure.GetType().Name);
            }
        }

        private static int Count(IEnumerable<SessionMark> counted, Comparison k, Judgement j)
        {
            var fresh = counted.Where(m => !j.AlreadyCounted.Contains(m.Session)).Select(m => m.Session).ToList();
            j.Counted.AddRange(fresh);
            return ((decimal)fresh.Count).CompareTo(k.Value);
        }

        /// <summary>Unauthorised as the rules count it: by its own code, or the code a reinterpretation makes it.</summary>
        private bool IsUnauthorised(SessionMark m)
        {
            if (m.Code!.Category == CodeCategory.UnauthorisedAbsence)
            {
                return true;
            }

            foreach (var (from, to, re) in reinterpretations)
            {
                var date = m.Session.Date;
                if (date >= from && date <= to && re.Codes.Contains(m.Code.Code) && !HasFact(m, re.UnlessFact)
                    && NationalCodeTable.TryFind(re.CountAs, date, out var asCode) && asCode.Category == CodeCategory.UnauthorisedAbsence)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>School days up to the point whose marks are all in (the point's day only once it has ended).</summary>
        private List<LocalDate> CompleteDays(Session p) =>
            schoolDays.Where(d => d < p.Date || (d == p.Date && IsDayEnd(p))).ToList();

        /// <summary>Complete school days on which both sessions are marked with the codes.</summary>
        private HashSet<LocalDate> MatchingDays(CodeSelection codes, CodeReading reading, Session p) =>
            CompleteDays(p).Where(d =>
            {
                var day = marks.Where(m => m.Session.Date == d).ToList();
                return day.Count == 2 && day.TrueForAll(m => Counts(m, codes, reading));
            }).ToHashSet();

        // ---- windows ------------------------------------------------------------------------------

        /// <summary>Which sessions the window covers at the point (marks up to the point only), or null where it has no value.</summary>
        private Func<Session, bool>? InWindow(Window w, Session p)
        {
            if (w is RollingWindow { Unit: RollingUnit.Sessions } rs)
            {
                var last = marks.Where(m => m.Session <= p).TakeLast(rs.Length).Select(m => m.Session).ToHashSet();
                return last.Contains;
            }

            return InDates(w, p) is { } dates ? s => dates(s.Date) : null;
        }

        private Func<LocalDate, bool>? InDates(Window w, Session p)
        {
            var year = AcademicYear.Containing(p.Date);
            switch (w)
            {
                case PeriodWindow { Period: WindowPeriod.AcademicYear }:
                    return d => AcademicYear.Containing(d) == year;
                case PeriodWindow pw:
                {
                    var days = schoolDays.Where(d => d <= p.Date).ToList();
                    if (days.Count == 0)
                    {
                        return _ => false;
                    }

                    var period = pw.Period == WindowPeriod.HalfTerm ? SchoolPeriod.HalfTerm : SchoolPeriod.Term;
                    var starts = new List<LocalDate> { days[0] };
                    for (var i = 1; i < days.Count; i++)
                    {
                        if (Breaks(days[i - 1], days[i], period))
                        {
                            starts.Add(days[i]);
                        }
                    }

                    // A point in a new academic year before its first school day (an INSET day): the
                    // year's first term has not started; the previous term is the last one.
                    if (AcademicYear.Containing(days[^1]) != year)
                    {
                        var last = starts[^1];
                        return pw.Period == WindowPeriod.CurrentAndPreviousTerm ? d => d >= last : d => d >= p.Date;
                    }

                    var from = starts[Math.Max(0, starts.Count - (pw.Period == WindowPeriod.CurrentAndPreviousTerm ? 2 : 1))];
                    return d => d >= from;
                }

                case RollingWindow { Unit: RollingUnit.SchoolWeeks } r:
                {
                    var weeks = SchoolWeeks(p, r.Length);
                    return d => weeks.Contains(Monday(d));
                }

                case RollingWindow { Unit: RollingUnit.Weeks } r:
                {
                    var first = Monday(p.Date).PlusWeeks(1 - r.Length);
                    return d => d >= first;
                }

                case RollingWindow { Unit: RollingUnit.SchoolDays } r:
                {
                    var last = schoolDays.Where(d => d <= p.Date).TakeLast(r.Length).ToList();
                    return last.Count == 0 ? _ => false : d => d >= last[0];
                }

                case RollingWindow { Unit: RollingUnit.Months } r:
                {
                    var before = p.Date.PlusMonths(-r.Length);
                    return d => d > before;
                }

                case SinceWindow s:
                    return Anchor(s.From, p.Date) is { } since ? d => d > since : null;
                case MonitoringWindow mw:
                {
                    if (Anchor(mw.After, p.Date) is not { } start)
                    {
                        return null;
                    }

                    var period = schoolDays.Where(d => d > start && AcademicYear.Containing(d) == year).Take(mw.SchoolDays).ToList();
                    var complete = period.Count == mw.SchoolDays;
                    if (mw.Early)
                    {
                        // Inside the period: over the period so far.
                        return !complete || p.Date <= period[^1] ? d => d > start : null;
                    }

                    // Only at the end of the period's last school day.
                    var end = complete ? period[^1] : (LocalDate?)null;
                    return end == p.Date && IsDayEnd(p) ? d => d > start && d <= end : null;
                }

                default:
                    throw new NotSupportedException(w.GetType().Name);
            }
        }
    }
}
