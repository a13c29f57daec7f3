using Attendance.Rules.Leave;

namespace Attendance.Rules.Policies.Leave;

/// <summary>The codes the absence for one type of leave carries.</summary>
/// <param name="Type">The leave type.</param>
/// <param name="IfAuthorised">The code when the leave is authorised (for example <c>C</c>, <c>R</c>, <c>C1</c>).</param>
/// <param name="IfTaken">The code when the leave is taken after a refusal or without asking (<c>G</c> for a holiday).</param>
/// <param name="Sources">The document's words, where it gives any.</param>
public sealed record LeaveCodes(LeaveType Type, string IfAuthorised, string IfTaken, ValueList<string> Sources);
