using System.Globalization;
using System.Text;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// A compiled comparison: finds its window's first day from the point judged, takes its measure
/// as differences of the run's prefix columns, and compares exactly (integers, cross-multiplied).
/// </summary>
internal sealed class ComparisonNode : PlanNode
{
    private readonly Measure measure;
    private readonly Window window;
    private readonly ComparisonOperator op;
    private readonly decimal value;
    private readonly int column;
    private readonly int minPossible;
    private readonly ResolvedReference windowAnchor;
    private readonly ResolvedReference since;

    // Decided once here, so a point is judged by switches over small integers and integer arithmetic.
    private readonly MeasureShape shape;
    private readonly WindowShape span;
    private readonly int length;
    private readonly int holdsBySign;
    private readonly bool exact;
    private readonly long thresholdNumerator;
    private readonly long thresholdDenominator;

    public ComparisonNode(Comparison comparison, int column, int minPossible, ResolvedReference windowAnchor, ResolvedReference since)
    {
        measure = comparison.Measure;
        window = comparison.Over;
        op = comparison.Operator;
        value = comparison.Value;
        this.column = column;
        this.minPossible = minPossible;
        this.windowAnchor = windowAnchor;
        this.since = since;
        shape = measure switch
        {
            ChangeMeasure => MeasureShape.Change,
            ProjectedMeasure => MeasureShape.Projected,
            PercentMeasure => MeasureShape.Percent,
            PunctualityMeasure => MeasureShape.Punctuality,
            LateMeasure or CountMeasure => MeasureShape.Sessions,
            DaysMeasure => MeasureShape.Days,
            RunMeasure => MeasureShape.Run,
            SpellsMeasure => MeasureShape.Spells,
            _ => MeasureShape.None,
        };
        (span, length) = window switch
        {
            PeriodWindow { Period: WindowPeriod.AcademicYear } => (WindowShape.Year, 0),
            PeriodWindow { Period: WindowPeriod.Term } => (WindowShape.Term, 0),
            PeriodWindow { Period: WindowPeriod.HalfTerm } => (WindowShape.HalfTerm, 0),
            PeriodWindow => (WindowShape.PreviousTerm, 0),
            RollingWindow { Unit: RollingUnit.SchoolWeeks } r => (WindowShape.SchoolWeeks, r.Length),
            RollingWindow { Unit: RollingUnit.Weeks } r => (WindowShape.Weeks, r.Length),
            RollingWindow { Unit: RollingUnit.SchoolDays } r => (WindowShape.SchoolDays, r.Length),
            RollingWindow { Unit: RollingUnit.Sessions } r => (WindowShape.Sessions, r.Length),
            RollingWindow r => (WindowShape.Months, r.Length),
            SinceWindow => (WindowShape.Since, 0),
            MonitoringWindow m => (m.Early ? WindowShape.MonitoringEarly : WindowShape.Monitoring, m.SchoolDays),
            _ => (WindowShape.None, 0),
        };
        for (var sign = -1; sign <= 1; sign++)
        {
            holdsBySign |= OperatorCatalog.Holds(op, sign) ? 1 << (sign + 1) : 0;
        }

        // The threshold as a fraction over a power of ten, for integer cross-multiplication; a
        // threshold with more decimal places than that keeps decimal arithmetic.
        var scale = value.Scale;
        exact = scale <= 6 && Math.Abs(value) < 1_000_000m;
        if (exact)
        {
            thresholdDenominator = 1;
            for (var i = 0; i < scale; i++)
            {
                thresholdDenominator *= 10;
            }

            thresholdNumerator = (long)(value * thresholdDenominator);
        }
    }

    private enum MeasureShape
    {
        None,
        Percent,
        Punctuality,
        Sessions,
        Days,
        Run,
        Spells,
        Change,
        Projected,
    }

    private enum WindowShape
    {
        None,
        Year,
        Term,
        HalfTerm,
        PreviousTerm,
        SchoolWeeks,
        Weeks,
        SchoolDays,
        Sessions,
        Months,
        Since,
        Monitoring,
        MonitoringEarly,
    }

    /// <summary>
    /// Whether a rule of this one comparison, with its repeat and judged period, may skip points (see
    /// <see cref="Progress"/>): a count compared upwards under a repeat that fires at the first point
    /// it holds, judged each session or day, can start to hold only where it rises; a percentage over
    /// a window that only grows can change its answer only after enough possible sessions.
    /// </summary>
    public bool SkipsPoints(Policies.RepeatMode repeat, JudgedPeriod judged) => HoldsOnlyWhereCountRises
        ? repeat is Policies.RepeatMode.FreshSessions or Policies.RepeatMode.OncePerYear && judged is JudgedPeriod.Session or JudgedPeriod.Day
        : IsPercentOverGrowingWindow;

    /// <summary>
    /// For a comparison that <see cref="SkipsPoints"/>, the running total its answer moves with: the
    /// count's total (sessions, or ended days) for a count, the possible sessions for a percentage.
    /// </summary>
    public long Progress(EvaluationRun run, in JudgedPoint p)
    {
        var cols = run.Columns!;
        if (!HoldsOnlyWhereCountRises)
        {
            return cols.Sessions[ConditionColumns.Possible][p.Sessions];
        }

        if (shape == MeasureShape.Sessions)
        {
            return cols.Sessions[column][p.Sessions];
        }

        var dayEnd = p.DayEnded ? p.Day + 1 : p.Day;
        return shape == MeasureShape.Spells ? cols.SpellStarts[column][dayEnd] : cols.DayCount[column][dayEnd];
    }

    /// <summary>For a percentage, its window's first day (a new window is judged afresh); 0 for a count, whose window moving on never makes it hold.</summary>
    public int WindowKey(EvaluationRun run, in JudgedPoint p) => HoldsOnlyWhereCountRises ? 0 : FromDay(run, p, out _);

    /// <summary>
    /// The <see cref="Progress"/> before which, with the window, scope and anchor unchanged, the
    /// answer stays what it was at this point (where it did not hold): one more counted session or day
    /// for a count; for a percentage, the possible sessions it takes to cross the threshold (the next
    /// point where it holds). Each possible session moves 100·num·d − n·den (the threshold n/d) by at
    /// most 100·d − n up or n down, so its sign cannot change sooner.
    /// </summary>
    public long NextChange(EvaluationRun run, in JudgedPoint p, bool holds, long progress)
    {
        if (HoldsOnlyWhereCountRises)
        {
            return progress + 1;
        }

        if (holds)
        {
            return progress;
        }

        var from = FromDay(run, p, out _);
        if (from < 0 || from > p.Day)
        {
            return progress;
        }

        var s = run.Columns!.Sessions;
        var first = FirstSession(run, p, from);
        long num = s[column][p.Sessions] - s[column][first];
        long den = s[ConditionColumns.Possible][p.Sessions] - s[ConditionColumns.Possible][first];
        var needed = Math.Max(minPossible, 1);
        if (den < needed)
        {
            return progress + needed - den;
        }

        var f = (num * 100 * thresholdDenominator) - (thresholdNumerator * den);
        var down = thresholdNumerator;
        var up = (100 * thresholdDenominator) - thresholdNumerator;
        var sessions = f > 0 ? (down <= 0 ? int.MaxValue : (f + down - 1) / down)
            : f < 0 ? (up <= 0 ? int.MaxValue : (-f + up - 1) / up)
            : 0;
        return progress + Math.Min(sessions, int.MaxValue);
    }

    /// <summary>
    /// A count of sessions (not lateness, whose arrivals no code mask shows) or days, compared upwards
    /// with a threshold an empty count does not reach, over a window that only moves forward (not a
    /// monitoring period, which is judged at its end): it can start to hold only where it has risen.
    /// </summary>
    private bool HoldsOnlyWhereCountRises =>
        shape is MeasureShape.Sessions or MeasureShape.Days or MeasureShape.Run or MeasureShape.Spells
        && measure is not LateMeasure
        && span is not (WindowShape.Monitoring or WindowShape.MonitoringEarly or WindowShape.None)
        && op is ComparisonOperator.AtLeast or ComparisonOperator.MoreThan or ComparisonOperator.AtOrAbove or ComparisonOperator.Above
        && !OperatorCatalog.Holds(op, Math.Sign(0m - value));

    /// <summary>A percentage (exact) over a window whose first day changes only at a period's start or a new anchor.</summary>
    private bool IsPercentOverGrowingWindow =>
        shape == MeasureShape.Percent && exact
        && span is WindowShape.Year or WindowShape.Term or WindowShape.HalfTerm or WindowShape.PreviousTerm or WindowShape.Since;

    /// <summary>The session column a count reads.</summary>
    public int Column => column;

    /// <summary>The fixed session columns <see cref="TryMeasure"/> reads, as bits by column (a run keeps only the columns some condition reads).</summary>
    public int FixedColumns => shape switch
    {
        MeasureShape.Percent => (1 << column) | (1 << ConditionColumns.Possible),
        MeasureShape.Punctuality => (1 << ConditionColumns.Attended) | (1 << ConditionColumns.AttendedLate) | (1 << ConditionColumns.Possible),
        MeasureShape.Sessions => column < ConditionColumns.Fixed ? 1 << column : 0,
        MeasureShape.Change or MeasureShape.Projected => (1 << ConditionColumns.Attended) | (1 << ConditionColumns.Possible),
        _ => 0,
    };

    /// <summary>The first session the window counts from a point whose window starts on day <paramref name="from"/>: that day's first, the last N for a window of sessions, never one a fresh count already counted.</summary>
    public int FirstSession(EvaluationRun run, in JudgedPoint p, int from) =>
        Math.Max(span == WindowShape.Sessions ? Math.Max(0, p.Sessions - length) : run.Columns!.DayStart[from], p.FreshFrom);

    /// <summary>The Monday of the window's first week seen from a point whose window starts on day <paramref name="from"/>: for a window of school weeks the earliest of its school weeks (the calendar's before the register's first), otherwise the week of its first day.</summary>
    public LocalDate FirstWeek(EvaluationRun run, in JudgedPoint p, int from) => span == WindowShape.SchoolWeeks
        ? run.Timeline.FirstWeekOfWindow(p.Day, length, run.Calendar)
        : Timeline.MondayOf(run.Timeline.Dates[from]);

    /// <summary>The window's first day seen from a point, or -1 where it has no value there.</summary>
    public int FirstDay(EvaluationRun run, in JudgedPoint p) => FromDay(run, p, out _);

    public override bool Holds(EvaluationRun run, in JudgedPoint p) =>
        TryMeasure(run, p, out var m) && ((holdsBySign >> (Sign(m) + 1)) & 1) != 0;

    public override bool MonitoringEnds(EvaluationRun run, in JudgedPoint p)
    {
        if (span != WindowShape.Monitoring)
        {
            return false;
        }

        var anchor = ActionAnchors.Find(run, windowAnchor, p.Day);
        return anchor >= 0 && IsPeriodEnd(run, p, anchor, length);
    }

    /// <summary>The measure's figures at a point: a numerator and denominator for a percentage, a count otherwise.</summary>
    private struct Measured
    {
        public long Num;
        public long Den;
        public long Num0;
        public long Den0;
        public long Left;
        public int From;
        public int Anchor;
    }

    private int Sign(in Measured m) => shape switch
    {
        MeasureShape.Percent or MeasureShape.Punctuality when exact => Math.Sign((m.Num * 100 * thresholdDenominator) - (thresholdNumerator * m.Den)),
        MeasureShape.Sessions or MeasureShape.Days or MeasureShape.Run or MeasureShape.Spells when exact => Math.Sign((m.Num * thresholdDenominator) - thresholdNumerator),
        MeasureShape.Change => Math.Sign((100m * ((m.Num * m.Den0) - (m.Num0 * m.Den))) - (value * m.Den * m.Den0)),
        MeasureShape.Projected => Math.Sign((100m * ((m.Num * m.Den0) + (m.Left * m.Num0))) - (value * (m.Den + m.Left) * m.Den0)),
        _ when measure.IsPercentage => Math.Sign((m.Num * 100m) - (value * m.Den)),
        _ => Math.Sign(m.Num - value),
    };

    /// <summary>Whether the point is the end of the last school day of a monitoring period of <paramref name="days"/> school days after <paramref name="anchor"/>'s day.</summary>
    private static bool IsPeriodEnd(EvaluationRun run, in JudgedPoint p, int anchor, int days) =>
        p.DayEnded && run.Timeline.SchoolDay[p.Day] && Ordinal(run, p.Day) - Ordinal(run, anchor) == days;

    /// <summary>The school days ended by the end of a day (the day itself counted if a school day).</summary>
    private static int Ordinal(EvaluationRun run, int day) =>
        (day > 0 ? run.Columns!.SchoolDays[day - 1] : 0) + (run.Timeline.SchoolDay[day] ? 1 : 0);

    /// <summary>The first day of the window seen from the point, or -1 where the window has no value there.</summary>
    private int FromDay(EvaluationRun run, in JudgedPoint p, out int anchor)
    {
        anchor = -1;
        var t = run.Timeline;
        var cols = run.Columns!;
        var day = p.Day;
        switch (span)
        {
            case WindowShape.Year:
                return cols.YearStart[day];
            case WindowShape.Term:
                return cols.TermStart[day];
            case WindowShape.HalfTerm:
                return cols.HalfTermStart[day];
            case WindowShape.PreviousTerm:
                return cols.PreviousTermStart[day];
            case WindowShape.SchoolWeeks:
                return FirstAbove(t.Week, 1, t.Week[day] - length, day);
            case WindowShape.Weeks:
                return FirstAbove(t.DayNumbers, 7, (t.DayNumbers[day] / 7) - length, day);
            case WindowShape.SchoolDays:
                return FirstAbove(cols.SchoolDays, 1, Ordinal(run, day) - length, day);
            case WindowShape.Sessions:
                return p.Sessions == 0 ? day : cols.SessionDay[Math.Max(0, p.Sessions - length)];
            case WindowShape.Months:
                var from = Timeline.DayNumber(t.Dates[day].PlusMonths(-length));
                return FirstAbove(t.DayNumbers, 1, from, day);
            case WindowShape.Since:
                anchor = ActionAnchors.Find(run, windowAnchor, day);
                return anchor < 0 ? -1 : anchor + 1;
            case WindowShape.Monitoring or WindowShape.MonitoringEarly:
                anchor = ActionAnchors.Find(run, windowAnchor, day);
                if (anchor < 0)
                {
                    return -1;
                }

                var elapsed = Ordinal(run, day) - Ordinal(run, anchor);
                return elapsed <= 0 || elapsed > length || (span == WindowShape.Monitoring && !IsPeriodEnd(run, p, anchor, length)) ? -1 : anchor + 1;
            default:
                return -1;
        }
    }

    /// <summary>The first day e in [0, day) with keys[e] / divisor above a threshold, else day (keys rise with e; the key of day itself may not be set yet).</summary>
    private static int FirstAbove(int[] keys, int divisor, int threshold, int day)
    {
        int lo = 0, hi = day;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (keys[mid] / divisor > threshold)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private bool TryMeasure(EvaluationRun run, in JudgedPoint p, out Measured m)
    {
        m = default;
        var cols = run.Columns!;
        var from = FromDay(run, p, out m.Anchor);
        if (from < 0 || from > p.Day)
        {
            return false;
        }

        m.From = from;
        var s = cols.Sessions;
        var first = FirstSession(run, p, from);
        var end = p.Sessions;
        // The point's day counts once complete (p.DayEnded is set when the point is made, so evidence written later reads the same).
        var dayEnd = p.DayEnded ? p.Day + 1 : p.Day;
        switch (shape)
        {
            case MeasureShape.Percent:
                m.Num = s[column][end] - s[column][first];
                m.Den = s[ConditionColumns.Possible][end] - s[ConditionColumns.Possible][first];
                return m.Den > 0 && m.Den >= minPossible;
            case MeasureShape.Punctuality:
                m.Den = s[ConditionColumns.Attended][end] - s[ConditionColumns.Attended][first];
                m.Num = m.Den - (s[ConditionColumns.AttendedLate][end] - s[ConditionColumns.AttendedLate][first]);
                return m.Den > 0 && s[ConditionColumns.Possible][end] - s[ConditionColumns.Possible][first] >= minPossible;
            case MeasureShape.Sessions:
                m.Num = end > first ? s[column][end] - s[column][first] : 0;
                return true;
            case MeasureShape.Days:
                m.Num = dayEnd > from ? cols.DayCount[column][dayEnd] - cols.DayCount[column][from] : 0;
                return true;
            case MeasureShape.Run:
                m.Num = dayEnd > 0 ? cols.Run[column][dayEnd - 1] : 0;
                return true;
            case MeasureShape.Spells:
                if (dayEnd <= from)
                {
                    return true;
                }

                m.Num = cols.SpellStarts[column][dayEnd] - cols.SpellStarts[column][from];
                if (from > 0 && cols.Run[column][from - 1] > 0 && cols.Run[column][from] > 0 && cols.SpellStarts[column][from + 1] == cols.SpellStarts[column][from])
                {
                    m.Num++; // a run already going when the window opens
                }

                return true;
            case MeasureShape.Change:
                var anchor = ActionAnchors.Find(run, since, p.Day);
                if (anchor < 0)
                {
                    return false;
                }

                m.Anchor = anchor;
                var year = cols.YearStart[p.Day];
                var yearFirst = cols.DayStart[year];
                var anchorEnd = cols.DayStart[anchor + 1];
                m.Num = s[ConditionColumns.Attended][end] - s[ConditionColumns.Attended][yearFirst];
                m.Den = s[ConditionColumns.Possible][end] - s[ConditionColumns.Possible][yearFirst];
                m.Num0 = s[ConditionColumns.Attended][anchorEnd] - s[ConditionColumns.Attended][yearFirst];
                m.Den0 = s[ConditionColumns.Possible][anchorEnd] - s[ConditionColumns.Possible][yearFirst];
                return m.Den > 0 && m.Den0 > 0;
            case MeasureShape.Projected:
                if (run.Calendar is not { } calendar)
                {
                    return false;
                }

                var ytd = cols.DayStart[cols.YearStart[p.Day]];
                m.Num = s[ConditionColumns.Attended][end] - s[ConditionColumns.Attended][ytd];
                m.Den = s[ConditionColumns.Possible][end] - s[ConditionColumns.Possible][ytd];
                m.Num0 = s[ConditionColumns.Attended][end] - s[ConditionColumns.Attended][first];
                m.Den0 = s[ConditionColumns.Possible][end] - s[ConditionColumns.Possible][first];
                var date = run.Timeline.Dates[p.Day];
                // The sessions left run to the year's end, or to the leaving date of a pupil who has left.
                var yearEnd = AcademicYear.Containing(date).End;
                var until = run.LeftOn is { } left && left < yearEnd ? left : yearEnd;
                m.Left = until <= date ? 0 : 2L * (calendar.FirstSchoolDayAfter(until) - calendar.FirstSchoolDayAfter(date));
                return m.Den0 > 0 && m.Den0 >= minPossible && m.Den + m.Left > 0;
            default:
                return false;
        }
    }

    public override void Describe(EvaluationRun run, in JudgedPoint p, StringBuilder sb)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (!TryMeasure(run, p, out var m))
        {
            sb.Append(measure).Append(' ').Append(WindowText(run, m)).Append(": no value");
            return;
        }

        var words = OperatorCatalog.Words(op);
        var threshold = value.ToString("0.############", invariant);
        switch (measure)
        {
            case ChangeMeasure c:
                var change = ((m.Num * 100m / m.Den) - (m.Num0 * 100m / m.Den0)).ToString("+0.00##;-0.00##;0.00", invariant);
                sb.Append(CultureInfo.InvariantCulture, $"attendance {Percent.Format(m.Num, m.Den)} ({m.Num} of {m.Den} possible sessions) against {Percent.Format(m.Num0, m.Den0)} ({m.Num0} of {m.Den0}) at the end of {EvaluationRun.Short(run.Timeline.Dates[m.Anchor])} ({c.Since}): {change} points, {words} {threshold}");
                break;
            case ProjectedMeasure:
                var projected = Percent.Format((m.Num * m.Den0) + (m.Left * m.Num0), (m.Den + m.Left) * m.Den0);
                sb.Append(CultureInfo.InvariantCulture, $"projected attendance {projected} at the end of the academic year: {m.Num} of {m.Den} possible sessions so far, {m.Left} sessions left at {Percent.Format(m.Num0, m.Den0)} ({m.Num0} of {m.Den0}) {WindowText(run, m)}, {words} {threshold}%");
                break;
            case PercentMeasure:
                sb.Append(CultureInfo.InvariantCulture, $"{measure} {Percent.Format(m.Num, m.Den)} ({m.Num} of {m.Den} possible sessions) {WindowText(run, m)}, {words} {threshold}%");
                break;
            case PunctualityMeasure:
                sb.Append(CultureInfo.InvariantCulture, $"punctuality {Percent.Format(m.Num, m.Den)} ({m.Num} of {m.Den} sessions attended on time) {WindowText(run, m)}, {words} {threshold}%");
                break;
            case RunMeasure:
                sb.Append(CultureInfo.InvariantCulture, $"{m.Num} {measure} to {EvaluationRun.Short(run.Timeline.Dates[p.Day])}, {words} {threshold}");
                break;
            case CountMeasure:
                // Which code each session was counted by: a count that reached its codes through a reinterpretation says so.
                var reinterpreted = m.Num > 0 ? run.Columns!.ReinterpretedIn(run, column, FirstSession(run, p, m.From), p.Sessions) : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"{m.Num} {measure}{(reinterpreted.Length == 0 ? string.Empty : $" (of which {reinterpreted})")} {WindowText(run, m)}, {words} {threshold}");
                break;
            default:
                sb.Append(CultureInfo.InvariantCulture, $"{m.Num} {measure} {WindowText(run, m)}, {words} {threshold}");
                break;
        }
    }

    private string WindowText(EvaluationRun run, in Measured m)
    {
        var from = m.From >= 0 && m.From < run.Timeline.Count ? EvaluationRun.Short(run.Timeline.Dates[m.From]) : "?";
        return window switch
        {
            PeriodWindow { Period: WindowPeriod.AcademicYear } => $"in the academic year {AcademicYear.Containing(run.Timeline.Dates[Math.Max(0, m.From)])}",
            PeriodWindow w => $"in {w}{(run.Timeline.TermsInferred ? " (terms inferred from the register)" : string.Empty)} from {from}",
            RollingWindow w => $"in {w} (from {from})",
            SinceWindow w => $"since {w.From} (from {from})",
            MonitoringWindow w => $"in the {w.SchoolDays} school days after {w.After} (from {from})",
            _ => string.Empty,
        };
    }
}
