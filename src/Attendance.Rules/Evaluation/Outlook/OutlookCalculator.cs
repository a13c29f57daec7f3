using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation.Rules;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>
/// Works out a pupil's <see cref="Distance"/>s from a finished run: each runner's counts as the
/// pass left them, and the next school sessions (<see cref="UpcomingSessions"/>). The distance is the
/// first of those sessions at which the rule's own arithmetic says the condition holds with every
/// further session of one kind; nothing is replayed. Owned by a buffer; allocates nothing once warm.
/// </summary>
internal sealed class OutlookCalculator
{
    private const string OnceAYear = "fell due this academic year; once a year";
    private const string HoldsNow = "holds now; falls due again only after it has lapsed";
    private const string HoldsNowPlain = "holds now";
    private const string OutsideScope = "the pupil is outside the rule's applies_to";
    private const string Barred = "it would be reached on a day its action may not fall due (a referral before compulsory school age, or after the pupil left the roll)";
    private const string NoSessionsLeft = "not even every school session left to 31 July reaches it";
    private const string Rolling12Months = "attendance over a rolling 12 months: sessions leave the window as the dates move";
    private const string Monitoring = "judged once, at the end of a monitoring period of school days after the previous stage";
    private const string StoppedStages = "a stage measured over a monitoring period did not hold at its end, so no later stage falls due this academic year";
    private const string WaitsForAction = ConditionArithmetic.WaitsForAction;
    private const string PeriodEnds = "judged only on the last school day of a week, half term, term or year";

    private readonly UpcomingSessions upcoming = new();
    private readonly ConditionArithmetic arithmetic = new();
    private Distance[] items = new Distance[16];

    public int Count { get; private set; }

    public ReadOnlySpan<Distance> Distances => items.AsSpan(0, Count);

    public YearEndOutlook YearEnd { get; private set; }

    public void Compute(EvaluationRun run)
    {
        Count = 0;
        YearEnd = default;
        var t = run.Timeline;
        if (t.Count == 0)
        {
            return;
        }

        upcoming.Fill(t, run.Calendar);
        foreach (var runner in run.Runners)
        {
            switch (runner)
            {
                case SessionCountRunner s:
                    SessionCount(run, s);
                    break;
                case AttendanceBelowRunner a:
                    AttendanceBelow(run, a);
                    break;
                case ConsecutiveDaysRunner c:
                    Consecutive(run, c);
                    break;
                case StagedRunner st:
                    Staged(run, st);
                    break;
                case ConditionRunner cr:
                    ConditionRule(run, cr);
                    break;
            }
        }

        var indicators = run.Compiled.Policy.Indicators;
        for (var i = 0; i < indicators.Count; i++)
        {
            var line = new Distance { Subject = DistanceSubject.Indicator, Id = indicators[i].Id, Title = indicators[i].Title, Kind = DistanceKind.NotMeasurable };
            Add(Condition(run, line, indicators[i].When, 0, null, Bar.None));
        }

        var flags = run.Compiled.Policy.AbsenceFlags;
        National(run, DistanceSubject.PersistentAbsence, "persistent-absence", "Persistent absence", flags.PersistentPercent);
        National(run, DistanceSubject.SevereAbsence, "severe-absence", "Severe absence", flags.SeverePercent);
        YearEnd = YearEndOf(run);
    }

    private void Add(in Distance d)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, Count * 2);
        }

        items[Count++] = d;
    }

    private static Distance Say(Distance d, DistanceKind kind, string? why) => d with { Kind = kind, Why = why };

    /// <summary>
    /// The first further session (1-based) at which <paramref name="holds"/> does, among those on a
    /// date after <paramref name="after"/>, and on which the action may fall due; 0 where none to 31
    /// July; -1 where it would first hold on a day its action may not fall due and the rule is then
    /// spent (its counters and repeat state move on whether or not the action is raised).
    /// </summary>
    private int First<T>(EvaluationRun run, ref T holds, LocalDate? after, in Bar bar)
        where T : struct, IHolds
    {
        for (var j = 1; j <= upcoming.Count; j++)
        {
            var date = upcoming.Date(j - 1);
            if ((after is not null && date <= after.Value) || (bar.CompulsoryScope && !run.IsCompulsoryAgeOn(date)) || !holds.Holds(j))
            {
                continue;
            }

            if (!bar.IsAction || run.MayFallDue(bar.Kind, date))
            {
                return j;
            }

            if (bar.Spent)
            {
                return -1;
            }
        }

        return 0;
    }

    private Distance Steps(Distance d, int j) => j switch
    {
        0 => Say(d, DistanceKind.NotThisYear, NoSessionsLeft),
        < 0 => Say(d, DistanceKind.DoesNotApply, Barred),
        _ => d with { Kind = DistanceKind.Sessions, Steps = j, DueOn = upcoming.Date(j - 1) },
    };

    /// <summary>When a line's action may not fall due: <see cref="EvaluationRun.MayFallDue"/>, and a rule's <c>applies_to: compulsory_age</c>.</summary>
    private readonly record struct Bar(bool IsAction, ActionKind? Kind, bool Spent, bool CompulsoryScope = false)
    {
        public static Bar None => new(false, null, false);

        /// <summary>A v1 rule, or a rule with <c>when</c>: once its condition holds its repeat state moves on, raised or not.</summary>
        public static Bar Rule(ActionKind? kind, bool compulsoryScope = false) => new(true, kind ?? ActionKind.Notification, true, compulsoryScope);

        /// <summary>A stage waits: it is judged again at the next point.</summary>
        public static Bar Stage(ActionKind kind) => new(true, kind, false);
    }

    private void SessionCount(EvaluationRun run, SessionCountRunner s)
    {
        var rule = (SessionCountRule)s.Rule;
        var t = run.Timeline;
        var last = t.Count - 1;
        var year = upcoming.Year;
        var d = new Distance
        {
            Subject = DistanceSubject.Rule, Id = rule.Id, Title = rule.Title, Action = rule.Action, Kind = DistanceKind.NotMeasurable,
            Of = SessionKind.Codes, Codes = rule.Codes, Code = ConditionArithmetic.Pick(rule.Codes), Measure = "sessions",
            Value = s.CountedAt(t.Week[last], t.Term[last], year), Threshold = rule.AtLeastSessions,
        };

        if (rule.Repeat == RepeatMode.OncePerYear && s.FiredThisYear)
        {
            Add(Say(d, DistanceKind.Reached, OnceAYear));
            return;
        }

        var counting = new CountHolds(s, upcoming, rule.AtLeastSessions);
        d = Steps(d, First(run, ref counting, null, Bar.Rule(rule.Action)));
        if (upcoming.Count > 0 && s.TryOldest(upcoming.Week(0), upcoming.Term(0), year, out var oldWeek, out var oldTerm))
        {
            for (var i = 0; i < upcoming.Count; i++)
            {
                if (!s.InWindowAt(oldWeek, oldTerm, year, upcoming.Week(i), upcoming.Term(i), year))
                {
                    d = d with { WindowLeavesOn = upcoming.Date(i) };
                    break;
                }
            }
        }

        Add(d);
    }

    private void AttendanceBelow(EvaluationRun run, AttendanceBelowRunner a)
    {
        var rule = (AttendanceBelowRule)a.Rule;
        var d = Percentage(DistanceSubject.Rule, rule.Id, null, rule.Title, rule.Action, "attendance", run.YearAttended, run.YearPossible, rule.Percent, SessionKind.Absent, "O");
        if (rule.Period != AttendancePeriod.AcademicYear)
        {
            Add(Say(d, DistanceKind.NotMeasurable, Rolling12Months));
            return;
        }

        if (!a.Gate.WouldFire)
        {
            Add(Say(d, DistanceKind.Reached, rule.Repeat == RepeatMode.OncePerYear ? OnceAYear : HoldsNow));
            return;
        }

        var below = new BelowHolds(a.Threshold, rule.Inclusive, run.YearAttended, run.YearPossible, rule.MinPossibleSessions);
        Add(Steps(d, First(run, ref below, null, Bar.Rule(rule.Action))));
    }

    private void Consecutive(EvaluationRun run, ConsecutiveDaysRunner c)
    {
        var rule = (ConsecutiveDaysRule)c.Rule;
        var current = c.CurrentRun(run);
        var d = new Distance
        {
            Subject = DistanceSubject.Rule, Id = rule.Id, Title = rule.Title, Action = rule.Action, Kind = DistanceKind.NotMeasurable,
            Of = SessionKind.Codes, Codes = rule.Codes, Code = ConditionArithmetic.Pick(rule.Codes), Measure = "consecutive school days",
            Value = current, Threshold = rule.AtLeastDays,
        };

        if (!c.Gate.WouldFire)
        {
            Add(Say(d, DistanceKind.Reached, c.Gate.FiredThisYear ? OnceAYear : HoldsNow));
            return;
        }

        // Whole school days from the next one: the afternoon of a half-marked last day cannot complete it.
        var need = rule.AtLeastDays - current;
        for (var i = 0; i < upcoming.Count; i++)
        {
            if (upcoming.SchoolDay(i) == need && !upcoming.NewDay(i))
            {
                Add(run.MayFallDue(rule.Action ?? ActionKind.Notification, upcoming.Date(i))
                    ? d with { Kind = DistanceKind.SchoolDays, Steps = need, DueOn = upcoming.Date(i) }
                    : Say(d, DistanceKind.DoesNotApply, Barred));
                return;
            }
        }

        Add(Say(d, DistanceKind.NotThisYear, NoSessionsLeft));
    }

    private void Staged(EvaluationRun run, StagedRunner st)
    {
        var rule = st.Staged;
        if (st.Reached == rule.Stages.Count)
        {
            return;
        }

        var stage = rule.Stages[st.Reached];
        var previous = st.Reached > 0 ? st.ReachedOn(rule.Stages[st.Reached - 1].Number) : null;
        var d = new Distance
        {
            Subject = DistanceSubject.Stage, Id = rule.Id, StageNumber = stage.Number, Title = stage.Title, Action = stage.Action,
            Kind = DistanceKind.NotMeasurable, Of = SessionKind.Absent, Code = "O",
        };
        if (st.Stopped)
        {
            Add(Say(d, DistanceKind.NotThisYear, StoppedStages));
            return;
        }

        long attended = run.YearAttended, possible = run.YearPossible;
        switch (stage.When)
        {
            case AttendanceBelowCondition b:
                d = d with { Measure = "attendance", IsPercentage = true, Value = attended, OutOf = possible, Threshold = b.Percent };
                var below = new BelowHolds(st.ThresholdAt(st.Reached), b.Inclusive, attended, possible, b.MinPossibleSessions);
                Add(Steps(d, First(run, ref below, previous, Bar.Stage(stage.Action))));
                break;
            case AbsenceAfterPreviousCondition:
                d = d with { Measure = "absent sessions after the previous stage", Value = 0, Threshold = 1 };
                var any = new AlwaysHolds();
                Add(Steps(d, First(run, ref any, previous, Bar.Stage(stage.Action))));
                break;
            case AttendanceDeclinedCondition { Monitoring: null } declined:
                var (a0, p0) = st.ValueOf(declined.SinceStage);
                d = d with { Measure = "attendance", IsPercentage = true, Value = attended, OutOf = possible, Threshold = Percent.Of(a0, p0) ?? 0 };

                // The baseline is the attendance at the end of the stage's day: absences still to come that day lower it too.
                var sameDay = declined.SinceStage == rule.Stages[st.Reached - 1].Number && previous == run.Timeline.Dates[run.Timeline.Count - 1];
                var declines = new DeclinedHolds(attended, possible, a0, p0, sameDay ? upcoming.FirstAfter(previous!.Value) : 0);
                Add(Steps(d, First(run, ref declines, previous, Bar.Stage(stage.Action))));
                break;
            case ConditionStage condition:
                if (condition.Judged is not (Policies.Conditions.JudgedPeriod.Session or Policies.Conditions.JudgedPeriod.Day))
                {
                    Add(Say(d, DistanceKind.NotMeasurable, PeriodEnds));
                    break;
                }

                Add(Condition(run, d, condition.When, 0, previous, Bar.Stage(stage.Action)));
                break;
            default:
                Add(Say(d, DistanceKind.NotMeasurable, Monitoring));
                break;
        }
    }

    private void ConditionRule(EvaluationRun run, ConditionRunner cr)
    {
        var rule = (ConditionRule)cr.Rule;
        var d = new Distance { Subject = DistanceSubject.Rule, Id = rule.Id, Title = rule.Title, Action = rule.Action, Kind = DistanceKind.NotMeasurable };
        if (!cr.AppliesToPupil)
        {
            Add(Say(d, DistanceKind.DoesNotApply, OutsideScope));
            return;
        }

        if (rule.Judged is not (Policies.Conditions.JudgedPeriod.Session or Policies.Conditions.JudgedPeriod.Day))
        {
            Add(Say(d, DistanceKind.NotMeasurable, PeriodEnds));
            return;
        }

        LocalDate? after = null;
        if (cr.After.Runner >= 0)
        {
            after = ConditionArithmetic.LastDue(run, cr.After.Runner, cr.After.Stage, upcoming.Year);
            if (after is null)
            {
                Add(Say(d, DistanceKind.NotMeasurable, WaitsForAction));
                return;
            }
        }

        if (!cr.Gate.WouldFire)
        {
            Add(Say(d, DistanceKind.Reached, rule.Repeat == RepeatMode.OncePerYear ? OnceAYear : HoldsNow));
            return;
        }

        var bar = Bar.Rule(rule.Action, rule.AppliesTo is { CompulsoryAge: true });
        if (rule.When is Policies.Conditions.Comparison { Measure: Policies.Conditions.RunMeasure run1 } runs && cr.Plan is Conditions.ComparisonNode node
            && runs.Operator is Policies.Conditions.ComparisonOperator.AtLeast or Policies.Conditions.ComparisonOperator.MoreThan or Policies.Conditions.ComparisonOperator.AtOrAbove or Policies.Conditions.ComparisonOperator.Above)
        {
            Add(Run(run, d, runs, run1, node.Column, after, bar));
            return;
        }

        Add(Condition(run, d, rule.When, cr.FreshFrom, after, bar));
    }

    /// <summary>
    /// A run of school days reaching a length: whole school days of its codes from the next one, the
    /// run as the pass left it at the end of the last day (0 where that day broke it), judged at the
    /// end of each day while the pupil is in scope.
    /// </summary>
    private Distance Run(EvaluationRun run, Distance d, Policies.Conditions.Comparison runs, Policies.Conditions.RunMeasure measure, int column, LocalDate? after, in Bar bar)
    {
        var current = run.Columns!.Run[column][run.Timeline.Count - 1];
        var length = (int)Math.Floor(runs.Value) + (runs.Operator is Policies.Conditions.ComparisonOperator.MoreThan or Policies.Conditions.ComparisonOperator.Above ? 1 : 0);
        d = d with { Of = SessionKind.Codes, Codes = measure.Codes, Code = ConditionArithmetic.Pick(measure.Codes), Measure = "consecutive school days", Value = current, Threshold = length };
        if (current >= length)
        {
            return Say(d, DistanceKind.Reached, HoldsNowPlain);
        }

        for (var i = 0; i < upcoming.Count; i++)
        {
            var days = upcoming.SchoolDay(i);
            var date = upcoming.Date(i);
            if (upcoming.NewDay(i) || days < length - current || (after is not null && date <= after.Value) || (bar.CompulsoryScope && !run.IsCompulsoryAgeOn(date)))
            {
                continue;
            }

            return run.MayFallDue(bar.Kind, date)
                ? d with { Kind = DistanceKind.SchoolDays, Steps = days, DueOn = date }
                : Say(d, DistanceKind.DoesNotApply, Barred);
        }

        return Say(d, DistanceKind.NotThisYear, NoSessionsLeft);
    }

    private Distance Condition(EvaluationRun run, Distance d, Policies.Conditions.Condition when, int fromSession, LocalDate? after, in Bar bar)
    {
        if (!arithmetic.Prepare(run, when, fromSession, upcoming))
        {
            return Say(d, DistanceKind.NotMeasurable, arithmetic.Why);
        }

        d = d with { Of = arithmetic.Kind, Code = arithmetic.Code, Codes = arithmetic.Codes };
        if (arithmetic.Single is { } single)
        {
            d = single.Measure.IsPercentage
                ? d with { Measure = single.Measure.ToString() switch { "attendance" => "attendance", "absence" => "absence", _ => "unauthorised" }, IsPercentage = true, Value = arithmetic.Num, OutOf = arithmetic.Den, Threshold = single.Value }
                : d with { Measure = "sessions", Value = arithmetic.Num, Threshold = single.Value };
        }

        if (arithmetic.Holds(0))
        {
            return Say(d, DistanceKind.Reached, HoldsNowPlain);
        }

        var holds = new ConditionHolds(arithmetic);
        return Steps(d, First(run, ref holds, after, bar));
    }

    private void National(EvaluationRun run, DistanceSubject subject, string id, string title, decimal percent)
    {
        var f = run.Figures;
        var d = Percentage(subject, id, null, title, null, "absence", f.Absent, f.Possible, percent, SessionKind.Absent, "O");
        if (f.Possible > 0 && Percent.IsAtLeast(f.Absent, f.Possible, percent))
        {
            Add(Say(d, DistanceKind.Reached, HoldsNowPlain));
            return;
        }

        if (AcademicYear.Containing(run.AsOf).StartYear != upcoming.Year)
        {
            Add(Say(d, DistanceKind.NotThisYear, NoSessionsLeft));
            return;
        }

        var absence = new AbsenceHolds(f.Absent, f.Possible, percent);
        Add(Steps(d, First(run, ref absence, null, Bar.None)));
    }

    private static Distance Percentage(DistanceSubject subject, string id, int? stage, string title, ActionKind? action, string measure, long value, long outOf, decimal percent, SessionKind kind, string code) => new()
    {
        Subject = subject, Id = id, StageNumber = stage, Title = title, Action = action, Kind = DistanceKind.NotMeasurable,
        Measure = measure, IsPercentage = true, Value = value, OutOf = outOf, Threshold = percent, Of = kind, Code = code,
    };

    private YearEndOutlook YearEndOf(EvaluationRun run)
    {
        long attended = run.YearAttended, possible = run.YearPossible;
        if (run.Calendar is null)
        {
            return new YearEndOutlook { Attended = attended, Possible = possible };
        }

        var left = upcoming.Count;
        return new YearEndOutlook
        {
            IsAvailable = true,
            RemainingSessions = left,
            Attended = attended,
            Possible = possible,
            BestPercent = Percent.Of(attended + left, possible + left),
            AtCurrentRatePercent = Percent.Of(attended, possible), // the rest at the same rate leaves the ratio where it is
        };
    }

    private interface IHolds
    {
        bool Holds(int added);
    }

    private readonly struct AlwaysHolds : IHolds
    {
        public bool Holds(int added) => true;
    }

    private readonly struct BelowHolds(PercentThreshold threshold, bool inclusive, long attended, long possible, int min) : IHolds
    {
        public bool Holds(int added) => possible + added > 0 && possible + added >= min && threshold.Falls(attended, possible + added, inclusive);
    }

    private readonly struct AbsenceHolds(long absent, long possible, decimal percent) : IHolds
    {
        public bool Holds(int added) => Percent.IsAtLeast(absent + added, possible + added, percent);
    }

    /// <summary>Attendance below its value at an earlier stage; <paramref name="sameDay"/> further sessions fall on the stage's own day and lower that value too.</summary>
    private readonly struct DeclinedHolds(long attended, long possible, long a0, long p0, int sameDay) : IHolds
    {
        public bool Holds(int added)
        {
            var baseline = p0 + Math.Min(added, sameDay);
            return possible + added > 0 && baseline > 0 && Percent.IsRatioBelow(attended, possible + added, a0, baseline);
        }
    }

    private readonly struct ConditionHolds(ConditionArithmetic arithmetic) : IHolds
    {
        public bool Holds(int added) => arithmetic.Holds(added);
    }

    /// <summary>A count with further sessions of its codes: those counted still in the window at the last of them, and the further ones still in it.</summary>
    private readonly struct CountHolds(SessionCountRunner runner, UpcomingSessions upcoming, int atLeast) : IHolds
    {
        public bool Holds(int added)
        {
            var at = added - 1;
            var (week, term, year) = (upcoming.Week(at), upcoming.Term(at), upcoming.Year);
            var count = runner.CountedAt(week, term, year);
            for (var i = 0; i < added; i++)
            {
                if (runner.InWindowAt(upcoming.Week(i), upcoming.Term(i), year, week, term, year))
                {
                    count++;
                }
            }

            return count >= atLeast;
        }
    }
}
