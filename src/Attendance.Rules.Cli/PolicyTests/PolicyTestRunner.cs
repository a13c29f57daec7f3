using System.Globalization;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Cli.PolicyTests;

/// <summary>One scenario's result: the differences found (none when it passed).</summary>
internal sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// A coverage item of a policy: a rule (a staged rule counts through its stages instead), a stage of
/// a staged rule, a registration sanction, or an indicator (covered when it holds in some scenario).
/// </summary>
internal sealed record CoverageItem(string Kind, string Id, int? Stage)
{
    public override string ToString() => Stage is { } s ? $"{Kind} {Id} stage {s}" : $"{Kind} {Id}";
}

/// <summary>A tests file's results and the coverage of its policy.</summary>
internal sealed record TestFileResult(TestFile File, Policy Policy, IReadOnlyList<ScenarioResult> Scenarios, IReadOnlyList<CoverageItem> Items, IReadOnlySet<CoverageItem> Covered)
{
    public IEnumerable<CoverageItem> Uncovered => Items.Where(i => !Covered.Contains(i));

    /// <summary>Covered items as a percentage of all items (100 for a policy with none).</summary>
    public decimal CoveragePercent => Items.Count == 0 ? 100m : Math.Round(100m * Covered.Count / Items.Count, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Runs a tests file's scenarios against its policy and measures rule coverage.</summary>
internal static class PolicyTestRunner
{
    public static TestFileResult Run(TestFile file)
    {
        var loaded = PolicyLoader.ReadFile(file.PolicyPath);
        if (loaded.Policy is not { } policy)
        {
            throw new Input.InputException(
                [.. loaded.Diagnostics.Select(d => d.ToString()), $"{file.Path}: the policy {file.PolicyPath} is not valid"]);
        }

        var unknown = file.Scenarios.SelectMany(s => s.Expect.Indicators)
            .Where(i => !policy.Indicators.Any(x => x.Id == i.Id))
            .Select(i => $"{i.Location}: error: unknown indicator '{i.Id}'; " + (policy.Indicators.Count == 0
                ? $"the policy {policy.Id} has no indicators"
                : $"the policy's indicators: {string.Join(", ", policy.Indicators.Select(x => x.Id))}"))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new Input.InputException(unknown);
        }

        var compiled = PolicyEvaluator.Compile(policy);
        var covered = new HashSet<CoverageItem>();
        var results = new List<ScenarioResult>();
        foreach (var scenario in file.Scenarios)
        {
            var evaluation = compiled.Evaluate(scenario.Register, scenario.AsOf);
            results.Add(new ScenarioResult(scenario, Compare(scenario, evaluation)));
            covered.UnionWith(Fired(policy, evaluation));
        }

        var items = Items(policy);
        covered.IntersectWith(items);
        return new TestFileResult(file, policy, results, items, covered);
    }

    /// <summary>Every coverage item of a policy, in policy order.</summary>
    public static List<CoverageItem> Items(Policy policy)
    {
        var items = new List<CoverageItem>();
        foreach (var rule in policy.Rules)
        {
            if (rule is StagedRule staged)
            {
                items.AddRange(staged.Stages.Select(s => new CoverageItem("rule", rule.Id, s.Number)));
            }
            else
            {
                items.Add(new CoverageItem("rule", rule.Id, null));
            }
        }

        items.AddRange(policy.Registration.Sanctions.Select(s => new CoverageItem("sanction", s.Id, null)));
        items.AddRange(policy.Indicators.Select(i => new CoverageItem("indicator", i.Id, null)));
        return items;
    }

    private static IEnumerable<CoverageItem> Fired(Policy policy, PupilEvaluation evaluation)
    {
        foreach (var action in evaluation.Actions)
        {
            if (policy.Registration.Sanctions.Any(s => s.Id == action.RuleId))
            {
                yield return new CoverageItem("sanction", action.RuleId, null);
                continue;
            }

            yield return new CoverageItem("rule", action.RuleId, policy.FindRule(action.RuleId) is StagedRule ? action.Stage : null);
        }

        foreach (var hit in evaluation.ThresholdHits)
        {
            yield return new CoverageItem("rule", hit.RuleId, null);
        }

        foreach (var sanction in evaluation.LatenessOutcomes.SelectMany(o => o.Outcome.Sanctions))
        {
            yield return new CoverageItem("sanction", sanction.Id, null);
        }

        foreach (var indicator in evaluation.Indicators.Where(i => i.Holds))
        {
            yield return new CoverageItem("indicator", indicator.Id, null);
        }

        // A reinterpret rule produces no action of its own: it counts as fired when the engine counted
        // a mark with one of its codes as its count_as code.
        foreach (var rule in policy.Rules.OfType<ReinterpretRule>())
        {
            if (evaluation.Marks.Any(m => m.CountedAs != m.Code && m.CountedAs.Code == rule.CountAs && rule.Codes.Contains(m.Code.Code)))
            {
                yield return new CoverageItem("rule", rule.Id, null);
            }
        }
    }

    private static List<string> Compare(Scenario scenario, PupilEvaluation evaluation)
    {
        var differences = new List<string>();
        var expect = scenario.Expect;
        var figures = evaluation.Figures;
        foreach (var (name, value) in expect.Figures)
        {
            var actual = name switch
            {
                "possible" => Int(figures.PossibleSessions),
                "present" => Int(figures.AttendedSessions),
                "authorised" => Int(figures.AuthorisedAbsenceSessions),
                "unauthorised" => Int(figures.UnauthorisedAbsenceSessions),
                "late" => Int(figures.LateSessions),
                "attendance_percent" => figures.AttendancePercent is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "none",
                "persistent" => figures.IsPersistentAbsence ? "true" : "false",
                "severe" => figures.IsSevereAbsence ? "true" : "false",
                _ => throw new InvalidOperationException(name),
            };
            var same = name == "attendance_percent" && figures.AttendancePercent is { } percent
                ? decimal.Parse(value, CultureInfo.InvariantCulture) == percent
                : value == actual;
            if (!same)
            {
                differences.Add($"figures.{name}: expected {value}, got {actual}");
            }
        }

        if (expect.ThresholdHits is { } hits)
        {
            var actualHits = evaluation.ThresholdHits.Select(h => new ExpectedHit(h.RuleId, h.Date)).ToList();
            Diff("threshold hit", hits, actualHits, exact: true, differences);
        }

        foreach (var expected in expect.Indicators)
        {
            var holds = evaluation.Indicators.FirstOrDefault(i => i.Id == expected.Id)?.Holds;
            if (holds != expected.Holds)
            {
                differences.Add($"indicators.{expected.Id}: expected {(expected.Holds ? "true" : "false")}, got {(holds is { } h ? (h ? "true" : "false") : "none")}");
            }
        }

        var actualActions = evaluation.Actions.Select(a => new ExpectedAction(a.RuleId, a.Date, a.Stage)).ToList();
        var matchable = expect.Actions.Select(e => e.Stage is null
            ? actualActions.FirstOrDefault(a => a.Rule == e.Rule && a.Date == e.Date) ?? e
            : e).ToList();
        Diff("action", matchable, actualActions, expect.ExactActions, differences);
        foreach (var rule in expect.NoActions)
        {
            foreach (var fired in actualActions.Where(a => a.Rule == rule))
            {
                differences.Add($"- unwanted action: {fired}");
            }
        }

        return differences;
    }

    private static void Diff<T>(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, bool exact, List<string> differences)
        where T : notnull
    {
        var before = differences.Count;
        var remaining = actual.ToList();
        foreach (var item in expected)
        {
            if (!remaining.Remove(item))
            {
                differences.Add($"- missing {what}: {item}");
            }
        }

        if (exact)
        {
            differences.AddRange(remaining.Select(item => $"+ unexpected {what}: {item}"));
        }

        if (differences.Count > before)
        {
            differences.Add($"  actual {what}s: {(actual.Count == 0 ? "none" : string.Join("; ", actual))}");
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
