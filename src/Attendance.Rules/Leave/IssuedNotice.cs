using NodaTime;

namespace Attendance.Rules.Leave;

/// <summary>A warning letter or penalty notice already issued to the pupil's parents.</summary>
/// <param name="Kind">What was issued.</param>
/// <param name="IssuedOn">The date it was issued.</param>
public sealed record IssuedNotice(NoticeKind Kind, LocalDate IssuedOn);
