namespace Attendance.Rules.Policies;

/// <summary>A step a policy lists after an action without a trigger of its own: reported, never fired.</summary>
/// <param name="Title">The step, in the school's words.</param>
/// <param name="Sources">The quotes it encodes.</param>
public sealed record FollowUp(string Title, ValueList<string> Sources);
