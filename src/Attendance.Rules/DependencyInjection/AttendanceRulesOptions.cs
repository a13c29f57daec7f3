using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;

namespace Attendance.Rules.DependencyInjection;

/// <summary>
/// The policies to register with
/// <see cref="Microsoft.Extensions.DependencyInjection.AttendanceRulesServiceCollectionExtensions.AddAttendanceRules"/>.
/// The methods record sources; they are loaded, validated and compiled once, when <c>AddAttendanceRules</c>
/// runs, so an invalid policy fails the application's start-up rather than its first request.
/// </summary>
public sealed class AttendanceRulesOptions
{
    private readonly List<Source> sources = [];

    /// <summary>
    /// How policy files and YAML are loaded (where <c>extends</c> resolves, input limits); null for
    /// <see cref="PolicyLoadOptions.Default"/>. Applies to every <see cref="AddPolicy(string)"/> and
    /// <see cref="AddPolicyYaml"/> call, whenever it is set.
    /// </summary>
    public PolicyLoadOptions? LoadOptions { get; set; }

    /// <summary>Adds a policy file; <c>extends</c> may name embedded policies and files beside it.</summary>
    /// <param name="path">The YAML file's path, absolute or relative to the current directory.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public AttendanceRulesOptions AddPolicy(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        sources.Add(new Source(path, options => PolicyLoader.Load(path, options)));
        return this;
    }

    /// <summary>Adds a policy already loaded.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public AttendanceRulesOptions AddPolicy(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        sources.Add(new Source($"policy {policy.Id}", _ => policy));
        return this;
    }

    /// <summary>Adds a policy from its YAML text, for example one held in a database; <c>extends</c> may name embedded policies only, unless <see cref="LoadOptions"/> gives a resolver.</summary>
    /// <param name="yaml">The policy's YAML.</param>
    /// <param name="name">The name diagnostics are reported against, for example <c>stanborough.yaml</c>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public AttendanceRulesOptions AddPolicyYaml(string yaml, string name)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        sources.Add(new Source(name, options => PolicyLoader.LoadFromString(yaml, name, options)));
        return this;
    }

    /// <summary>Loads and compiles every source, in the order added.</summary>
    /// <returns>Each compiled policy with the source it came from.</returns>
    /// <exception cref="PolicyException">A policy has errors.</exception>
    internal IReadOnlyList<(CompiledPolicy Policy, string Source)> Compile() =>
        sources.Select(s => (PolicyEvaluator.Compile(s.Load(LoadOptions)), s.Name)).ToList();

    private sealed record Source(string Name, Func<PolicyLoadOptions?, Policy> Load);
}
