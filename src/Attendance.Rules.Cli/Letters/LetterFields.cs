using System.Globalization;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Evaluation.Outlook;
using Attendance.Rules.Policies;
using NodaTime;

namespace Attendance.Rules.Cli.Letters;

/// <summary>
/// The merge fields of a letter, declared once (see <see cref="MergeField"/>). Dates are
/// <c>yyyy-MM-dd</c> with a <c>_text</c> twin in words ("Tuesday 21 October 2025"); percentages are
/// numbers with two decimals, as <c>evaluate</c> gives them; an unknown value is empty (nil).
/// </summary>
internal static class LetterFields
{
    public static IReadOnlyList<MergeField> All { get; } =
    [
        MergeField.Object<LetterData>("letter", "The letter itself", d => d,
            MergeField.Of<LetterData>("file", "The HTML file's name in `--out`", d => d.File),
            MergeField.Of<LetterData>("template", "The template's file name", d => d.Template)),
        MergeField.Object<LetterData>("school", "The school, from the policy", d => d,
            MergeField.Of<LetterData>("name", "The school's name (the policy's `name`)", d => d.Policy.Name),
            MergeField.Of<LetterData>("local_authority", "The local authority (`local_authority`), or empty", d => d.Policy.LocalAuthority),
            MergeField.Of<LetterData>("policy_id", "The policy's id", d => d.Policy.Id),
            MergeField.Of<LetterData>("policy_version", "The policy's version (with its fingerprint)", d => d.PolicyVersion),
            MergeField.Of<LetterData>("policy_title", "The title of the document the policy encodes (`document.title`)", d => d.Policy.Document.Title),
            MergeField.Of<LetterData>("policy_reference", "The document's reference (`document.reference`), or empty", d => d.Policy.Document.Reference)),
        MergeField.Object<LetterData>("pupil", "The pupil, from the marks and the pupils file", d => d,
            MergeField.Of<LetterData>("id", "The pupil's id in the marks file", d => d.Pupil),
            MergeField.Of<LetterData>("year_group", "The National Curriculum year group (`--pupils`), or empty", d => d.YearGroup),
            MergeField.Of<LetterData>("name", "The pupil's name (the pupils file's `name` column), or empty", d => Text(d.Details.Name)),
            MergeField.Object<LetterData>("contact", "The parent or carer written to (the pupils file's `contact_…` columns)", d => d,
                MergeField.Of<LetterData>("name", "The parent's or carer's name (`contact_name`), or empty", d => Text(d.Details.ContactName)),
                MergeField.Of<LetterData>("address", "The contact's address as given (`contact_address`, lines separated by `;`), or empty", d => Text(d.Details.ContactAddress)),
                MergeField.List<LetterData>("address_lines", "The contact's address lines, each trimmed", d => d.Details.AddressLines),
                MergeField.Of<LetterData>("email", "The contact's email (`contact_email`), or empty", d => Text(d.Details.ContactEmail)))),
        MergeField.Object<LetterData>("action", "The action the letter is for", d => d,
            MergeField.Of<LetterData>("rule", "The rule's id", d => d.Action.RuleId),
            MergeField.Of<LetterData>("stage", "The stage's number, or empty for a rule without stages", d => d.Action.Stage),
            MergeField.Of<LetterData>("kind", "`letter` or `meeting`", d => CohortEvaluation.KindName(d.Action.Kind)),
            MergeField.Of<LetterData>("title", "The action's title, in the policy's words", d => d.Action.Title),
            MergeField.Of<LetterData>("date", "The day it falls due (yyyy-MM-dd)", d => Date(d.Action.Date)),
            MergeField.Of<LetterData>("date_text", "The same in words: Tuesday 21 October 2025", d => DateText(d.Action.Date)),
            MergeField.Of<LetterData>("session", "`AM` or `PM`: the session at whose end it fell due", d => d.Action.Session.ToString()),
            MergeField.Of<LetterData>("evidence", "The evidence: the figures and sessions that made it due, as a sentence", d => d.Action.Evidence),
            MergeField.List<LetterData>("sessions", "The sessions the evidence counts, each as `yyyy-MM-dd AM` or `yyyy-MM-dd PM` (none where it counts none)", d => d.Action.Sessions.Select(s => $"{Date(s.Date)} {s.Part}"))),
        MergeField.Object<LetterData>("figures", "The pupil's figures for the academic year to the day the action fell due", d => d.Figures,
            MergeField.Of<AttendanceFigures>("from", "The first day counted (yyyy-MM-dd)", f => Date(f.Period.Start)),
            MergeField.Of<AttendanceFigures>("to", "The last day counted, the action's date (yyyy-MM-dd)", f => Date(f.Period.End)),
            MergeField.Of<AttendanceFigures>("to_text", "The same in words", f => DateText(f.Period.End)),
            MergeField.Of<AttendanceFigures>("attendance_percent", "Attendance % (two decimals), or empty without possible sessions", f => f.AttendancePercent),
            MergeField.Of<AttendanceFigures>("absence_percent", "Absence % (two decimals), or empty without possible sessions", f => f.AbsencePercent),
            MergeField.Of<AttendanceFigures>("possible_sessions", "Possible sessions", f => f.PossibleSessions),
            MergeField.Of<AttendanceFigures>("present_sessions", "Sessions present or at approved educational activity", f => f.AttendedSessions),
            MergeField.Of<AttendanceFigures>("authorised_absence_sessions", "Authorised absence sessions", f => f.AuthorisedAbsenceSessions),
            MergeField.Of<AttendanceFigures>("unauthorised_absence_sessions", "Unauthorised absence sessions", f => f.UnauthorisedAbsenceSessions),
            MergeField.Of<AttendanceFigures>("absence_sessions", "Absence sessions, authorised and unauthorised", f => f.AbsenceSessions),
            MergeField.Of<AttendanceFigures>("late_sessions", "Late sessions", f => f.LateSessions),
            MergeField.Of<AttendanceFigures>("persistent_absence", "`true` when the pupil is persistently absent (the policy's threshold)", f => f.IsPersistentAbsence),
            MergeField.Of<AttendanceFigures>("severe_absence", "`true` when the pupil is severely absent", f => f.IsSevereAbsence)),
        MergeField.List<LetterData>("follow_ups", "The steps the policy lists after this action, in its order", d => d.Action.FollowUps,
            MergeField.Of<FollowUp>("title", "The step, in the policy's words", f => f.Title)),
        MergeField.List<LetterData>("distances", "How far the pupil is from each line of the policy on the action's date (`PupilEvaluation.Outlook`): each threshold rule, next stage, rule with `when` and indicator in the policy's order, then the national persistent and severe absence lines", d => d.Outlook.Distances,
            MergeField.Of<Distance>("subject", "`rule`, `stage`, `indicator`, `persistent-absence` or `severe-absence`", x => Word(x.Subject.ToString())),
            MergeField.Of<Distance>("id", "The rule's or indicator's id (`persistent-absence` and `severe-absence` for the national lines)", x => x.Id),
            MergeField.Of<Distance>("stage", "The stage's number, for a stage", x => x.StageNumber),
            MergeField.Of<Distance>("title", "The rule's, stage's or indicator's title, in the policy's words", x => x.Title),
            MergeField.Of<Distance>("action", "The kind of action that would fall due (`letter`, `referral`…), or empty", x => x.Action is { } kind ? CohortEvaluation.KindName(kind) : null),
            MergeField.Of<Distance>("kind", "`sessions` or `school-days` (a number below), `reached`, `not-this-year`, `does-not-apply` or `not-measurable`", x => Word(x.Kind.ToString())),
            MergeField.Of<Distance>("steps", "For `sessions` and `school-days`: how many more make it fall due (one fewer does not), or empty", x => x.Kind is DistanceKind.Sessions or DistanceKind.SchoolDays ? x.Steps : null),
            MergeField.Of<Distance>("of", "The kind of further session counted: `absent`, `unauthorised`, `codes` or `present`, or empty", x => x.Of == SessionKind.None ? null : Word(x.Of.ToString())),
            MergeField.Of<Distance>("codes", "For `codes`: the codes the rule counts", x => x.Codes?.ToString()),
            MergeField.Of<Distance>("measure", "What is measured, in the policy's words (`attendance`, `absence`, `sessions`…)", x => x.Measure),
            MergeField.Of<Distance>("value", "The measure now: a count, or a percentage's sessions", x => x.Value),
            MergeField.Of<Distance>("out_of", "A percentage's possible sessions (0 for a count)", x => x.OutOf),
            MergeField.Of<Distance>("percent", "For a percentage: the measure now (two decimals), or empty", x => x.IsPercentage ? Percent.Of(x.Value, x.OutOf) : null),
            MergeField.Of<Distance>("threshold", "The line: a count to reach, or a percentage", x => x.Threshold),
            MergeField.Of<Distance>("due_on", "The earliest date it can fall due, if every next session were of that kind (yyyy-MM-dd), or empty", x => x.DueOn is { } date ? Date(date) : null),
            MergeField.Of<Distance>("due_on_text", "The same in words", x => x.DueOn is { } date ? DateText(date) : null),
            MergeField.Of<Distance>("window_leaves_on", "For a count over a moving window: the day the oldest session counted leaves it (yyyy-MM-dd), or empty", x => x.WindowLeavesOn is { } date ? Date(date) : null),
            MergeField.Of<Distance>("why", "Why there is no number, or what a reached line waits for, or empty", x => x.Why),
            MergeField.Of<Distance>("text", "The distance in words: `8 of 10 sessions of G, N, O, U: 2 more before 14 Nov 2025 reach it`", x => x.Describe())),
        MergeField.Object<LetterData>("year_end", "Where attendance can end the academic year (with `--calendar` only)", d => d.Outlook.YearEnd,
            MergeField.Of<YearEndOutlook>("available", "`true` when a calendar gave the sessions left", y => y.IsAvailable),
            MergeField.Of<YearEndOutlook>("remaining_sessions", "The school sessions left to 31 July", y => y.IsAvailable ? y.RemainingSessions : null),
            MergeField.Of<YearEndOutlook>("best_percent", "The best attendance still reachable by 31 July (every remaining session attended), or empty", y => y.BestPercent),
            MergeField.Of<YearEndOutlook>("at_current_rate_percent", "The attendance on 31 July at the pupil's rate so far, or empty", y => y.AtCurrentRatePercent)),
    ];

    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateText(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string? Text(string value) => value.Length == 0 ? null : value;

    /// <summary>An enum name as a word of the docs: <c>PersistentAbsence</c> → <c>persistent-absence</c>.</summary>
    private static string Word(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "-") + char.ToLowerInvariant(c) : c.ToString()));
}
