namespace Attendance.Rules.Policies.Leave;

/// <summary>
/// The action a leave condition raises when it decides the outcome (the policy format's
/// <c>raises: { action, title, source }</c>), for example a warning letter sent with a refusal.
/// </summary>
/// <param name="Action">What the action is, from the rules' closed list (<c>letter</c>, <c>meeting</c> …).</param>
/// <param name="Title">Its title.</param>
/// <param name="Sources">The document's words for it; may be empty (the condition's own quote covers it).</param>
public sealed record LeaveRaise(ActionKind Action, string Title, ValueList<string> Sources);
