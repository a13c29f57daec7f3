namespace Attendance.Rules.Evaluation;

/// <summary>
/// What an evaluation into an <see cref="EvaluationBuffer"/> found, read from the buffer without
/// allocating: the academic year's session counts and absence flags, and the actions due. It reads
/// the buffer, so it holds only until the buffer's next evaluation.
/// </summary>
public readonly ref struct EvaluationSummary
{
    private readonly EvaluationBuffer buffer;
    private readonly EvaluationRun run;

    internal EvaluationSummary(EvaluationBuffer buffer, EvaluationRun run)
    {
        this.buffer = buffer;
        this.run = run;
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

    /// <summary>The number of penalty-notice and other threshold hits.</summary>
    public int ThresholdHitCount => run.HitCount;

    /// <summary>The actions due on or before the evaluation date, in order: date, session, the rule's place in the policy, stage.</summary>
    public ReadOnlySpan<DueAction> Actions => buffer.Actions;

    /// <summary>Makes the full evaluation (actions with evidence, hits with their sessions, figures, lateness outcomes). Allocates.</summary>
    /// <returns>The evaluation, equal to what <see cref="CompiledPolicy.Evaluate(Registers.PupilRegister, NodaTime.LocalDate, Registers.SchoolCalendar?, IReadOnlyList{PriorPenaltyNotice}?)"/> gives.</returns>
    public PupilEvaluation ToEvaluation() => run.Compiled.ToEvaluation(run);
}
