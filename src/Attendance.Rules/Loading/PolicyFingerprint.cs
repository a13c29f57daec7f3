using Attendance.Rules.Loading.Canonical;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Loading;

/// <summary>
/// A short fingerprint of a policy's content: the first 12 lower-case hex digits of the SHA-256 of
/// its canonical form, the tree built from the model that <see cref="PolicyWriter.Write"/> also lays
/// out as YAML (no YAML is written to take a fingerprint). Equal policies have equal fingerprints
/// however their files were laid out (comments, key order, quoting, a BOM, CRLF line endings,
/// <c>extends</c>); a change to any value changes it.
/// </summary>
public static class PolicyFingerprint
{
    /// <summary>The number of hex digits in a fingerprint.</summary>
    public const int Length = 12;

    /// <summary>The policy's fingerprint.</summary>
    /// <param name="policy">The resolved policy.</param>
    /// <returns>12 lower-case hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string Of(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var hash = CanonicalHash.Of(PolicyWriter.CanonicalForm(policy));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>The policy's version with its fingerprint: <c>"{Version}+{fingerprint}"</c>, for example <c>2025.1+3f2a9c0b1d4e</c>.</summary>
    /// <param name="policy">The resolved policy.</param>
    /// <returns>The version and fingerprint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string VersionOf(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Version}+{Of(policy)}";
    }
}
