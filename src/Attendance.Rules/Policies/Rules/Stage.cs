namespace Attendance.Rules.Policies.Rules;

/// <summary>One stage of a staged rule.</summary>
/// <param name="Number">1, 2, 3…</param>
/// <param name="Title">In the school's words.</param>
/// <param name="Action">The action it produces.</param>
/// <param name="When">Its condition.</param>
/// <param name="Sources">The quotes it encodes.</param>
/// <param name="FollowUps">Steps the document lists after it.</param>
public sealed record Stage(int Number, string Title, ActionKind Action, StageCondition When, ValueList<string> Sources, ValueList<FollowUp> FollowUps);
