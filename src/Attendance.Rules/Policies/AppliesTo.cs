namespace Attendance.Rules.Policies;

/// <summary>
/// The pupils a rule applies to (<c>applies_to:</c>): some year groups, and/or only those of
/// compulsory school age (by the policy's compulsory year groups). A pupil whose year group is not
/// known is included, so nothing is missed.
/// </summary>
/// <param name="YearGroups">The year groups; empty for any.</param>
/// <param name="CompulsoryAge">Whether only pupils of compulsory school age.</param>
public sealed record AppliesTo(ValueList<string> YearGroups, bool CompulsoryAge);
