using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation.Rules;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// A policy compiled for evaluation: immutable and thread-safe, it evaluates any number of
/// registers. Made by <see cref="PolicyEvaluator.Compile(Policy)"/>.
/// </summary>
public sealed partial class CompiledPolicy
{
    private readonly Reinterpretation[] reinterpretations;
    private readonly RegistrationTable registration;
    private readonly Dictionary<LatenessSanction, int> sanctionOrder;

    internal CompiledPolicy(Policy policy, string version)
    {
        Policy = policy;
        Version = version;
        registration = RegistrationTable.For(policy);
        sanctionOrder = [];
        for (var i = 0; i < policy.Registration.Sanctions.Count; i++)
        {
            sanctionOrder.TryAdd(policy.Registration.Sanctions[i], i);
        }
        reinterpretations = policy.Rules.OfType<ReinterpretRule>()
            .Select(r => new Reinterpretation(r, RuleRunner.Mask(r.Codes), IndexOfRule(policy, r.AfterRule)))
            .ToArray();
    }

    /// <summary>The policy.</summary>
    public Policy Policy { get; }

    /// <summary>The version every evaluation names: the policy's version and the first 12 hex digits of the SHA-256 of its canonical resolved form (<see cref="Loading.PolicyFingerprint"/>).</summary>
    public string Version { get; }

    /// <summary>The policy's registration windows and lateness sanctions, compiled, for an MIS registration screen.</summary>
    public RegistrationTable Registration => registration;

    /// <summary>Evaluates a register as of a date: figures for the academic year to that date, and every threshold hit and action falling due on or before it.</summary>
    /// <param name="register">The pupil's register; marks after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="calendar">The school's calendar, where known; otherwise school days, weeks and terms come from the marks.</param>
    /// <param name="priorNotices">Penalty notices the parent has already had for this child; a threshold hit never implies one was issued.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">A mark has an arrival time and no code, and the policy has no registration window for it.</exception>
    public PupilEvaluation Evaluate(PupilRegister register, LocalDate asOf, SchoolCalendar? calendar = null, IReadOnlyList<PriorPenaltyNotice>? priorNotices = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        var (classified, arrivals) = ClassifyArrivals(register, asOf);
        register = classified;
        var timeline = Timeline.Build(register, asOf, calendar);
        var prior = priorNotices ?? [];
        var run = new EvaluationRun(this, register, asOf, timeline)
        {
            PriorNotices = prior,
            IsCompulsoryAge = register.YearGroup is null || Policy.CompulsoryYearGroups.Count == 0 || Policy.CompulsoryYearGroups.Contains(register.YearGroup, StringComparer.Ordinal),
        };
        var runners = CreateRunners(calendar);
        for (var day = 0; day < timeline.Count; day++)
        {
            run.Day = day;
            var date = timeline.Dates[day];
            var year = AcademicYear.Containing(date);
            if (year != run.Year)
            {
                run.StartYear(year);
                foreach (var runner in runners)
                {
                    runner.OnYearStart(run);
                }
            }

            if (timeline.SchoolDay[day])
            {
                run.StartTermIfNew(timeline.Term[day]);
            }

            Session(run, runners, timeline.Am[day], date, arrivals);
            Session(run, runners, timeline.Pm[day], date, arrivals);
            if (timeline.SchoolDay[day])
            {
                foreach (var runner in runners)
                {
                    runner.OnSchoolDayEnd(run, day);
                }
            }
        }

        return new PupilEvaluation
        {
            PupilId = register.PupilId,
            PolicyId = Policy.Id,
            PolicyVersion = Version,
            AsOf = asOf,
            Figures = AttendanceFigures.ForAcademicYear(register, asOf, Policy.AbsenceFlags),
            ThresholdHits = run.SortedHits(),
            Actions = run.SortedActions(),
            LatenessOutcomes = arrivals.Where(a => a is not null && a.Session.Date <= asOf).Select(a => a!).ToValueList(),
            NextPenaltyNotice = Policy.PenaltyNotices is { } notices ? PenaltyNoticeSequence.Next(notices, prior.Where(p => p.IssuedOn <= asOf), asOf) : null,
        };
    }

    /// <summary>Starts the incremental evaluation of a pupil under this policy.</summary>
    /// <param name="pupilId">The pupil.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>An empty state.</returns>
    public EvaluationState Start(string pupilId, string? yearGroup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pupilId);
        return new EvaluationState { PolicyId = Policy.Id, PolicyVersion = Version, PupilId = pupilId, YearGroup = yearGroup };
    }

    /// <summary>
    /// Feeds the marks of one or more new days and evaluates as of <paramref name="asOf"/>. Fed day
    /// by day, the new actions add up to exactly what one evaluation of the whole register gives.
    /// </summary>
    /// <param name="state">The state from <see cref="Start"/> or the previous advance.</param>
    /// <param name="marks">New marks, all after the state's last session.</param>
    /// <param name="asOf">The new evaluation date, not before the previous one.</param>
    /// <param name="calendar">The school's calendar, where known.</param>
    /// <returns>The new state, the evaluation, and what is newly due.</returns>
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

        var register = PupilRegister.Create(state.PupilId, state.Marks.Concat(added), state.YearGroup);
        var now = Evaluate(register, asOf, calendar);
        var before = state.EvaluatedTo is { } to ? Evaluate(PupilRegister.Create(state.PupilId, state.Marks, state.YearGroup), to, calendar) : null;
        var next = state with { Marks = register.Marks.ToValueList(), EvaluatedTo = asOf };
        return new IncrementalEvaluation(next, now, Difference(now.Actions, before?.Actions), Difference(now.ThresholdHits, before?.ThresholdHits));
    }

    private static ValueList<T> Difference<T>(ValueList<T> now, ValueList<T>? before)
    {
        if (before is null)
        {
            return now;
        }

        var remaining = before.ToList();
        var result = new List<T>();
        foreach (var item in now)
        {
            var index = remaining.IndexOf(item);
            if (index >= 0)
            {
                remaining.RemoveAt(index);
            }
            else
            {
                result.Add(item);
            }
        }

        return result.ToValueList();
    }

    /// <summary>Classifies every recorded arrival: a mark with no code gets the code its arrival gives.</summary>
    private (PupilRegister Register, LatenessOutcome?[] Arrivals) ClassifyArrivals(PupilRegister register, LocalDate asOf)
    {
        var marks = register.Marks;
        LatenessOutcome?[] arrivals = new LatenessOutcome?[marks.Length];
        SessionMark[]? changed = null;
        for (var i = 0; i < marks.Length; i++)
        {
            var mark = marks[i];
            if (mark.Arrival is not { } arrival)
            {
                continue;
            }

            var outcome = registration.Classify(mark, register.YearGroup);
            arrivals[i] = new LatenessOutcome(mark.Session, arrival, outcome.ToOutcome());
            if (mark.Code is null)
            {
                if (outcome.Code is null)
                {
                    throw new ArgumentException($"{mark.Session}: the mark has an arrival time ({arrival:HH:mm}) and no code, and policy {Policy.Id} has no {mark.Session.Part} registration window{(register.YearGroup is null ? string.Empty : $" for year {register.YearGroup}")} to classify it", nameof(register));
                }

                changed ??= [.. marks];
                changed[i] = mark.WithCode(NationalCodeTable.Get(outcome.Code, mark.Session.Date));
            }
        }

        return (changed is null ? register : PupilRegister.Create(register.PupilId, changed, register.YearGroup), arrivals);
    }

    private void Session(EvaluationRun run, RuleRunner[] runners, int mark, LocalDate date, LatenessOutcome?[] arrivals)
    {
        if (mark < 0)
        {
            return;
        }

        if (arrivals[mark] is { } arrival)
        {
            Arrived(run, run.Marks[mark], arrival);
        }

        var code = run.Marks[mark].Code!;
        run.Effective[mark] = Reinterpret(run, runners, mark, code, date);
        run.Count(code, date);
        foreach (var runner in runners)
        {
            runner.OnSession(run, mark);
        }
    }

    /// <summary>The code as this policy's rules see it: a reinterpretation applies from the school day after its stage to the end of that academic year.</summary>
    private AttendanceCode Reinterpret(EvaluationRun run, RuleRunner[] runners, int mark, AttendanceCode code, LocalDate date)
    {
        foreach (var r in reinterpretations)
        {
            if (!r.Mask[code.Index] || r.TargetIndex < 0 || runners[r.TargetIndex] is not StagedRunner staged)
            {
                continue;
            }

            if (staged.ReachedOn(r.Rule.AfterStage) is { } from && date > from
                && !(r.Rule.UnlessFact == "medical_evidence" && run.Marks[mark].HasMedicalEvidence))
            {
                return NationalCodeTable.TryFind(r.Rule.CountAs, date, out var mapped) ? mapped : code;
            }
        }

        return code;
    }

    /// <summary>Lateness sanctions follow the arrival time; a code that disagrees with it is a data-quality action.</summary>
    private void Arrived(EvaluationRun run, SessionMark mark, LatenessOutcome arrival)
    {
        var outcome = arrival.Outcome;
        var time = arrival.Arrival.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var order = Policy.Rules.Count;
        foreach (var sanction in outcome.Sanctions)
        {
            run.Emit(order + sanctionOrder[sanction], new PolicyAction
            {
                RuleId = sanction.Id,
                Kind = ActionKind.Sanction,
                Title = sanction.Title,
                Date = mark.Session.Date,
                Session = mark.Session.Part,
                Evidence = $"arrived {time} for the {mark.Session.Part} session, after {sanction.ArrivalAfter.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}",
                Sessions = ValueList.Of(mark.Session),
            });
        }

        if (outcome.Disagrees && outcome.Window is { } window)
        {
            run.Emit(order + Policy.Registration.Sanctions.Count, new PolicyAction
            {
                RuleId = "registration",
                Kind = ActionKind.DataQuality,
                Title = "The mark and the arrival time disagree",
                Date = mark.Session.Date,
                Session = mark.Session.Part,
                Evidence = $"{mark.Session} is marked {mark.Code!.Code} but the arrival at {time} gives {outcome.ArrivalCode} (late after {window.LateAfter.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}, closes {window.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)})",
                Sessions = ValueList.Of(mark.Session),
            });
        }
    }

    private RuleRunner[] CreateRunners(SchoolCalendar? calendar)
    {
        var rules = Policy.Rules;
        var runners = new RuleRunner[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            runners[i] = rules[i] switch
            {
                AttendanceBelowRule r => new AttendanceBelowRunner(r, i),
                SessionCountRule r => new SessionCountRunner(r, i),
                ConsecutiveDaysRule r => new ConsecutiveDaysRunner(r, i),
                DailyCodeRule r => new DailyCodeRunner(r, i),
                UnresolvedCodeRule r => new UnresolvedCodeRunner(r, i, calendar),
                CodeChangeRule r => new CodeChangeRunner(r, i),
                StagedRule r => new StagedRunner(r, i),
                RewardRule r => new RewardRunner(r, i),
                ScheduledRule r => new ScheduledRunner(r, i),
                ReinterpretRule r => new InertRunner(r, i),
                var r => throw new InvalidOperationException($"no evaluator for rule type {r.TypeName}"),
            };
        }

        return runners;
    }

    private static int IndexOfRule(Policy policy, string id)
    {
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            if (policy.Rules[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record Reinterpretation(ReinterpretRule Rule, bool[] Mask, int TargetIndex);

    /// <summary>A rule with no action of its own (a reinterpretation acts through the others).</summary>
    private sealed class InertRunner(Rule rule, int order) : RuleRunner(rule, order);
}
