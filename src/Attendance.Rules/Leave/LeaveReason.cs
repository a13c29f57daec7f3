using Attendance.Rules.Policies;

namespace Attendance.Rules.Leave;

/// <summary>One reason for a leave decision: the policy's condition that gave it, what it says, the figures behind it and the policy's own words.</summary>
/// <param name="Rule">The condition's id in the policy's <c>leave</c> section.</param>
/// <param name="Outcome">What this condition says about the request.</param>
/// <param name="Text">The figures behind it, for example <c>6 consecutive school days requested (2025-10-09 to 2025-10-16); the policy allows at most 5</c>.</param>
/// <param name="Sources">The policy's own words for the condition.</param>
public sealed record LeaveReason(string Rule, LeaveOutcome Outcome, string Text, ValueList<string> Sources);
