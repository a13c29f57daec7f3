namespace Attendance.Rules.Policies;

/// <summary>Older local amounts a document still prints, kept for the record and never applied.</summary>
/// <param name="Amounts">The amounts in pounds.</param>
/// <param name="Text">What the document says.</param>
/// <param name="Sources">The quotes.</param>
public sealed record SupersededFines(ValueList<decimal> Amounts, string Text, ValueList<string> Sources);
