namespace Attendance.Rules.Evaluation;

/// <summary>
/// What an evaluation into an <see cref="EvaluationBuffer"/> found, read from the buffer without
/// allocating: the academic year's session counts and absence flags, and the actions due. It reads
/// the buffer, so it is valid only until the buffer's next evaluation (of any register, under any
/// policy): after that, <see cref="Actions"/>, <see cref="ThresholdHitCount"/> and
/// <see cref="ToEvaluation"/> throw <see cref="InvalidOperationException"/> rather than give
/// another pupil's results. Read what is needed, or call <see cref="ToEvaluation"/>, before
/// evaluating the next register into the same buffer.
/// </summary>
public readonly ref struct EvaluationSummary
{
    private readonly EvaluationBuffer buffer;
    private readonly EvaluationRun run;
    private readonly int generation;

    internal EvaluationSummary(EvaluationBuffer buffer, EvaluationRun run)
    {
        this.buffer = buffer;
        this.run = run;
        generation = buffer.Generation;
        var thresholds = run.Compiled.Policy.AbsenceFlags;
        var figures = run.Figures;
        PossibleSessions = figures.Possible;
        AttendedSessions = figures.Attended;
        AuthorisedAbsenceSessions = figures.Authorised;
        UnauthorisedAbsenceSessions = figures.Unauthorised;
        LateSessions = figures.Late;
        IsPersistentAbsence = figures.Possible > 0 && Percent.IsAtLeast(figures.Absent, figures.Possible, thresholds.PersistentPercent);
        IsSevereAbsence = figures.Possible > 0 && Percent.IsAtLeast(figures.Absent, figures.Possible, thresholds.SeverePercent);
    }

    /// <summary>Possible sessions in the academic year to the evaluation date.</summary>
    public int PossibleSessions { get; }

    /// <summary>Sessions attended: present (late before the register closed included) or at an approved educational activity.</summary>
    public int AttendedSessions { get; }

    /// <summary>Authorised absences.</summary>
    public int AuthorisedAbsenceSessions { get; }

    /// <summary>Unauthorised absences.</summary>
    public int UnauthorisedAbsenceSessions { get; }

    /// <summary>Sessions marked late before the register closed.</summary>
    public int LateSessions { get; }

    /// <summary>Whether absence is at or above the policy's persistent-absence threshold.</summary>
    public bool IsPersistentAbsence { get; }

    /// <summary>Whether absence is at or above the policy's severe-absence threshold.</summary>
    public bool IsSevereAbsence { get; }

    /// <summary>Whether each of the policy's indicators holds as of the evaluation date, in the policy's order (<see cref="Policies.Policy.Indicators"/>).</summary>
    /// <exception cref="InvalidOperationException">The buffer has begun another evaluation since this summary was made.</exception>
    public ReadOnlySpan<bool> Indicators => Current().IndicatorHolds;

    /// <summary>The number of penalty-notice and other threshold hits.</summary>
    /// <exception cref="InvalidOperationException">The buffer has begun another evaluation since this summary was made.</exception>
    public int ThresholdHitCount => Current().HitCount;

    /// <summary>The actions due on or before the evaluation date, in order: date, session, the rule's place in the policy, stage.</summary>
    /// <exception cref="InvalidOperationException">The buffer has begun another evaluation since this summary was made.</exception>
    public ReadOnlySpan<DueAction> Actions
    {
        get
        {
            Current();
            return buffer.Actions;
        }
    }

    /// <summary>
    /// How far the pupil is from each line of the policy (<see cref="Outlook.Distance"/>), worked out from
    /// the buffer on first asking, without allocating once the buffer is warm; the same entries as
    /// <see cref="PupilEvaluation.Outlook"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The buffer has begun another evaluation since this summary was made.</exception>
    public ReadOnlySpan<Outlook.Distance> Distances
    {
        get
        {
            Current();
            return buffer.Outlook.Distances;
        }
    }

    /// <summary>The best attendance still reachable by 31 July and the attendance at the rate so far (with a calendar).</summary>
    /// <exception cref="InvalidOperationException">The buffer has begun another evaluation since this summary was made.</exception>
    public Outlook.YearEndOutlook YearEnd
    {
        get
        {
            Current();
            return buffer.Outlook.YearEnd;
        }
    }

    /// <summary>Makes the full evaluation (actions with evidence, hits with their sessions, figures, lateness outcomes). Allocates.</summary>
    /// <returns>The evaluation, equal to what <see cref="CompiledPolicy.Evaluate(Registers.PupilRegister, NodaTime.LocalDate, Registers.SchoolCalendar?, IReadOnlyList{PriorPenaltyNotice}?)"/> gives.</returns>
    /// <exception cref="InvalidOperationException">The buffer has begun another evaluation since this summary was made.</exception>
    public PupilEvaluation ToEvaluation()
    {
        var current = Current();
        // The buffer's distances, worked out once whether asked for here or through Distances.
        return current.Compiled.ToEvaluation(current, buffer.Outlook);
    }

    /// <summary>The run this summary reads, if the buffer still holds it.</summary>
    private EvaluationRun Current()
    {
        if (buffer is null)
        {
            throw new InvalidOperationException("this summary is empty: summaries come from CompiledPolicy.Evaluate(register, asOf, buffer)");
        }

        if (buffer.Generation != generation)
        {
            throw new InvalidOperationException("the buffer has evaluated another register since this summary was made; read a summary (or call ToEvaluation) before the buffer's next evaluation");
        }

        return run;
    }
}
