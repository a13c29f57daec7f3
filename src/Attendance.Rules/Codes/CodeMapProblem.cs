namespace Attendance.Rules.Codes;

/// <summary>A mapping a <see cref="CodeMap"/> cannot take: which one (its place in the list given), which of its fields, and why.</summary>
/// <param name="Index">The mapping's place in the list given to <see cref="CodeMap.Create"/>, from 0.</param>
/// <param name="Field">The field at fault: <c>vendor_code</c>, <c>statutory_code</c> or <c>valid_from</c>.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Earlier">For a mapping that repeats another, the place of the earlier one; otherwise null.</param>
public sealed record CodeMapProblem(int Index, string Field, string Message, int? Earlier = null)
{
    /// <summary>Formats as <c>mapping 3, vendor_code: message</c>.</summary>
    /// <returns>The problem as text.</returns>
    public override string ToString() => $"mapping {Index + 1}, {Field}: {Message}{(Earlier is { } e ? $" (as mapping {e + 1})" : string.Empty)}";
}
