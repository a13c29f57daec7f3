namespace Attendance.Rules.Policies;

/// <summary>The codes a rule counts: a list, optionally named by one of the policy's code sets.</summary>
/// <param name="SetName">The code set's name, where the rule named one.</param>
/// <param name="Codes">The codes.</param>
public sealed record CodeSelection(string? SetName, ValueList<string> Codes)
{
    /// <summary>Whether a code is selected.</summary>
    /// <param name="code">The code as written.</param>
    /// <returns>True where the list has it.</returns>
    public bool Contains(string code) => Codes.Contains(code, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Codes);
}
