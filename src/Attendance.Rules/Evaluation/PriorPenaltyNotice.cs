using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// A penalty notice already issued to one parent in respect of one child: the input to
/// <see cref="PenaltyNoticeSequence.Next"/>. Notices to another parent, or for another child, belong
/// to another sequence and are not passed together.
/// </summary>
/// <param name="IssuedOn">The date the notice was issued.</param>
public readonly record struct PriorPenaltyNotice(LocalDate IssuedOn);
