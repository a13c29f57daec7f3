using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Loading.Language;

/// <summary>The values of a measure's or window's keys, by key name: read from YAML, or taken from a model to write it.</summary>
internal sealed class SyntaxArgs
{
    private readonly Dictionary<string, object> values = new(StringComparer.Ordinal);

    public SyntaxArgs Set(string key, object? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }

        return this;
    }

    public object? Get(string key) => values.GetValueOrDefault(key);

    public CodeSelection Codes(string key) => (CodeSelection)values[key];

    public ActionReference Reference(string key) => (ActionReference)values[key];

    public int Count(string key) => (int)values[key];

    public MarkFacts? Fact(string key) => values.TryGetValue(key, out var v) ? (MarkFacts)v : null;

    public bool Flag(string key) => values.TryGetValue(key, out var v) && (bool)v;

    /// <summary>The <c>codes_as</c> key's reading; the default where it is absent.</summary>
    public CodeReading Reading() => CodeReadingKey.Parse(Get(CodeReadingKey.Name));

    /// <summary>Sets the <c>codes_as</c> key, left out for the default.</summary>
    public SyntaxArgs Reading(CodeReading reading) => Set(CodeReadingKey.Name, CodeReadingKey.Write(reading));
}
