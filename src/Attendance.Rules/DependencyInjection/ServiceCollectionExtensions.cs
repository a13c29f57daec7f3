using Attendance.Rules.DependencyInjection;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Attendance.Rules with a service collection.</summary>
public static class AttendanceRulesServiceCollectionExtensions
{
    /// <summary>
    /// Loads, validates and compiles the configured policies now, and registers each
    /// <see cref="CompiledPolicy"/> as a singleton keyed by its policy id, and
    /// <see cref="IAttendancePolicies"/> as a singleton over all of them. May be called more than once;
    /// the policies of every call are registered, and a policy id may be registered only once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds the policies.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="PolicyException">A policy has errors; the exception carries every located diagnostic.</exception>
    /// <exception cref="InvalidOperationException">Two policies, in this call or an earlier one, have the same id.</exception>
    public static IServiceCollection AddAttendanceRules(this IServiceCollection services, Action<AttendanceRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AttendanceRulesOptions();
        configure(options);
        var registered = services
            .Where(d => d.ServiceType == typeof(PolicyRegistration) && d.ImplementationInstance is PolicyRegistration)
            .Select(d => (PolicyRegistration)d.ImplementationInstance!)
            .ToList();
        foreach (var (policy, source) in options.Compile())
        {
            var id = policy.Policy.Id;
            if (registered.Find(r => r.Policy.Policy.Id == id) is { } earlier)
            {
                throw new InvalidOperationException($"the attendance policy id '{id}' is registered twice: from {earlier.Source} and from {source}");
            }

            var registration = new PolicyRegistration(policy, source);
            registered.Add(registration);
            services.AddSingleton(registration);
            services.AddKeyedSingleton(id, policy);
        }

        services.TryAddSingleton<IAttendancePolicies>(provider => new AttendancePolicies(provider.GetServices<PolicyRegistration>().Select(r => r.Policy)));
        return services;
    }

    /// <summary>One registered policy and where it came from, for the duplicate check and <see cref="IAttendancePolicies"/>.</summary>
    private sealed record PolicyRegistration(CompiledPolicy Policy, string Source);
}
