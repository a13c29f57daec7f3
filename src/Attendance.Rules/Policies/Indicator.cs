using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Policies;

/// <summary>
/// A named condition with no action (<c>indicators:</c>): a school's own target, an "at risk" band,
/// a local "over 10%". Judged as of the evaluation date and reported on every pupil's result beside
/// the national persistent and severe absence flags.
/// </summary>
/// <param name="Id">Its id, unique among the policy's rules and indicators.</param>
/// <param name="Title">In the school's words.</param>
/// <param name="When">The condition.</param>
/// <param name="Sources">The quotes it encodes.</param>
/// <param name="Note">A free-text note, where given.</param>
public sealed record Indicator(string Id, string Title, Condition When, ValueList<string> Sources, string? Note = null);
