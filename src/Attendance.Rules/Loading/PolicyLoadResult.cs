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

    /// <summary>
    /// Where the policy needs a school calendar (a <c>projected</c> measure), as located warnings. They
    /// are not in <see cref="Diagnostics"/>, since only the caller knows whether it will give a
    /// calendar; <c>attendance-rules validate</c> prints them unless given <c>--calendar</c>.
    /// </summary>
    public IReadOnlyList<PolicyDiagnostic> NeedsCalendar { get; init; } = [];

    /// <summary>The name the policy was read under (its full path, for a file).</summary>
    internal string? File { get; init; }

    /// <summary>Where each model object was read from, for checks made after loading.</summary>
    internal IReadOnlyDictionary<object, YamlNode>? Locations { get; init; }

    /// <summary>The policy, or a <see cref="PolicyException"/> carrying every diagnostic.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">The policy had errors.</exception>
    public Policy GetPolicyOrThrow() => Policy ?? throw new PolicyException(Diagnostics);
}
