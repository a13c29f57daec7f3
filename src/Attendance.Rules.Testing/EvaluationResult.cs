using System.Globalization;
using System.Text;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Testing;

/// <summary>
/// One register evaluated under a policy, with fluent assertions. Each assertion returns this
/// result so they chain, and on failure throws <see cref="PolicyAssertionException"/> whose
/// message says what was expected and what was found, then prints the pupil's timeline.
/// </summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(PupilRegister register, PupilEvaluation evaluation)
    {
        Register = register;
        Evaluation = evaluation;
    }

    /// <summary>The register evaluated.</summary>
    public PupilRegister Register { get; }

    /// <summary>The engine's evaluation, for anything the assertions do not cover.</summary>
    public PupilEvaluation Evaluation { get; }

    /// <summary>The evaluation date.</summary>
    public LocalDate AsOf => Evaluation.AsOf;

    /// <summary>The figures for the academic year to <see cref="AsOf"/>.</summary>
    public AttendanceFigures Figures => Evaluation.Figures;

    /// <summary>Every action due on or before <see cref="AsOf"/>, in order.</summary>
    public IReadOnlyList<PolicyAction> Actions => Evaluation.Actions;

    /// <summary>Every count threshold reached on or before <see cref="AsOf"/>, in order.</summary>
    public IReadOnlyList<ThresholdHit> ThresholdHits => Evaluation.ThresholdHits;

    /// <summary>The actions of one rule (and stage, if given), in order.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="stage">The stage, for a staged rule; any stage where null.</param>
    /// <returns>The matching actions.</returns>
    public IReadOnlyList<PolicyAction> ActionsOf(string ruleId, int? stage = null) =>
        Evaluation.Actions.Where(a => a.RuleId == ruleId && (stage is null || a.Stage == stage)).ToList();

    /// <summary>
    /// Asserts that an action of the rule is due: with the stage, on the date, at the session and
    /// with evidence containing the text, for each of those that is given.
    /// </summary>
    /// <param name="ruleId">The rule's id, for example <c>attendance-monitoring-stages</c>.</param>
    /// <param name="stage">The stage, for a staged rule.</param>
    /// <param name="on">The date it falls due.</param>
    /// <param name="session">The session at whose end it falls due.</param>
    /// <param name="evidenceContains">Text its evidence must contain (ordinal comparison), for example <c>I (counted as O)</c>.</param>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">No such action is due.</exception>
    public EvaluationResult ShouldHaveAction(string ruleId, int? stage = null, LocalDate? on = null, SessionOfDay? session = null, string? evidenceContains = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (!Evaluation.Actions.Any(a => Matches(a, ruleId, stage, on, session, evidenceContains)))
        {
            Fail($"an action {Describe(ruleId, stage, on, session)}{(evidenceContains is null ? string.Empty : $" with evidence containing \"{evidenceContains}\"")}",
                FoundActions(ruleId));
        }

        return this;
    }

    /// <summary>Asserts that no action of the rule is due (with the stage, on the date, for each of those that is given).</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="stage">The stage, for a staged rule; any stage where null.</param>
    /// <param name="on">The date; any date where null.</param>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">Such an action is due.</exception>
    public EvaluationResult ShouldNotHaveAction(string ruleId, int? stage = null, LocalDate? on = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var found = Evaluation.Actions.Where(a => Matches(a, ruleId, stage, on, null, null)).ToList();
        if (found.Count > 0)
        {
            Fail($"no action {Describe(ruleId, stage, on, null)}", string.Join(Environment.NewLine, found.Select(Line)));
        }

        return this;
    }

    /// <summary>Asserts how many actions of the rule are due on or before <see cref="AsOf"/>.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="count">The number of actions.</param>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">A different number is due.</exception>
    public EvaluationResult ShouldHaveActionCount(string ruleId, int count)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var found = ActionsOf(ruleId);
        if (found.Count != count)
        {
            Fail($"{count} action(s) of {ruleId}", $"{found.Count}:{Environment.NewLine}{FoundActions(ruleId)}");
        }

        return this;
    }

    /// <summary>Asserts that the rule's count threshold was reached (on the date, if given).</summary>
    /// <param name="ruleId">The count rule's id, for example <c>penalty-notice-threshold</c>.</param>
    /// <param name="on">The date the count was reached; any date where null.</param>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The threshold was not reached (on that date).</exception>
    public EvaluationResult ShouldHaveThresholdHit(string ruleId, LocalDate? on = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (!Evaluation.ThresholdHits.Any(h => h.RuleId == ruleId && (on is null || h.Date == on)))
        {
            Fail($"a threshold hit of {ruleId}{(on is { } d ? " on " + Iso(d) : string.Empty)}", FoundHits(ruleId));
        }

        return this;
    }

    /// <summary>Asserts that the rule's count threshold was not reached on or before <see cref="AsOf"/>.</summary>
    /// <param name="ruleId">The count rule's id.</param>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The threshold was reached.</exception>
    public EvaluationResult ShouldNotHaveThresholdHit(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (Evaluation.ThresholdHits.Any(h => h.RuleId == ruleId))
        {
            Fail($"no threshold hit of {ruleId}", FoundHits(ruleId));
        }

        return this;
    }

    /// <summary>Asserts the attendance percentage for the academic year to <see cref="AsOf"/>, as the engine rounds it (2 places).</summary>
    /// <param name="percent">The percentage, for example <c>94.87m</c>.</param>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The percentage differs, or there are no possible sessions.</exception>
    public EvaluationResult ShouldHaveAttendance(decimal percent)
    {
        if (Figures.AttendancePercent != percent)
        {
            Fail($"attendance {percent.ToString("0.00", CultureInfo.InvariantCulture)}%", FiguresLine(Figures));
        }

        return this;
    }

    /// <summary>Asserts that the pupil is persistently absent (absence at or above the policy's persistent threshold).</summary>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The pupil is not.</exception>
    public EvaluationResult ShouldBePersistentlyAbsent() => Flag(Figures.IsPersistentAbsence, true, "persistently absent");

    /// <summary>Asserts that the pupil is not persistently absent.</summary>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The pupil is.</exception>
    public EvaluationResult ShouldNotBePersistentlyAbsent() => Flag(Figures.IsPersistentAbsence, false, "persistently absent");

    /// <summary>Asserts that the pupil is severely absent (absence at or above the policy's severe threshold).</summary>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The pupil is not.</exception>
    public EvaluationResult ShouldBeSeverelyAbsent() => Flag(Figures.IsSevereAbsence, true, "severely absent");

    /// <summary>Asserts that the pupil is not severely absent.</summary>
    /// <returns>This result.</returns>
    /// <exception cref="PolicyAssertionException">The pupil is.</exception>
    public EvaluationResult ShouldNotBeSeverelyAbsent() => Flag(Figures.IsSevereAbsence, false, "severely absent");

    /// <summary>
    /// The pupil's timeline: a header (pupil, policy, date, figures), then the register week by week
    /// in the compact notation, each week followed by its recorded arrival times, the threshold hits
    /// and the actions due in it with their evidence.
    /// </summary>
    /// <returns>The timeline, lines separated by <see cref="Environment.NewLine"/>.</returns>
    public string Timeline()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Timeline of {Register.PupilId}")
            .Append(Register.YearGroup is { } y ? $" (year {y})" : string.Empty)
            .Append(CultureInfo.InvariantCulture, $" under {Evaluation.PolicyId} {Evaluation.PolicyVersion}, as of {Iso(AsOf)}")
            .AppendLine();
        text.Append("  figures: ").AppendLine(FiguresLine(Figures));

        var read = Evaluation.Marks.ToDictionary(m => m.Session);
        var weeks = RegisterNotation.PrintWeeks(Register.Marks).ToDictionary(w => w.Monday, w => w.Line);
        var mondays = weeks.Keys
            .Concat(Evaluation.Actions.Select(a => RegisterNotation.Monday(a.Date)))
            .Concat(Evaluation.ThresholdHits.Select(h => RegisterNotation.Monday(h.Date)))
            .Distinct().Order().ToList();
        if (mondays.Count == 0)
        {
            text.AppendLine("  (no marks and nothing due)");
        }

        foreach (var monday in mondays)
        {
            text.Append("  ").AppendLine(weeks.TryGetValue(monday, out var line) ? line : $"{Iso(monday)} (week with no marks)");
            var sunday = monday.PlusDays(6);
            foreach (var mark in Register.Marks.Where(m => m.Arrival is not null && m.Session.Date >= monday && m.Session.Date <= sunday))
            {
                text.Append("      arrival ").Append(mark.Session.ToString())
                    .Append(' ').Append(mark.Arrival!.Value.ToString("HH:mm", CultureInfo.InvariantCulture))
                    .AppendLine(mark.Code is { } c ? $" (recorded {c.Code})"
                        : read.TryGetValue(mark.Session, out var outcome) ? $" (no code: the registration window gave {outcome.Code.Code}, {Arrival(outcome.Arrival!.Status)})"
                        : " (no code: after the evaluation date, not read)");
            }

            foreach (var hit in Evaluation.ThresholdHits.Where(h => h.Date >= monday && h.Date <= sunday))
            {
                text.Append("      hit ").Append(Iso(hit.Date)).Append(' ').Append(hit.RuleId)
                    .Append(CultureInfo.InvariantCulture, $": {hit.Sessions} session{(hit.Sessions == 1 ? string.Empty : "s")} from the week of {Iso(hit.FirstWeek)} to the week of {Iso(hit.LastWeek)}")
                    .AppendLine();
            }

            foreach (var action in Evaluation.Actions.Where(a => a.Date >= monday && a.Date <= sunday))
            {
                text.Append("      -> ").AppendLine(Line(action));
                text.Append("         evidence: ").AppendLine(action.Evidence);
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The timeline (see <see cref="Timeline"/>).</summary>
    /// <returns>The timeline.</returns>
    public override string ToString() => Timeline();

    private static string Arrival(ArrivalStatus status) => status switch
    {
        ArrivalStatus.OnTime => "on time",
        ArrivalStatus.Late => "late",
        ArrivalStatus.AfterClose => "after the register closed",
        _ => "no window",
    };

    private static bool Matches(PolicyAction action, string ruleId, int? stage, LocalDate? on, SessionOfDay? session, string? evidence) =>
        action.RuleId == ruleId
        && (stage is null || action.Stage == stage)
        && (on is null || action.Date == on)
        && (session is null || action.Session == session)
        && (evidence is null || action.Evidence.Contains(evidence, StringComparison.Ordinal));

    private static string Describe(string ruleId, int? stage, LocalDate? on, SessionOfDay? session) =>
        ruleId
        + (stage is { } s ? string.Create(CultureInfo.InvariantCulture, $" stage {s}") : string.Empty)
        + (on is { } d ? " on " + Iso(d) : string.Empty)
        + (session is { } p ? $" at {p}" : string.Empty);

    private static string Line(PolicyAction action) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Iso(action.Date)} {action.Session} {action.RuleId}{(action.Stage is { } s ? $" stage {s}" : string.Empty)} ({action.Kind.ToString().ToLowerInvariant()}): {action.Title}");

    private static string FiguresLine(AttendanceFigures f) =>
        f.PossibleSessions == 0
            ? "no possible sessions"
            : string.Create(CultureInfo.InvariantCulture,
                $"attendance {f.AttendancePercent:0.00}% ({f.AttendedSessions} of {f.PossibleSessions} possible sessions), absence {f.AbsencePercent:0.00}% ({f.AuthorisedAbsenceSessions} authorised, {f.UnauthorisedAbsenceSessions} unauthorised), {f.LateSessions} late; persistent absence: {(f.IsPersistentAbsence ? "yes" : "no")}, severe absence: {(f.IsSevereAbsence ? "yes" : "no")}");

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string FoundActions(string ruleId)
    {
        var ofRule = ActionsOf(ruleId);
        if (ofRule.Count > 0)
        {
            return string.Join(Environment.NewLine, ofRule.Select(Line));
        }

        var known = Evaluation.Actions.Select(a => a.RuleId).Distinct().ToList();
        return $"no action of {ruleId} on or before {Iso(AsOf)}"
            + (known.Count == 0 ? " (no actions at all)" : $" (actions of: {string.Join(", ", known)})");
    }

    private string FoundHits(string ruleId)
    {
        var hits = Evaluation.ThresholdHits.Where(h => h.RuleId == ruleId).ToList();
        return hits.Count == 0
            ? $"no threshold hit of {ruleId} on or before {Iso(AsOf)}"
            : string.Join(Environment.NewLine, hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{Iso(h.Date)} {h.RuleId}: {h.Sessions} sessions")));
    }

    private EvaluationResult Flag(bool actual, bool expected, string what)
    {
        if (actual != expected)
        {
            Fail(expected ? what : "not " + what, (actual ? what : "not " + what) + ": " + FiguresLine(Figures));
        }

        return this;
    }

    private void Fail(string expected, string found) =>
        throw new PolicyAssertionException(
            $"Expected: {expected}{Environment.NewLine}Found:    {found.Replace(Environment.NewLine, Environment.NewLine + "          ", StringComparison.Ordinal)}{Environment.NewLine}{Environment.NewLine}{Timeline()}");
}
