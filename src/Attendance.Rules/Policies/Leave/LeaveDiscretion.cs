namespace Attendance.Rules.Policies.Leave;

/// <summary>The headteacher's discretion: the reason a request no condition refuses or grants is referred.</summary>
/// <param name="Id">Its id, the reason's rule id.</param>
/// <param name="Sources">The document's words for it.</param>
public sealed record LeaveDiscretion(string Id, ValueList<string> Sources);
