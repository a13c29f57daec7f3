namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// A point at which a condition is judged: a timeline day, the sessions counted so far, whether the
/// day is complete (its end, or a session after which no mark of the day is left: the day columns
/// are set), and for a count the first session not yet counted in an earlier hit.
/// </summary>
internal readonly record struct JudgedPoint(int Day, int Sessions, bool DayEnded, int FreshFrom = 0);
