using NodaTime;

namespace Attendance.Rules.Policies;

/// <summary>The document a policy encodes.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Reference">The document's reference, where it has one.</param>
/// <param name="Date">The document's date, where it gives one.</param>
/// <param name="SourceFile">The text the policy's quotes come from, relative to the policy file's folder.</param>
public sealed record PolicyDocument(string Title, string? Reference, LocalDate? Date, string? SourceFile);
