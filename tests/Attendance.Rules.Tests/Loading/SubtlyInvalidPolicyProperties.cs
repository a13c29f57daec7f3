using System.Text.RegularExpressions;
using Attendance.Rules.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attendance.Rules.Tests.Loading;

/// <summary>A valid policy with one subtle, meaningful defect: which policy, which defect, and where.</summary>
public sealed record SubtlyInvalidCase(int Policy, int Defect, int Occurrence)
{
    public override string ToString() => $"policy #{Policy}, defect '{SubtlyInvalidPolicies.Defects[Defect % SubtlyInvalidPolicies.Defects.Length].Name}', occurrence {Occurrence}";
}

/// <summary>
/// Subtly invalid policies: each seed policy's canonical form (PolicyWriter) with one value changed
/// (a key at the start of its line, never inside a note's text) to something that still parses
/// as YAML but breaks a rule of the format — a percentage of 100.5,
/// a code that is not national, a time of 24:30, stages out of order, a duplicated rule id…
/// </summary>
public static class SubtlyInvalidPolicies
{
    public static readonly (string Name, Regex Pattern, Func<Match, string> Replace)[] Defects =
    [
        ("percent above 100", new(@"(?m)(?<=^[ -]*)percent: (\d+(\.\d+)?)"), m => "percent: 100.5"),
        ("unknown code", new(@"(?m)(?<=^[ -]*)codes: \[""G"""), m => @"codes: [""GG"""),
        ("time of day out of range", new(@"(?m)(?<=^[ -]*)closes: ""\d\d:\d\d"""), m => @"closes: ""24:30"""),
        // Only where the window has a closing time: without one, late after 23:59 is a valid window.
        ("late after the close", new(@"(?m)(?<=^[ -]*)late_after: ""\d\d:\d\d""(?=\n *closes:)"), m => @"late_after: ""23:59"""),
        ("zero count", new(@"(?m)(?<=^[ -]*)at_least: \d+"), m => "at_least: 0"),
        ("stage number repeated", new(@"(?m)(?<=^ *- )stage: ([2-9])"), m => "stage: 1"),
        ("rule id not kebab-case", new(@"(?m)(?<=^[ -]*)- id: ""([a-z0-9-]+)"""), m => @"- id: ""Not Kebab"""),
        ("unknown action", new(@"(?m)(?<=^[ -]*)action: (letter|referral|notification)"), m => "action: telegram"),
        ("negative retention", new(@"(?m)(?<=^[ -]*)retention_years: \d+"), m => "retention_years: -1"),
        ("unknown window", new(@"(?m)(?<=^[ -]*)window: academic_year"), m => "window: fortnight"),
        ("duplicated rule id", new(@"(?m)(?<=^[ -]*)- id: ""([a-z0-9-]+)"""), m => @"- id: ""penalty-notice-threshold"""),
        ("a typo in a key", new(@"(?m)(?<=^[ -]*)title: "), m => "titel: "),
    ];

    private static readonly string[] Canonical =
        RepositoryPaths.AllPolicies().Select(p => PolicyWriter.Write(PolicyLoader.Load(p))).ToArray();

    public static Arbitrary<SubtlyInvalidCase> Cases() =>
        (from policy in Gen.Choose(0, 1000)
         from defect in Gen.Choose(0, Defects.Length - 1)
         from occurrence in Gen.Choose(0, 50)
         select new SubtlyInvalidCase(policy, defect, occurrence)).ToArbitrary();

    /// <summary>The policy's canonical text with the defect applied at one of its places, or null where it has none.</summary>
    public static string? Apply(SubtlyInvalidCase c)
    {
        var text = Canonical[c.Policy % Canonical.Length];
        var (_, pattern, replace) = Defects[c.Defect % Defects.Length];
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var m = matches[c.Occurrence % matches.Count];
        var replacement = replace(m);
        return replacement == m.Value ? null : text[..m.Index] + replacement + text[(m.Index + m.Length)..];
    }
}

[Properties(Arbitrary = [typeof(SubtlyInvalidPolicies)], MaxTest = 200)]
public class SubtlyInvalidPolicyProperties
{
    [Property]
    public void A_subtly_invalid_policy_is_refused_with_a_located_error_and_nothing_else_escapes(SubtlyInvalidCase c)
    {
        var text = SubtlyInvalidPolicies.Apply(c);
        if (text is null)
        {
            return;
        }

        var result = PolicyLoader.ReadString(text, "mutated.yaml");
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.False(result.Succeeded, "the defect was not noticed");
        Assert.NotEmpty(errors);
        var lines = text.Split('\n').Length;
        Assert.All(errors, e => Assert.InRange(e.Line, 1, lines));
        Assert.All(errors, e => Assert.True(e.Column >= 1));
    }

    [Fact]
    public void Every_defect_applies_to_some_seed_policy()
    {
        for (var defect = 0; defect < SubtlyInvalidPolicies.Defects.Length; defect++)
        {
            var d = defect;
            Assert.True(Enumerable.Range(0, 6).Any(p => SubtlyInvalidPolicies.Apply(new SubtlyInvalidCase(p, d, 0)) is not null),
                $"defect '{SubtlyInvalidPolicies.Defects[defect].Name}' never applies");
        }
    }
}
