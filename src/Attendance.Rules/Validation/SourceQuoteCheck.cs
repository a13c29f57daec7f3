using Attendance.Rules.Loading;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Validation;

/// <summary>
/// Finds the <c>source</c> quotes of a policy that do not appear in the document it encodes
/// (<c>document.source_file</c>), both compared after normalising white space, quote marks, dashes
/// and words hyphenated across lines. Pure: the caller reads the document.
/// </summary>
public static class SourceQuoteCheck
{
    private const string Expected = "the document's words, copied exactly (white space, quote marks, dashes and hyphenation at line ends may differ)";

    /// <summary>
    /// The quotes of a loaded policy that are not in its document, each a warning at the quote's
    /// line and column. Only quotes read from the policy's own file are checked: those it inherits
    /// through <c>extends</c> quote the base's document.
    /// </summary>
    /// <param name="loaded">A successful load (<see cref="PolicyLoader.ReadFile"/> and the like).</param>
    /// <param name="document">The text of the file <c>document.source_file</c> names.</param>
    /// <returns>One warning per missing quote, in the policy's order; none where every quote is found.</returns>
    /// <exception cref="ArgumentException">The load did not give a policy.</exception>
    public static IReadOnlyList<PolicyDiagnostic> FindMissing(PolicyLoadResult loaded, string document)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var policy = loaded.Policy ?? throw new ArgumentException("the policy did not load", nameof(loaded));
        return Find(policy, document, new Locator(loaded.Locations, loaded.File ?? "policy"));
    }

    /// <summary>The quotes of a policy built in code that are not in its document; each warning names the rule, without a line.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="document">The text of its document.</param>
    /// <param name="fileName">The name to report against.</param>
    /// <returns>One warning per missing quote.</returns>
    public static IReadOnlyList<PolicyDiagnostic> FindMissing(Policy policy, string document, string fileName = "policy")
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Find(policy, document, new Locator(null, fileName));
    }

    internal static IReadOnlyList<PolicyDiagnostic> Find(Policy policy, string document, Locator at)
    {
        ArgumentNullException.ThrowIfNull(document);
        var normalised = QuoteNormaliser.Normalise(document);
        var missing = new List<PolicyDiagnostic>();
        foreach (var site in PolicyQuotes.Collect(policy))
        {
            // A quote read from another file (a base policy) quotes that file's document.
            if (at.Find(site.Quote) is { } node && node.File != at.File)
            {
                continue;
            }

            if (!QuoteNormaliser.Occurs(normalised, site.Quote))
            {
                var prefix = site.RuleId is { } id && site.Location.StartsWith($"rule '{id}'", StringComparison.Ordinal)
                    ? site.Location[$"rule '{id}'".Length..].TrimStart()
                    : site.Location;
                var where = prefix.Length == 0 ? string.Empty : prefix + ": ";
                var ruleId = site.Owner is Policies.Rules.Rule ? site.RuleId : null;
                missing.Add(at.Warning(ruleId, $"{where}the quote \"{site.Quote}\" is not in {policy.Document.SourceFile ?? "the document"}", Expected, null, site.Quote, site.Owner));
            }
        }

        return missing;
    }
}
