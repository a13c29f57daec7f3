namespace Attendance.Rules.Loading.Language;

/// <summary>What a key of the policy language holds.</summary>
internal enum KeyType
{
    /// <summary>A list of national codes, or one of the policy's code-set names.</summary>
    Codes,

    /// <summary>A fact recorded with a mark (<c>medical_evidence</c>, <c>reason_accepted</c>).</summary>
    Fact,

    /// <summary>An earlier action: a rule id, <c>{ rule, stage }</c>, or <c>previous</c> in a stage.</summary>
    Reference,

    /// <summary>A whole number in the key's range.</summary>
    Count,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,

    /// <summary>One fixed word (the key's <see cref="KeySpec.Word"/>).</summary>
    Word,

    /// <summary>One of a few words (the key's <see cref="KeySpec.Choices"/>).</summary>
    Choice,

    /// <summary>A mapping of one key (the key's <see cref="KeySpec.Word"/>) to a whole number: <c>{ school_weeks: 10 }</c>.</summary>
    Unit,
}

/// <summary>
/// One key of a measure or window, declared once: its name, what it holds, its range, whether it
/// is required and one line of documentation. The reader, the canonical writer, the JSON Schema
/// and the docs' reference table all follow from it.
/// </summary>
/// <param name="Name">The key as written.</param>
/// <param name="Type">What it holds.</param>
/// <param name="Doc">One line of documentation.</param>
/// <param name="Required">Whether it must be given.</param>
/// <param name="Min">For a count or unit, the least value.</param>
/// <param name="Max">For a count or unit, the greatest value.</param>
/// <param name="Word">For a word, the word; for a unit, its key.</param>
/// <param name="Choices">For a choice, the words it takes, the default first.</param>
internal sealed record KeySpec(string Name, KeyType Type, string Doc, bool Required = true, int Min = 0, int Max = 0, string? Word = null, string[]? Choices = null)
{
    /// <summary>The key's form for the docs' table: <c>[codes]</c>, <c>{ school_weeks: 1–60 }</c>…</summary>
    public string Form => Type switch
    {
        KeyType.Codes => "[codes] or a code set",
        KeyType.Fact => "medical_evidence | reason_accepted",
        KeyType.Reference => "rule id | { rule, stage } | previous",
        KeyType.Count => $"{Min}–{Max}",
        KeyType.Flag => "true | false",
        KeyType.Word => Word!,
        KeyType.Choice => string.Join(" | ", Choices!),
        _ => $"{{ {Word}: {Min}–{Max} }}",
    };
}
