namespace Attendance.Rules.Policies;

/// <summary>A recorded contradiction, silence or unencoded passage of the policy's document.</summary>
/// <param name="Topic">A short id.</param>
/// <param name="Text">What the document says and what the policy file does about it.</param>
/// <param name="Sources">The quotes it concerns.</param>
public sealed record PolicyNote(string Topic, string Text, ValueList<string> Sources);
