using System.Text;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Tests.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attendance.Rules.Tests.Reference;

/// <summary>One rule of a single comparison: the shapes the engine judges at fewer points than every one.</summary>
public sealed record SingleComparisonRule(int Seed, string Yaml)
{
    public override string ToString() => $"single comparison (seed {Seed}):{Environment.NewLine}{Yaml}";
}

/// <summary>
/// Random rules of one comparison, the shapes whose points the engine skips: a count compared upwards
/// (judged only where it rises) and a percentage over a growing window (judged again only once
/// enough possible sessions have passed for its answer to change), under every repeat, with and
/// without <c>after</c>, <c>applies_to</c> and a minimum of possible sessions.
/// </summary>
public static class SingleComparisonRules
{
    private static readonly string[] Percents = ["attendance", "absence", "unauthorised"];
    private static readonly string[] PercentWindows = ["academic_year", "term", "half_term", "current_and_previous_term", "{ since: first }"];
    private static readonly string[] Counts = ["{ count: [N, O, U, G] }", "{ count: [I] }", "{ count: [O], codes_as: recorded }", "{ days: [I, M] }", "{ run: unauthorised }", "{ spells: [I] }"];
    private static readonly string[] CountWindows = ["academic_year", "term", "{ rolling: { school_weeks: 2 } }", "{ rolling: { school_days: 5 } }", "{ rolling: { sessions: 6 } }", "{ since: first }"];
    private static readonly string[] Operators = ["below", "at_or_below", "above", "at_or_above", "at_least", "more_than", "at_most", "equals"];
    private static readonly string[] Values = ["0", "1", "2", "3", "50", "85", "90", "95", "96.5", "100"];

    public static Arbitrary<SingleComparisonRule> Rules() =>
        Gen.Choose(0, int.MaxValue).Select(Build).ToArbitrary();

    public static SingleComparisonRule Build(int seed)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var percent = random.Next(2) == 0;
        var measure = percent ? Pick(Percents) : Pick(Counts);
        var window = percent ? Pick(PercentWindows) : Pick(CountWindows);
        var op = Pick(Operators);
        var value = percent ? Pick(Values) : Pick<string>(["0", "1", "2", "3", "5"]);
        var min = percent && random.Next(3) == 0 ? $", min_possible_sessions: {random.Next(0, 25)}" : string.Empty;
        var sb = new StringBuilder();
        sb.AppendLine("id: single");
        sb.AppendLine("version: \"1\"");
        sb.AppendLine("name: Single");
        sb.AppendLine("document: { title: Single }");
        sb.AppendLine("compulsory_year_groups: [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\", \"11\"]");
        sb.AppendLine("code_sets: { unauthorised: [G, N, O, U] }");
        sb.AppendLine("rules:");
        // The rule the others wait for or count since: the first unauthorised absence, once a year.
        sb.AppendLine("  - id: first");
        sb.AppendLine("    title: First");
        sb.AppendLine("    action: letter");
        sb.AppendLine("    when: { measure: { count: [N, O, U, G] }, at_least: 1 }");
        sb.AppendLine("    source: generated");
        sb.AppendLine("  - id: r");
        sb.AppendLine("    title: R");
        sb.AppendLine($"    action: {Pick<string>(["meeting", "letter"])}");
        var over = measure.StartsWith("{ run", StringComparison.Ordinal) ? string.Empty : $" over: {window},"; // a run has no window
        sb.AppendLine($"    when: {{ measure: {measure},{over} {op}: {value}{min} }}");
        sb.AppendLine($"    judged: {Pick<string>(["day", "session"])}");
        var upward = !percent && op is "at_least" or "more_than" or "above" or "at_or_above" && !measure.StartsWith("{ days", StringComparison.Ordinal) && !measure.StartsWith("{ run", StringComparison.Ordinal) && !measure.StartsWith("{ spells", StringComparison.Ordinal);
        sb.AppendLine($"    repeat: {Pick<string>(upward ? ["once_per_year", "on_lapse", "every_time", "fresh"] : ["once_per_year", "on_lapse", "every_time"])}");
        if (random.Next(4) == 0)
        {
            sb.AppendLine("    after: first");
        }

        if (random.Next(3) == 0)
        {
            sb.AppendLine("    applies_to: { compulsory_age: true }");
        }

        sb.AppendLine("    source: generated");
        return new SingleComparisonRule(seed, sb.ToString());
    }
}

/// <summary>
/// The engine against the reference evaluator on <see cref="SingleComparisonRules"/>: skipping points
/// gives exactly the actions of judging every one. Half the registers carry a date of birth that
/// brings the pupil into compulsory school age part of the way through.
/// </summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries), typeof(SingleComparisonRules)], MaxTest = 1000)]
public class SkippedPointProperties
{
    [Property(Replay = "(20261202,1915)")]
    public void Judging_fewer_points_gives_the_actions_of_judging_every_one(RegisterCase c, SingleComparisonRule rule)
    {
        var read = PolicyLoader.ReadString(rule.Yaml, "single.yaml");
        Assert.True(read.Policy is not null, $"{string.Join(Environment.NewLine, read.Diagnostics)}{Environment.NewLine}{rule}");

        var register = GeneratedPolicyProperties.CodesOnly(c, null, rule.Seed, withBirth: true);
        DifferentialProperties.Compare(PolicyEvaluator.Compile(read.Policy), register, c with { Register = register }, rule.ToString());
    }
}
