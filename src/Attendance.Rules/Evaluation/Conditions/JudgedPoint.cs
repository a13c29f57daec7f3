namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// A point at which a condition is judged: a timeline day, the sessions counted so far, whether the
/// day has ended (all its marks counted, the day columns set), and for a <c>fresh</c> count the
/// first session not yet counted in an earlier hit.
/// </summary>
internal readonly record struct JudgedPoint(int Day, int Sessions, bool DayEnded, int FreshFrom = 0);
