using NodaTime;

namespace Attendance.Rules.Leave;

/// <summary>A leave request the parents made earlier, which a policy may count (for example one term-time holiday a school year).</summary>
/// <param name="Type">What it was for.</param>
/// <param name="FirstDay">Its first day of leave.</param>
/// <param name="LastDay">Its last day of leave.</param>
public sealed record EarlierLeaveRequest(LeaveType Type, LocalDate FirstDay, LocalDate LastDay);
