using NodaTime;

namespace Attendance.Rules.Codes;

/// <summary>
/// One line of a code map: an MIS vendor's attendance code (a sub-code such as <c>X02</c>, or a
/// local code such as Bromcom's <c>7</c>), the national code it stands for, and optionally the
/// date from which it does (a vendor may reuse a code with a new meaning).
/// </summary>
/// <param name="VendorCode">The code as the MIS exports it.</param>
/// <param name="StatutoryCode">The national attendance code it is recorded as (<see cref="NationalCodeTable"/>).</param>
/// <param name="ValidFrom">The first date of marks it applies to; null for every date.</param>
public sealed record CodeMapping(string VendorCode, string StatutoryCode, LocalDate? ValidFrom = null);
