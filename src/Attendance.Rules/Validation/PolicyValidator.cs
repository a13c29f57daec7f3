using Attendance.Rules.Loading;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Validation;

/// <summary>What the static checks found.</summary>
/// <param name="Warnings">Conditions that can never hold, stages that cannot be reached, duplicate rules.</param>
/// <param name="NeedsCalendar">Where the policy needs a school calendar: warnings only a caller that knows none will be given can make.</param>
internal sealed record ValidationReport(IReadOnlyList<PolicyDiagnostic> Warnings, IReadOnlyList<PolicyDiagnostic> NeedsCalendar);

/// <summary>
/// Checks of meaning over a resolved <see cref="Policy"/>, after reading: they run for policies
/// built in code too. With the reader's location lookup each warning is at the line and column of
/// what it is about; without one (a policy built in code) it is at line 0 of the given name and
/// names the rule. Every check reports everything it finds; none is an error, since each leaves a
/// policy that runs.
/// </summary>
internal static class PolicyValidator
{
    /// <summary>Runs every check.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="locations">Where each model object was read from (<see cref="NodeReader.Locations"/>); null for a policy built in code.</param>
    /// <param name="file">The name to report against where an object has no location.</param>
    public static ValidationReport Validate(Policy policy, IReadOnlyDictionary<object, YamlNode>? locations = null, string file = "policy")
    {
        ArgumentNullException.ThrowIfNull(policy);
        var at = new Locator(locations, file);
        var warnings = new List<PolicyDiagnostic>();
        ReachabilityCheck.Run(policy, at, warnings);
        DuplicateRuleCheck.Run(policy, at, warnings);
        JudgedCheck.Run(policy, at, warnings);
        return new ValidationReport(warnings, CalendarCheck.Run(policy, at));
    }
}
