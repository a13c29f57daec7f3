namespace Attendance.Rules.Policies.Conditions;

/// <summary>
/// Holds when its condition does not (<c>not: ...</c>). A comparison whose measure has no value at
/// a point (no possible sessions, no anchor yet) does not hold, so its negation does.
/// </summary>
/// <param name="Condition">The condition negated.</param>
public sealed record NotCondition(Condition Condition) : Condition;
