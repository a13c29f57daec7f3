using System.Globalization;
using Attendance.Rules.Policies;
using NodaTime;

namespace Attendance.Rules.Evaluation.Outlook;

/// <summary>
/// How far one line is for a pupil as of the evaluation date, in the line's own unit, worked out by
/// arithmetic on the register's counts: "8 of 10 sessions in the window: 2 more sessions of G, N, O, U
/// before 14 Nov reach the threshold"; "absence 9.20%: 3 more absent sessions make it persistent
/// absence". The further sessions are the next school sessions after the last day evaluated (from the
/// calendar where given, otherwise every weekday), one after another, to 31 July. Where a condition
/// cannot be written as a number of sessions, <see cref="Kind"/> is <see cref="DistanceKind.NotMeasurable"/>
/// and <see cref="Why"/> says why.
/// </summary>
public readonly record struct Distance
{
    /// <summary>The line measured.</summary>
    public required DistanceSubject Subject { get; init; }

    /// <summary>The rule's or indicator's id; <c>persistent-absence</c> or <c>severe-absence</c> for the national lines.</summary>
    public required string Id { get; init; }

    /// <summary>The stage's number, for a stage.</summary>
    public int? StageNumber { get; init; }

    /// <summary>The rule's, stage's or indicator's title, in the policy's words.</summary>
    public required string Title { get; init; }

    /// <summary>The action that would fall due; null for an indicator or a national line.</summary>
    public ActionKind? Action { get; init; }

    /// <summary>What this distance says.</summary>
    public required DistanceKind Kind { get; init; }

    /// <summary>For <see cref="DistanceKind.Sessions"/> and <see cref="DistanceKind.SchoolDays"/>: how many further sessions (or whole school days) of <see cref="Of"/> make it fall due.</summary>
    public int Steps { get; init; }

    /// <summary>The kind of further session counted.</summary>
    public SessionKind Of { get; init; }

    /// <summary>A code of that kind: the one the arithmetic adds (for counts, O where the rule counts it, else the rule's first code; for absence O; for attendance <c>/</c>).</summary>
    public string? Code { get; init; }

    /// <summary>For <see cref="SessionKind.Codes"/>: the codes the rule counts.</summary>
    public CodeSelection? Codes { get; init; }

    /// <summary>What is measured, in the policy's words: <c>attendance</c>, <c>absence</c>, <c>unauthorised</c>, <c>sessions</c>, <c>consecutive school days</c>, <c>absent session after the previous stage</c>, <c>attendance since stage N</c>.</summary>
    public string? Measure { get; init; }

    /// <summary>Whether <see cref="Value"/> / <see cref="OutOf"/> is a percentage compared with <see cref="Threshold"/>.</summary>
    public bool IsPercentage { get; init; }

    /// <summary>The measure now: a count, or a percentage's numerator (sessions attended, absent or unauthorised).</summary>
    public long Value { get; init; }

    /// <summary>A percentage's denominator (possible sessions); 0 for a count.</summary>
    public long OutOf { get; init; }

    /// <summary>The line: a count to reach, or a percentage.</summary>
    public decimal Threshold { get; init; }

    /// <summary>The date of the last of the <see cref="Steps"/> further sessions, if every next session were of that kind: the earliest date it can fall due.</summary>
    public LocalDate? DueOn { get; init; }

    /// <summary>For a count over a window that moves: the first date on which the oldest session now counted no longer counts (it has left the window), where known.</summary>
    public LocalDate? WindowLeavesOn { get; init; }

    /// <summary>Why there is no number, or what a <see cref="DistanceKind.Reached"/> line waits for; null otherwise.</summary>
    public string? Why { get; init; }

    /// <summary>The distance in words (allocates), e.g. <c>8 of 10 sessions of G, N, O, U: 2 more before 14 Nov 2025 reach the threshold</c>.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var invariant = CultureInfo.InvariantCulture;
        var now = IsPercentage
            ? $"{Measure} {Percent.Format(Value, OutOf)}"
            : $"{Value.ToString(invariant)} {Measure}";
        var line = IsPercentage ? $"{Threshold.ToString("0.##", invariant)}%" : Threshold.ToString("0", invariant);
        switch (Kind)
        {
            case DistanceKind.Sessions or DistanceKind.SchoolDays:
                var unit = Kind == DistanceKind.SchoolDays ? (Steps == 1 ? "school day" : "school days") : (Steps == 1 ? "session" : "sessions");
                var what = Of switch
                {
                    SessionKind.Absent => $"absent {unit}",
                    SessionKind.Unauthorised => $"unauthorised {unit}",
                    SessionKind.Present => $"{unit} attended",
                    SessionKind.Codes => $"{unit} of {Codes}",
                    _ => unit,
                };
                var before = WindowLeavesOn is { } leaves ? $" before {leaves.ToString("d MMM yyyy", invariant)}" : string.Empty;
                var by = DueOn is { } due ? $" (at the earliest {due.ToString("d MMM yyyy", invariant)})" : string.Empty;
                var of = IsPercentage ? $", line {line}" : $" of {line}";
                return $"{now}{of}: {Steps.ToString(invariant)} more {what}{before} {(Steps == 1 ? "reaches" : "reach")} it{by}";
            case DistanceKind.Reached:
                return $"{now}: reached{(Why is null ? string.Empty : $" ({Why})")}";
            default:
                return $"{Kind switch { DistanceKind.NotThisYear => "not reachable this academic year", DistanceKind.DoesNotApply => "does not apply", _ => "not measurable" }}: {Why}";
        }
    }
}
