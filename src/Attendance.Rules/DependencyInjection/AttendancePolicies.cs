using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Attendance.Rules.Evaluation;

namespace Attendance.Rules.DependencyInjection;

/// <summary>
/// The default <see cref="IAttendancePolicies"/>: a fixed set of compiled policies with distinct ids.
/// Immutable and thread-safe; usable without dependency injection.
/// </summary>
public sealed class AttendancePolicies : IAttendancePolicies
{
    private readonly FrozenDictionary<string, CompiledPolicy> byId;
    private readonly string[] ids;

    /// <summary>Creates the set.</summary>
    /// <param name="policies">The compiled policies; their ids must be distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is or holds null.</exception>
    /// <exception cref="ArgumentException">Two policies have the same id.</exception>
    public AttendancePolicies(IEnumerable<CompiledPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var map = new Dictionary<string, CompiledPolicy>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var policy in policies)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policies));
            var id = policy.Policy.Id;
            if (!map.TryAdd(id, policy))
            {
                throw new ArgumentException($"two policies have the id '{id}' (versions {map[id].Version} and {policy.Version}); each policy id may be registered once", nameof(policies));
            }

            order.Add(id);
        }

        byId = map.ToFrozenDictionary(StringComparer.Ordinal);
        ids = [.. order];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Ids => ids;

    /// <inheritdoc />
    public CompiledPolicy Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.TryGetValue(id, out var policy)
            ? policy
            : throw new KeyNotFoundException($"no attendance policy with the id '{id}' is registered; registered: {(ids.Length == 0 ? "none" : string.Join(", ", ids))}");
    }

    /// <inheritdoc />
    public bool TryGet(string id, [NotNullWhen(true)] out CompiledPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.TryGetValue(id, out policy);
    }
}
