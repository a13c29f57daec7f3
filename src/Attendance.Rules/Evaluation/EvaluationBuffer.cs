using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// Working memory for evaluations, owned by the caller and reused from pupil to pupil so that
/// evaluating a cohort allocates nothing per pupil once the buffer has grown to the registers'
/// size. Use one buffer per thread: a buffer is not thread-safe (the compiled policy is).
/// See <see cref="CompiledPolicy.Evaluate(Registers.PupilRegister, NodaTime.LocalDate, EvaluationBuffer, Registers.SchoolCalendar?, IReadOnlyList{PriorPenaltyNotice}?)"/>.
/// </summary>
public sealed class EvaluationBuffer
{
    private EvaluationRun? run;
    private DueAction[] actions = new DueAction[32];
    private readonly Outlook.OutlookCalculator outlook = new();
    private int outlookGeneration = -1;

    /// <summary>Counts the evaluations begun in this buffer, so that a summary of an earlier one is refused rather than read as another pupil's.</summary>
    internal int Generation { get; private set; }

    /// <summary>Begins an evaluation: the run for the policy, and every earlier summary no longer valid.</summary>
    internal EvaluationRun Begin(CompiledPolicy policy)
    {
        Generation++;
        return RunFor(policy);
    }

    /// <summary>The run of the policy evaluated last; a buffer moves between policies by making a new one.</summary>
    internal EvaluationRun RunFor(CompiledPolicy policy)
    {
        if (run is null || !ReferenceEquals(run.Compiled, policy))
        {
            run = new EvaluationRun(policy);
        }

        return run;
    }

    /// <summary>Lets go of the last register, calendar and prior notices (a pooled buffer should not keep them alive); any summary becomes invalid.</summary>
    internal void Forget()
    {
        Generation++;
        run?.Forget();
    }

    internal ReadOnlySpan<DueAction> Actions => actions.AsSpan(0, run?.ActionCount ?? 0);

    /// <summary>The distances of the run last evaluated, worked out on first asking.</summary>
    internal Outlook.OutlookCalculator Outlook
    {
        get
        {
            if (outlookGeneration != Generation)
            {
                outlook.Compute(run!);
                outlookGeneration = Generation;
            }

            return outlook;
        }
    }

    /// <summary>Reads the finished run into its summary.</summary>
    internal EvaluationSummary Summarise()
    {
        var r = run!;
        if (actions.Length < r.ActionCount)
        {
            actions = new DueAction[Math.Max(r.ActionCount, actions.Length * 2)];
        }

        var records = r.Actions;
        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var a = ref records[i];
            var (id, kind, stage) = r.Compiled.SourceOf(a);
            actions[i] = new DueAction(id, kind, stage?.Number, a.At.Date, a.At.Part);
        }

        return new EvaluationSummary(this, r);
    }
}
