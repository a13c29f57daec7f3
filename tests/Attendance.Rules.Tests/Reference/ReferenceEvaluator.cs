using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Reference;

/// <summary>The figures a reference evaluation gives (the DfE counts for the year containing the evaluation date).</summary>
public sealed record ReferenceFigures(
    DateInterval Period, int Possible, int Present, int ApprovedEducationalActivity, int Authorised, int Unauthorised, int Late, bool Persistent, bool Severe);

/// <summary>A session_count hit: rule, date and the sessions it counted.</summary>
public sealed record ReferenceHit(string RuleId, LocalDate Date, IReadOnlyList<Session> Counted)
{
    /// <summary>For a count over rolling school weeks, the Monday of the earliest of its school weeks (not part of <see cref="ToString"/>).</summary>
    public LocalDate? FirstWeek { get; init; }

    public override string ToString() => $"{Date:yyyy-MM-dd} {RuleId} [{string.Join(", ", Counted)}]";
}

/// <summary>An action: rule, kind, stage, date and session (no evidence text).</summary>
public sealed record ReferenceAction(string RuleId, ActionKind Kind, int? Stage, LocalDate Date, SessionOfDay Session)
{
    public override string ToString() => $"{Date:yyyy-MM-dd} {Session} {RuleId}{(Stage is { } s ? $" stage {s}" : string.Empty)} ({Kind})";
}

public sealed record ReferenceResult(ReferenceFigures Figures, IReadOnlyList<ReferenceHit> Hits, IReadOnlyList<ReferenceAction> Actions);

/// <summary>
/// A deliberately naive evaluator written from the documents (engine-semantics.md, decisions.md,
/// docs/engine.md and docs/policy-format.md), not from the engine's code: plain loops that, for
/// each session in order, recompute what they need from the register up to that session. It
/// handles registers of codes only: no arrival times (so no lateness sanctions or registration
/// data-quality actions) and no prior penalty notices. Without a school calendar, school days,
/// weeks, terms and half terms are inferred from the marks. With one, school days and school weeks
/// are read as decisions.md ("Calendar and school weeks") says: a day with marks is a school day when
/// one of its marks has the school open, a day without marks when the calendar has it; a school week
/// is a week with a calendar school day (whether or not the pupil was on roll) or a school day of
/// the pupil's. Terms, half terms and period ends stay inferred from the school days, so with a
/// calendar only rules counting over school weeks are compared (CalendarWindowProperties).
/// Points the documents leave open, settled as docs/engine.md reads: a week has ended when asOf is
/// its Sunday; a year-to-date condition lapses on 1 August (the figure is undefined until the first
/// possible session); before the register's first session the pupil had none of a code_starts /
/// code_ends rule's codes; for a pupil outside the compulsory year groups a referral rule records
/// neither its action nor its threshold hit.
/// </summary>
public static partial class ReferenceEvaluator
{
    public static ReferenceResult Evaluate(Policy policy, PupilRegister register, LocalDate asOf, SchoolCalendar? calendar = null)
    {
        var marks = register.Marks.Where(m => m.Session.Date <= asOf).OrderBy(m => m.Session).ToList();
        if (marks.Any(m => m.Code is null || m.Arrival is not null))
        {
            throw new ArgumentException("the reference evaluator takes registers of codes without arrival times");
        }

        var r = new Run(policy, register, marks, asOf, calendar);
        return new ReferenceResult(Figures(policy, marks, asOf), r.Hits, r.Actions);
    }

    public static ReferenceFigures Figures(Policy policy, IReadOnlyList<SessionMark> marks, LocalDate asOf)
    {
        var period = new DateInterval(AcademicYear.Containing(asOf).Start, asOf);
        int possible = 0, present = 0, aea = 0, auth = 0, unauth = 0, late = 0;
        foreach (var m in marks)
        {
            if (!period.Contains(m.Session.Date) || !m.Code!.IsPossibleSession)
            {
                continue;
            }

            possible++;
            switch (m.Code.Category)
            {
                case CodeCategory.Present: present++; break;
                case CodeCategory.ApprovedEducationalActivity: aea++; break;
                case CodeCategory.AuthorisedAbsence: auth++; break;
                case CodeCategory.UnauthorisedAbsence: unauth++; break;
            }

            if (m.Code.IsLate)
            {
                late++;
            }
        }

        var absent = auth + unauth;
        var persistent = possible > 0 && absent * 100m >= policy.AbsenceFlags.PersistentPercent * possible;
        var severe = possible > 0 && absent * 100m >= policy.AbsenceFlags.SeverePercent * possible;
        return new ReferenceFigures(period, possible, present, aea, auth, unauth, late, persistent, severe);
    }

    private sealed partial class Run
    {
        private readonly Policy policy;
        private readonly PupilRegister register;
        private readonly List<SessionMark> marks;
        private readonly LocalDate asOf;
        private readonly List<LocalDate> schoolDays;
        private readonly SchoolCalendar? calendar;
        private readonly bool compulsory;

        // Reinterpretation periods: (first date, last date, rule) from the school day after the stage to 31 July.
        private readonly List<(LocalDate From, LocalDate To, ReinterpretRule Rule)> reinterpretations = [];

        public List<ReferenceHit> Hits { get; } = [];

        public List<ReferenceAction> Actions { get; } = [];

        public Run(Policy policy, PupilRegister register, List<SessionMark> marks, LocalDate asOf, SchoolCalendar? calendar)
        {
            this.policy = policy;
            this.register = register;
            this.marks = marks;
            this.asOf = asOf;
            this.calendar = calendar;
            schoolDays = marks.Where(m => m.Code!.IsSchoolOpen).Select(m => m.Session.Date).Distinct().Order().ToList();
            if (calendar is not null && marks.Count > 0)
            {
                // From the first mark to asOf: a marked day by its marks, an unmarked one by the calendar.
                var marked = marks.Select(m => m.Session.Date).ToHashSet();
                var open = schoolDays.ToHashSet();
                schoolDays = [];
                for (var d = marks[0].Session.Date; d <= asOf; d = d.PlusDays(1))
                {
                    if (marked.Contains(d) ? open.Contains(d) : calendar.IsSchoolDay(d))
                    {
                        schoolDays.Add(d);
                    }
                }
            }

            compulsory = register.YearGroup is null || policy.CompulsoryYearGroups.Contains(register.YearGroup);
            var born = register.DateOfBirth;

            // Rules may wait on any other rule (and reinterpretation on a stage): evaluate everything
            // against the previous round's actions until nothing changes. Every dependency looks only
            // at earlier school days, so the rounds converge to the one consistent answer.
            for (var round = 0; ; round++)
            {
                if (round > 200)
                {
                    throw new InvalidOperationException("the reference did not reach a fixpoint");
                }

                var previous = Actions.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToList();
                known = [.. Actions];
                Actions.Clear();
                Hits.Clear();
                EvaluateRound();
                // "Referrals (penalty-notice thresholds, legal steps) fall due only on days the pupil is of
                // compulsory school age" (docs/engine.md): the threshold does not apply, so no hit either,
                // and a referral that never fell due is nothing another rule can wait on.
                bool Compulsory(LocalDate d) => born is { } b ? CompulsorySchoolAge.On(b, d) : compulsory;
                Actions.RemoveAll(a => a.Kind == ActionKind.Referral && !Compulsory(a.Date));
                Hits.RemoveAll(h => policy.FindRule(h.RuleId)?.Action == ActionKind.Referral && !Compulsory(h.Date));

                // "Nothing falls due after the leaving date".
                if (register.LeavingDate is { } left)
                {
                    Actions.RemoveAll(a => a.Date > left);
                    Hits.RemoveAll(h => h.Date > left);
                }

                if (round > 0 && Actions.Select(a => a.ToString()).Order(StringComparer.Ordinal).SequenceEqual(previous))
                {
                    break;
                }
            }

        }

        private void EvaluateRound()
        {
            reinterpretations.Clear();
            foreach (var re in policy.Rules.OfType<ReinterpretRule>())
            {
                foreach (var a in known.Where(a => a.RuleId == re.AfterRule && a.Stage == re.AfterStage))
                {
                    var next = schoolDays.FirstOrDefault(d => d > a.Date);
                    if (next != default && AcademicYear.Containing(next) == AcademicYear.Containing(a.Date))
                    {
                        reinterpretations.Add((next, AcademicYear.Containing(a.Date).End, re));
                    }
                }
            }

            foreach (var rule in policy.Rules)
            {
                switch (rule)
                {
                    case StagedRule st: Staged(st); break;
                    case AttendanceBelowRule ab: AttendanceBelow(ab); break;
                    case SessionCountRule sc: SessionCount(sc); break;
                    case ConsecutiveDaysRule cd: ConsecutiveDays(cd); break;
                    case DailyCodeRule dc: DailyCode(dc); break;
                    case UnresolvedCodeRule uc: Unresolved(uc); break;
                    case CodeChangeRule cc: CodeChange(cc); break;
                    case AdmissionRule ad: Admission(ad); break;
                    case RewardRule rw: Reward(rw); break;
                    case ScheduledRule sr: Scheduled(sr); break;
                    case ConditionRule cr: When(cr); break;
                }
            }
        }

        // ---- codes, with reinterpretation -------------------------------------------------------

        /// <summary>True when the mark counts for a rule with these codes: by its own code, or (unless the rule reads the recorded code) by the code it counts as.</summary>
        private bool Counts(SessionMark m, CodeSelection codes, CodeReading reading = CodeReading.Reinterpreted)
        {
            if (codes.Contains(m.Code!.Code))
            {
                return true;
            }

            if (reading == CodeReading.Recorded)
            {
                return false;
            }

            foreach (var (from, to, re) in reinterpretations)
            {
                var date = m.Session.Date;
                if (date >= from && date <= to && re.Codes.Contains(m.Code.Code) && !HasFact(m, re.UnlessFact) && codes.Contains(re.CountAs))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasFact(SessionMark m, string? fact) => fact switch
        {
            null => false,
            "medical_evidence" => m.HasMedicalEvidence,
            "reason_accepted" => (m.Facts & MarkFacts.ReasonAccepted) != 0,
            _ => throw new NotSupportedException(fact),
        };

        // ---- calendar inferred from the marks ------------------------------------------------------

        private static LocalDate Monday(LocalDate d) => d.PlusDays(-((int)d.DayOfWeek - 1));

        private static int WeekdaysBetween(LocalDate after, LocalDate upTo)
        {
            var n = 0;
            for (var d = after.PlusDays(1); d <= upTo; d = d.PlusDays(1))
            {
                if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Weekdays strictly between two dates.</summary>
        private static int Gap(LocalDate a, LocalDate b) => WeekdaysBetween(a, b.PlusDays(-1));

        private bool IsSchoolDay(LocalDate d) => schoolDays.Contains(d);

        /// <summary>
        /// The Mondays of the last <paramref name="n"/> school weeks up to the point's week (which
        /// counts, as the week the window ends with): weeks with a school day of the pupil's up to the
        /// point and, with a calendar, weeks with a calendar school day, back to before the first mark.
        /// </summary>
        private HashSet<LocalDate> SchoolWeeks(Session p, int n)
        {
            var weeks = marks.Where(m => m.Session <= p && m.Code!.IsSchoolOpen).Select(m => Monday(m.Session.Date)).Append(Monday(p.Date)).ToHashSet();
            if (calendar is not null)
            {
                var firstTerm = calendar.Terms.Count > 0 ? calendar.Terms[0].Start : p.Date;
                for (var d = Monday(p.Date).PlusDays(6); d >= firstTerm; d = d.PlusDays(-1))
                {
                    if (d <= p.Date && calendar.IsSchoolDay(d))
                    {
                        weeks.Add(Monday(d));
                    }
                }
            }

            return weeks.OrderDescending().Take(n).ToHashSet();
        }

        /// <summary>Whether a new period starts between two consecutive school days.</summary>
        private static bool Breaks(LocalDate a, LocalDate b, SchoolPeriod period) => period switch
        {
            SchoolPeriod.Week => Monday(a) != Monday(b),
            SchoolPeriod.HalfTerm => Gap(a, b) >= 5 || AcademicYear.Containing(a) != AcademicYear.Containing(b),
            SchoolPeriod.Term => Gap(a, b) >= 10 || AcademicYear.Containing(a) != AcademicYear.Containing(b),
            _ => AcademicYear.Containing(a) != AcademicYear.Containing(b),
        };

        /// <summary>Whether the period containing the register's last school day <paramref name="d"/> is over by asOf.</summary>
        private bool EndedByAsOf(LocalDate d, SchoolPeriod period)
        {
            var yearOver = asOf >= AcademicYear.Containing(d).End;
            return period switch
            {
                SchoolPeriod.Week => asOf >= Monday(d).PlusDays(6), // evaluated to the end of asOf: a Sunday asOf ends the week
                SchoolPeriod.HalfTerm => yearOver || WeekdaysBetween(d, asOf) >= 5,
                SchoolPeriod.Term => yearOver || WeekdaysBetween(d, asOf) >= 10,
                _ => yearOver,
            };
        }

        private bool IsLastOf(LocalDate d, SchoolPeriod period)
        {
            var i = schoolDays.IndexOf(d);
            return i + 1 < schoolDays.Count ? Breaks(d, schoolDays[i + 1], period) : EndedByAsOf(d, period);
        }

        /// <summary>The school days of the period (term or year) containing school day d, up to d.</summary>
        private List<LocalDate> PeriodUpTo(LocalDate d, SchoolPeriod period)
        {
            var i = schoolDays.IndexOf(d);
            var start = i;
            while (start > 0 && !Breaks(schoolDays[start - 1], schoolDays[start], period))
            {
                start--;
            }

            return schoolDays.GetRange(start, i - start + 1);
        }

        private SessionOfDay LastSessionOf(LocalDate d) => marks.Last(m => m.Session.Date == d).Session.Part;

        // ---- attendance ---------------------------------------------------------------------------

        private static (int Attended, int Possible) Attendance(IEnumerable<SessionMark> ms)
        {
            int attended = 0, possible = 0;
            foreach (var m in ms)
            {
                if (m.Code!.IsPossibleSession)
                {
                    possible++;
                    if (m.Code.Category is CodeCategory.Present or CodeCategory.ApprovedEducationalActivity)
                    {
                        attended++;
                    }
                }
            }

            return (attended, possible);
        }

        private (int Attended, int Possible) YearToDate(Session s) =>
            Attendance(marks.Where(m => m.Session <= s && AcademicYear.Containing(m.Session.Date) == AcademicYear.Containing(s.Date)));

        private static bool Below((int Attended, int Possible) a, decimal percent, bool inclusive) =>
            a.Possible > 0 && (inclusive ? a.Attended * 100m <= percent * a.Possible : a.Attended * 100m < percent * a.Possible);

        // ---- repeats ------------------------------------------------------------------------------

        /// <summary>
        /// The shared firing rule: an action falls due on the first evaluation at which the condition
        /// holds (it did not hold at the one before), and, unless the rule says on_lapse (or
        /// fresh_sessions), only if the rule has not fired in that academic year. A condition that
        /// keeps holding does not fire again, even across 31 July.
        /// </summary>
        private sealed class Gate(RepeatMode repeat, bool yearToDate = false)
        {
            private bool held;
            private AcademicYear? lastYear;
            private readonly HashSet<AcademicYear> firedYears = [];

            public bool Step(bool holds, LocalDate date)
            {
                // A condition over the year to date lapses on 1 August: with no possible sessions yet
                // the figure is undefined and no condition holds (engine-semantics, Counting).
                if (yearToDate && lastYear is { } y && y != AcademicYear.Containing(date))
                {
                    held = false;
                }

                lastYear = AcademicYear.Containing(date);
                var fire = holds && !held && (repeat != RepeatMode.OncePerYear || !firedYears.Contains(AcademicYear.Containing(date)));
                if (fire)
                {
                    firedYears.Add(AcademicYear.Containing(date));
                }

                held = holds;
                return fire;
            }
        }

        private void Act(Rule rule, ActionKind kind, int? stage, Session s) =>
            Actions.Add(new ReferenceAction(rule.Id, kind, stage, s.Date, s.Part));

        // ---- rule types -------------------------------------------------------------------------------

        private void AttendanceBelow(AttendanceBelowRule rule)
        {
            var gate = new Gate(rule.Repeat, rule.Period == AttendancePeriod.AcademicYear);
            foreach (var m in marks)
            {
                var s = m.Session;
                var a = rule.Period == AttendancePeriod.AcademicYear
                    ? YearToDate(s)
                    : Attendance(marks.Where(x => x.Session <= s && x.Session.Date > s.Date.PlusYears(-1)));
                var holds = Below(a, rule.Percent, rule.Inclusive) && a.Possible >= rule.MinPossibleSessions;
                if (gate.Step(holds, s.Date))
                {
                    Act(rule, rule.Action!.Value, null, s);
                }
            }
        }

        private void SessionCount(SessionCountRule rule)
        {
            var counted = new HashSet<Session>();
            var gate = new Gate(rule.Repeat, rule.Window.Kind == CountWindowKind.AcademicYear);
            foreach (var m in marks)
            {
                var s = m.Session;
                var window = Window(rule.Window, s);
                var candidates = window
                    .Where(x => Counts(x, rule.Codes, rule.Reading) && (rule.Repeat != RepeatMode.FreshSessions || !counted.Contains(x.Session)))
                    .Select(x => x.Session).ToList();
                var holds = candidates.Count >= rule.AtLeastSessions;
                var fire = rule.Repeat == RepeatMode.FreshSessions ? holds : gate.Step(holds, s.Date);
                if (fire)
                {
                    counted.UnionWith(candidates);
                    Hits.Add(new ReferenceHit(rule.Id, s.Date, candidates)
                    {
                        FirstWeek = rule.Window.Kind == CountWindowKind.RollingSchoolWeeks ? SchoolWeeks(s, rule.Window.SchoolWeeks).Min() : null,
                    });
                    Act(rule, rule.Action!.Value, null, s);
                }
            }
        }

        /// <summary>The marks up to session s inside the rule's window as seen from s.</summary>
        private List<SessionMark> Window(CountWindow window, Session s)
        {
            var upTo = marks.Where(m => m.Session <= s).ToList();
            switch (window.Kind)
            {
                case CountWindowKind.AcademicYear:
                    return upTo.Where(m => AcademicYear.Containing(m.Session.Date) == AcademicYear.Containing(s.Date)).ToList();
                case CountWindowKind.RollingSchoolWeeks:
                {
                    var weeks = SchoolWeeks(s, window.SchoolWeeks);
                    return upTo.Where(m => weeks.Contains(Monday(m.Session.Date))).ToList();
                }

                default:
                {
                    // Terms from the school days up to s; a session belongs to the term of the latest school day at or before it.
                    var days = schoolDays.Where(d => d <= s.Date).ToList();
                    if (days.Count == 0)
                    {
                        return [];
                    }

                    var termStarts = new List<LocalDate> { days[0] };
                    for (var i = 1; i < days.Count; i++)
                    {
                        if (Breaks(days[i - 1], days[i], SchoolPeriod.Term))
                        {
                            termStarts.Add(days[i]);
                        }
                    }

                    var take = window.Kind == CountWindowKind.Term ? 1 : 2;
                    var from = termStarts[Math.Max(0, termStarts.Count - take)];
                    return upTo.Where(m => m.Session.Date >= from).ToList();
                }
            }
        }

        private void ConsecutiveDays(ConsecutiveDaysRule rule)
        {
            var gate = new Gate(rule.Repeat);
            foreach (var d in schoolDays)
            {
                var run = 0;
                for (var i = schoolDays.IndexOf(d); i >= 0; i--)
                {
                    var day = marks.Where(m => m.Session.Date == schoolDays[i]).ToList();
                    if (day.Count == 2 && day.All(m => Counts(m, rule.Codes, rule.Reading)))
                    {
                        run++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (gate.Step(run >= rule.AtLeastDays, d))
                {
                    Act(rule, rule.Action!.Value, null, new Session(d, LastSessionOf(d)));
                }
            }
        }

        private void DailyCode(DailyCodeRule rule)
        {
            foreach (var d in schoolDays)
            {
                var first = marks.FirstOrDefault(m => m.Session.Date == d && Counts(m, rule.Codes));
                if (first.Code is not null)
                {
                    Act(rule, rule.Action!.Value, null, first.Session);
                }
            }
        }

        private void Unresolved(UnresolvedCodeRule rule)
        {
            var codes = new CodeSelection(null, ValueList<string>.From([rule.Code]));
            foreach (var day in marks.Where(m => Counts(m, codes)).Select(m => m.Session.Date).Distinct())
            {
                var due = day;
                for (var n = 0; n < rule.SchoolDays;)
                {
                    due = due.PlusDays(1);
                    if (due.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                    {
                        n++;
                    }
                }

                if (due <= asOf)
                {
                    Act(rule, rule.Action!.Value, null, new Session(due, SessionOfDay.PM));
                }
            }
        }

        private void CodeChange(CodeChangeRule rule)
        {
            // Before the register's first session the pupil had none of the codes (docs/engine.md: "the
            // session the code starts"), so a register that opens with C2 starts a spell there.
            var inSpell = false;
            var firedYears = new HashSet<AcademicYear>();
            foreach (var m in marks)
            {
                var has = Counts(m, rule.Codes);
                if (!has && !m.Code!.IsSchoolOpen)
                {
                    continue;
                }

                var change = inSpell != has && (rule.Ends ? !has : has);
                inSpell = has;
                if (change && (rule.Repeat != RepeatMode.OncePerYear || firedYears.Add(AcademicYear.Containing(m.Session.Date))))
                {
                    Act(rule, rule.Action!.Value, null, m.Session);
                }
            }
        }

        private void Admission(AdmissionRule rule)
        {
            // On the admission date, if it is not before the first mark; without one, at every first
            // session after a Z that is not a closure.
            if (register.AdmissionDate is { } admitted)
            {
                if (marks.Count > 0 && admitted <= asOf && admitted >= marks[0].Session.Date)
                {
                    Act(rule, rule.Action!.Value, null, Session.Morning(admitted));
                }

                return;
            }

            var afterZ = false;
            foreach (var m in marks)
            {
                if (m.Code!.Code == "Z")
                {
                    afterZ = true;
                }
                else if (afterZ && m.Code.IsSchoolOpen)
                {
                    Act(rule, rule.Action!.Value, null, m.Session);
                    afterZ = false;
                }
            }
        }

        private void Reward(RewardRule rule)
        {
            foreach (var d in schoolDays)
            {
                foreach (var period in rule.Periods)
                {
                    if (!IsLastOf(d, period))
                    {
                        continue;
                    }

                    var days = PeriodUpTo(d, period).ToHashSet();
                    var a = Attendance(marks.Where(m => days.Contains(m.Session.Date)));
                    if (a.Possible > 0 && a.Attended * 100m >= rule.Percent * a.Possible)
                    {
                        Act(rule, rule.Action!.Value, null, new Session(d, LastSessionOf(d)));
                    }
                }
            }
        }

        private void Scheduled(ScheduledRule rule)
        {
            foreach (var d in schoolDays.Where(d => IsLastOf(d, rule.Every)))
            {
                var p = new Session(d, LastSessionOf(d));
                if (rule.When is null || Holds(rule.When, p, new Judgement(new HashSet<Session>())))
                {
                    Act(rule, rule.Action!.Value, null, p);
                }
            }
        }

        private void Staged(StagedRule rule)
        {
            // Stages restart each academic year; within a year, stage k+1 only after stage k.
            foreach (var year in marks.Select(m => AcademicYear.Containing(m.Session.Date)).Distinct())
            {
                var yearMarks = marks.Where(m => AcademicYear.Containing(m.Session.Date) == year).ToList();
                var yearDays = schoolDays.Where(d => AcademicYear.Containing(d) == year).ToList();
                var fired = new Dictionary<int, Session>(); // stage number -> session it fell due
                Session? previous = null;
                for (var k = 0; k < rule.Stages.Count; k++)
                {
                    var stage = rule.Stages[k];
                    Session? due = null;
                    var monitoring = stage.When.MonitoringSchoolDays;
                    if (stage.When is ConditionStage cs)
                    {
                        due = StageDue(rule, stage, cs, year, previous?.Date);
                        if (due is null)
                        {
                            break;
                        }
                    }
                    else if (k > 0 && monitoring is { } n)
                    {
                        // Judged once, at the end of the nth school day after the previous stage's day.
                        var after = yearDays.Where(d => d > previous!.Value.Date).Take(n).ToList();
                        if (after.Count < n)
                        {
                            break;
                        }

                        var end = new Session(after[^1], LastSessionOf(after[^1]));
                        var holds = stage.When switch
                        {
                            MonitoringAttendanceBelowCondition mb =>
                                Below(Attendance(yearMarks.Where(m => after.Contains(m.Session.Date))), mb.Percent, false),
                            AttendanceDeclinedCondition ad => Declined(end, fired[ad.SinceStage]),
                            _ => throw new NotSupportedException(stage.When.TypeName),
                        };
                        if (!holds)
                        {
                            break;
                        }

                        due = end;
                    }
                    else
                    {
                        foreach (var m in yearMarks)
                        {
                            var s = m.Session;
                            if (k > 0 && s.Date <= previous!.Value.Date)
                            {
                                continue;
                            }

                            var holds = stage.When switch
                            {
                                AttendanceBelowCondition ab => YearToDate(s).Possible >= ab.MinPossibleSessions && Below(YearToDate(s), ab.Percent, ab.Inclusive),
                                AbsenceAfterPreviousCondition => IsSchoolDay(s.Date) && m.Code!.IsAbsence,
                                AttendanceDeclinedCondition ad => IsSchoolDay(s.Date) && Declined(s, fired[ad.SinceStage]),
                                _ => throw new NotSupportedException(stage.When.TypeName),
                            };
                            if (holds)
                            {
                                due = s;
                                break;
                            }
                        }

                        if (due is null)
                        {
                            break;
                        }
                    }

                    if (stage.Action == ActionKind.Referral && !compulsory)
                    {
                        break; // a referral stage never falls due for this pupil, so no later stage follows
                    }

                    fired[stage.Number] = due.Value;
                    previous = due;
                    Actions.Add(new ReferenceAction(rule.Id, stage.Action, stage.Number, due.Value.Date, due.Value.Part));
                }
            }
        }

        /// <summary>Year-to-date attendance at s is below its value at the end of the earlier stage's day (exact cross-multiplication).</summary>
        private bool Declined(Session s, Session since)
        {
            var now = YearToDate(s);
            var then = YearToDate(new Session(since.Date, LastSessionOf(since.Date)));
            return now.Possible > 0 && then.Possible > 0 && (long)now.Attended * then.Possible < (long)then.Attended * now.Possible;
        }
    }
}
