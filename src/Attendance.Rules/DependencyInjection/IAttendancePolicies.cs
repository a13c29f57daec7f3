using System.Diagnostics.CodeAnalysis;
using Attendance.Rules.Evaluation;

namespace Attendance.Rules.DependencyInjection;

/// <summary>
/// The compiled policies an application registered with
/// <see cref="Microsoft.Extensions.DependencyInjection.AttendanceRulesServiceCollectionExtensions.AddAttendanceRules"/>,
/// by policy id. Thread-safe; each policy is compiled once and shared.
/// </summary>
public interface IAttendancePolicies
{
    /// <summary>The ids of the registered policies, in the order they were added.</summary>
    IReadOnlyList<string> Ids { get; }

    /// <summary>The compiled policy with an id.</summary>
    /// <param name="id">The policy's <c>id</c>, for example <c>stanborough</c>; compared ordinally.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No registered policy has that id; the message lists those that are.</exception>
    CompiledPolicy Get(string id);

    /// <summary>Finds the compiled policy with an id.</summary>
    /// <param name="id">The policy's <c>id</c>; compared ordinally.</param>
    /// <param name="policy">The compiled policy, or null.</param>
    /// <returns>True where a registered policy has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    bool TryGet(string id, [NotNullWhen(true)] out CompiledPolicy? policy);
}
