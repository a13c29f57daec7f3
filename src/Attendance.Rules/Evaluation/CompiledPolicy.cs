using System.Numerics;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation.Conditions;
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

    // Buffers for the convenience overload, so that it too allocates only its result. Not shared
    // state in any observable sense: a buffer is taken out while in use.
    private readonly EvaluationBuffer?[] pool = new EvaluationBuffer?[Math.Max(4, Environment.ProcessorCount)];

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
        Conditions = new ConditionPlan(policy);
        reinterpretations = policy.Rules.OfType<ReinterpretRule>()
            .Select(r => new Reinterpretation(r, RuleRunner.Mask(r.Codes), IndexOfRule(policy, r.AfterRule)))
            .ToArray();
    }

    /// <summary>The policy.</summary>
    public Policy Policy { get; }

    /// <summary>The policy's conditions, compiled once and shared by every run.</summary>
    internal ConditionPlan Conditions { get; }

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
    /// <exception cref="ArgumentNullException"><paramref name="register"/> is null.</exception>
    /// <exception cref="ArgumentException">A mark has an arrival time and no code, and the policy has no registration window for it.</exception>
    public PupilEvaluation Evaluate(PupilRegister register, LocalDate asOf, SchoolCalendar? calendar = null, IReadOnlyList<PriorPenaltyNotice>? priorNotices = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        var buffer = RentBuffer();
        try
        {
            return Evaluate(register, asOf, buffer, calendar, priorNotices).ToEvaluation();
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>
    /// Evaluates a register into a buffer the caller owns, allocating nothing once the buffer has
    /// grown to the size of the registers it sees: the overload for evaluating a whole cohort or
    /// stream. The summary reads the buffer, so it holds until the buffer's next evaluation;
    /// <see cref="EvaluationSummary.ToEvaluation"/> makes the full result (with evidence text) where wanted.
    /// </summary>
    /// <param name="register">The pupil's register; marks after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="buffer">A buffer used by one thread at a time.</param>
    /// <param name="calendar">The school's calendar, where known.</param>
    /// <param name="priorNotices">Penalty notices the parent has already had for this child.</param>
    /// <returns>The figures and the actions due, read from the buffer; valid until the buffer's next evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="register"/> or <paramref name="buffer"/> is null.</exception>
    /// <exception cref="ArgumentException">A mark has an arrival time and no code, and the policy has no registration window for it.</exception>
    public EvaluationSummary Evaluate(PupilRegister register, LocalDate asOf, EvaluationBuffer buffer, SchoolCalendar? calendar = null, IReadOnlyList<PriorPenaltyNotice>? priorNotices = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(buffer);
        Run(register, asOf, buffer, calendar, priorNotices);
        return buffer.Summarise();
    }

    /// <summary>The evaluation pass: fills the buffer's run with the register's records, sorted.</summary>
    internal EvaluationRun Run(PupilRegister register, LocalDate asOf, EvaluationBuffer buffer, SchoolCalendar? calendar, IReadOnlyList<PriorPenaltyNotice>? priorNotices)
    {
        var run = buffer.Begin(this);
        run.Reset(register, asOf, calendar, priorNotices);
        ClassifyArrivals(run);
        var timeline = run.Timeline;
        timeline.Fill(register.Marks.AsSpan(), asOf, calendar);
        var columns = run.Columns;
        columns?.Reset(run.Marks.Length, timeline.Count);
        var figuresYear = asOf.Month >= 8 ? asOf.Year : asOf.Year - 1;
        for (var day = 0; day < timeline.Count; day++)
        {
            run.Day = day;
            var year = timeline.Years[day];
            if (year != run.Year.StartYear)
            {
                run.StartYear(new AcademicYear(year));
                foreach (var runner in run.YearStartRunners)
                {
                    runner.OnYearStart(run);
                }
            }

            var schoolDay = timeline.SchoolDay[day];
            if (schoolDay)
            {
                run.StartTermIfNew(timeline.Term[day]);
            }

            columns?.BeginDay(run, day);
            var inFigures = year == figuresYear;
            Session(run, timeline.Am[day], day, inFigures);
            Session(run, timeline.Pm[day], day, inFigures);
            columns?.EndDay(run, day);
            if (schoolDay)
            {
                run.SchoolDaysEnded++;
                // Every runner whose codes either of the day's marks has (by its own code or the one it counts as), in order.
                var runners = run.DayEndRunners;
                var table = run.DayBits;
                for (var w = 0; w < table.Words; w++)
                {
                    var bits = table.Always(w) | MarkBits(run, table, timeline.Am[day], w) | MarkBits(run, table, timeline.Pm[day], w);
                    while (bits != 0)
                    {
                        runners[(w << 6) + BitOperations.TrailingZeroCount(bits)].OnSchoolDayEnd(run, day);
                        bits &= bits - 1;
                    }
                }

                if (timeline.Ends[day] != PeriodEnds.None)
                {
                    foreach (var runner in run.PeriodEndRunners)
                    {
                        runner.OnSchoolDayEnd(run, day);
                    }
                }
            }
        }

        JudgeIndicators(run);
        run.SortRecords();
        return run;
    }

    /// <summary>The indicators, judged at the end of the last day to the evaluation date.</summary>
    private void JudgeIndicators(EvaluationRun run)
    {
        var nodes = Conditions.Indicators;
        if (nodes.Length == 0)
        {
            return;
        }

        // As of the evaluation date: a register with no day in its academic year has no value for them,
        // as it has no figures.
        var count = run.Timeline.Count;
        if (count > 0 && run.Timeline.Years[count - 1] != AcademicYear.Containing(run.AsOf).StartYear)
        {
            count = 0;
        }

        var point = count > 0 ? new JudgedPoint(count - 1, run.Columns!.Count, true) : new JudgedPoint(-1, 0, true);
        run.IndicatorPoint = point;
        for (var i = 0; i < nodes.Length; i++)
        {
            run.IndicatorHolds[i] = count > 0 && nodes[i].Holds(run, point);
        }
    }

    /// <summary>The runners of a word a mark concerns (its own code or the one it counts as); none where there is no mark.</summary>
    private static ulong MarkBits(EvaluationRun run, CodeBits table, int mark, int word) =>
        mark < 0 ? 0 : table.Of(run, mark, word);

    /// <summary>Classifies every recorded arrival: a mark with no code gets the code its arrival gives.</summary>
    private void ClassifyArrivals(EvaluationRun run)
    {
        var marks = run.Marks;
        var yearGroup = run.Register.YearGroup;
        for (var i = 0; i < marks.Length; i++)
        {
            ref readonly var mark = ref marks[i];
            if (mark.Arrival is not { } arrival)
            {
                run.HasArrival[i] = false;
                run.Codes[i] = mark.Code!;
                continue;
            }

            var outcome = registration.Classify(mark, yearGroup);
            run.HasArrival[i] = true;
            run.Arrivals[i] = outcome;
            if (mark.Code is { } code)
            {
                run.Codes[i] = code;
            }
            else if (outcome.Code is null)
            {
                throw new ArgumentException($"{mark.Session}: the mark has an arrival time ({arrival:HH:mm}) and no code, and policy {Policy.Id} has no {mark.Session.Part} registration window{(yearGroup is null ? string.Empty : $" for year {yearGroup}")} to classify it", "register");
            }
            else
            {
                run.Codes[i] = NationalCodeTable.Get(outcome.Code, mark.Session.Date);
            }
        }
    }

    private void Session(EvaluationRun run, int mark, int day, bool inFigures)
    {
        if (mark < 0)
        {
            return;
        }

        if (run.HasArrival[mark])
        {
            Arrived(run, mark);
        }

        var code = run.Codes[mark];
        var effective = reinterpretations.Length == 0 ? code : Reinterpret(run, run.Runners, mark, code, run.Timeline.Dates[day]);
        run.Effective[mark] = effective;
        run.Count(code, run.Timeline.DayNumbers[day], inFigures);
        run.Columns?.AddSession(run, mark);
        var runners = run.SessionRunners;
        var table = run.SessionBits;
        for (var w = 0; w < table.Words; w++)
        {
            var bits = table.Of(run, mark, w);
            while (bits != 0)
            {
                runners[(w << 6) + BitOperations.TrailingZeroCount(bits)].OnSession(run, mark);
                bits &= bits - 1;
            }
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
    private void Arrived(EvaluationRun run, int mark)
    {
        var outcome = run.Arrivals[mark];
        var session = run.Marks[mark].Session;
        var order = Policy.Rules.Count;
        foreach (var sanction in outcome.Sanctions)
        {
            var index = sanctionOrder[sanction];
            run.Emit(new ActionRecord { Source = ActionRecord.SanctionSource - index, Order = order + index, StageIndex = -1, At = session, Mark = mark }, ActionKind.Sanction);
        }

        if (outcome.Disagrees && outcome.Window is not null)
        {
            run.Emit(new ActionRecord { Source = ActionRecord.RegistrationSource, Order = order + Policy.Registration.Sanctions.Count, StageIndex = -1, At = session, Mark = mark }, ActionKind.DataQuality);
        }
    }

    private EvaluationBuffer RentBuffer()
    {
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.Exchange(ref pool[i], null) is { } buffer)
            {
                return buffer;
            }
        }

        return new EvaluationBuffer();
    }

    private void ReturnBuffer(EvaluationBuffer buffer)
    {
        buffer.Forget();
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[i], buffer, null) is null)
            {
                return;
            }
        }
    }

    internal RuleRunner[] CreateRunners()
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
                UnresolvedCodeRule r => new UnresolvedCodeRunner(r, i),
                CodeChangeRule r => new CodeChangeRunner(r, i),
                AdmissionRule r => new AdmissionRunner(r, i),
                StagedRule r => new StagedRunner(r, i, Conditions.Stages[i]!),
                ConditionRule r => new ConditionRunner(r, i, Conditions),
                RewardRule r => new RewardRunner(r, i),
                ScheduledRule r => new ScheduledRunner(r, i, Conditions.Rules[i]),
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
    private sealed class InertRunner(Rule rule, int order) : RuleRunner(rule, order)
    {
        public override string Evidence(in ActionRecord action, EvaluationRun run) => string.Empty;
    }
}
