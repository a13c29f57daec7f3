using Attendance.Rules.Policies;

namespace Attendance.Rules.Loading;

/// <summary>What loading a policy gave: the policy where there were no errors, and every diagnostic.</summary>
/// <param name="Policy">The policy, or null where there were errors.</param>
/// <param name="Diagnostics">Errors and warnings, in the order found.</param>
public sealed record PolicyLoadResult(Policy? Policy, IReadOnlyList<PolicyDiagnostic> Diagnostics)
{
    /// <summary>Whether the policy loaded (warnings allowed).</summary>
    public bool Succeeded => Policy is not null;

    /// <summary>The warnings: departures from the national framework and suspect values.</summary>
    public IEnumerable<PolicyDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The policy, or a <see cref="PolicyException"/> carrying every diagnostic.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The policy had errors.</exception>
    public Policy GetPolicyOrThrow() => Policy ?? throw new PolicyException(Diagnostics);
}
