using Attendance.Rules.Policies;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// The <c>codes_as</c> key, declared once: the code measures of the language v2 take it beside
/// their codes, and the v1 counting types (<c>session_count</c>, <c>consecutive_days</c>) take the
/// same key, read and written through this declaration.
/// </summary>
internal static class CodeReadingKey
{
    public const string Name = "codes_as";

    private static readonly Dictionary<string, CodeReading> Words = new(StringComparer.Ordinal)
    {
        ["reinterpreted"] = CodeReading.Reinterpreted,
        ["recorded"] = CodeReading.Recorded,
    };

    /// <summary>The key's declaration, for the measures' syntax, the schema and the docs table.</summary>
    public static readonly KeySpec Spec = new(
        Name,
        KeyType.Choice,
        "which code of a mark counts: reinterpreted (the default: its own or the one a reinterpret rule makes it count as) or recorded (the code on the register only)",
        Required: false,
        Choices: [.. Words.Keys]);

    /// <summary>The reading a key's value names; the default where the key is absent.</summary>
    public static CodeReading Parse(object? value) => value is string word ? Words[word] : CodeReading.Reinterpreted;

    /// <summary>The value to write: null for the default, so the canonical form leaves it out.</summary>
    public static string? Write(CodeReading reading) => reading == CodeReading.Reinterpreted ? null : Words.First(p => p.Value == reading).Key;
}
