using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// A column the conditions of a policy read: a count of sessions with some codes (and facts), or of
/// school days whose marks all have some codes. Equal specs share one column, so rules that read the
/// same measure share its work.
/// </summary>
/// <param name="Codes">The codes, as a mask over <see cref="Codes.NationalCodeTable"/> indices; null for a fixed column.</param>
/// <param name="Key">The codes and facts as text, for sharing.</param>
/// <param name="WithFact">Only marks with this fact.</param>
/// <param name="WithoutFact">Only marks without this fact.</param>
/// <param name="Reading">Which code of a mark counts.</param>
internal sealed record ColumnSpec(bool[] Codes, string Key, MarkFacts WithFact, MarkFacts WithoutFact, Policies.CodeReading Reading)
{
    /// <summary>Whether a mark's facts let it count: it has <see cref="WithFact"/> and none of <see cref="WithoutFact"/>.</summary>
    public bool Admits(MarkFacts facts) =>
        (facts & WithFact) == WithFact && (WithoutFact == 0 || (facts & WithoutFact) == 0);

    public bool Equals(ColumnSpec? other) => other is not null && other.Key == Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
