using System.Globalization;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Validation;

/// <summary>Why a condition can never hold, and the part of it to point at.</summary>
/// <param name="At">The condition (or part of it) that can never hold.</param>
/// <param name="Reason">Why, as a clause: "attendance over the academic year cannot be both below 90 and at least 95".</param>
internal sealed record NeverFinding(Condition At, string Reason);

/// <summary>
/// Decides, soundly, that a condition can never hold or always holds: it says so only where no
/// register could make it otherwise, and says nothing where it cannot tell. A comparison holds
/// only where its measure has a value (docs/policy-format.md), so it never "always" holds, except
/// a count over a window that is not anchored at an action compared <c>at_least 0</c>.
/// </summary>
/// <param name="canFallDue">Whether an action can ever fall due; a window or change anchored at one that cannot has no value.</param>
internal sealed class NeverHolds(Func<ActionReference, bool> canFallDue)
{
    /// <summary>Why the condition can never hold, or null where it may.</summary>
    public NeverFinding? Find(Condition condition) => condition switch
    {
        Comparison c => Find(c),
        AllCondition all => FindAll(all),
        AnyCondition any => any.Conditions.Select(Find).ToList() is var branches && branches.TrueForAll(b => b is not null)
            ? new NeverFinding(any, branches.Count == 1 ? branches[0]!.Reason : "no branch of 'any' can hold (" + string.Join("; ", branches.Select(b => b!.Reason)) + ")")
            : null,
        NotCondition not when Always(not.Condition) => new NeverFinding(not, "'not' negates a condition that always holds"),
        _ => null,
    };

    /// <summary>Whether the condition holds at every point judged, on every register.</summary>
    public bool Always(Condition condition) => condition switch
    {
        Comparison c => !c.Measure.IsPercentage && c.Over.Anchor is null
            && Interval.Of(c.Operator, c.Value).Contains(Interval.Range(c.Measure)),
        AllCondition all => all.Conditions.All(Always),
        AnyCondition any => any.Conditions.Any(Always),
        NotCondition not => Find(not.Condition) is not null,
        _ => false,
    };

    private NeverFinding? Find(Comparison c)
    {
        foreach (var anchor in Anchors(c))
        {
            if (!canFallDue(anchor))
            {
                return new NeverFinding(c, $"{Measured(c)} needs {anchor} to have fallen due, which can never happen");
            }
        }

        if (Interval.Of(c.Operator, c.Value).Intersect(Interval.Range(c.Measure)).IsEmpty(!c.Measure.IsPercentage))
        {
            var range = c.Measure.IsPercentage
                ? string.Create(CultureInfo.InvariantCulture, $"from {c.Measure.Minimum} to {c.Measure.Maximum}")
                : "a whole number, 0 or more";
            return new NeverFinding(c, $"{c.Measure} is {range}, so never {Words(c)}");
        }

        return null;
    }

    private NeverFinding? FindAll(AllCondition all)
    {
        foreach (var part in all.Conditions)
        {
            if (Find(part) is { } finding)
            {
                return finding;
            }
        }

        // Comparisons of one measure over one window see the same value at a point, whatever their
        // min_possible_sessions; two whose intervals do not meet cannot both hold (in one dimension,
        // a set of intervals with no common point always has two that do not meet).
        var comparisons = Flatten(all).ToList();
        for (var i = 0; i < comparisons.Count; i++)
        {
            for (var j = i + 1; j < comparisons.Count; j++)
            {
                var (a, b) = (comparisons[i], comparisons[j]);
                if (a.Measure == b.Measure && a.Over == b.Over
                    && Interval.Of(a.Operator, a.Value).Intersect(Interval.Of(b.Operator, b.Value)).Intersect(Interval.Range(a.Measure)).IsEmpty(!a.Measure.IsPercentage))
                {
                    return new NeverFinding(all, $"{Measured(a)} cannot be both {Words(a)} and {Words(b)}");
                }
            }
        }

        return null;
    }

    private static IEnumerable<Comparison> Flatten(AllCondition all) =>
        all.Conditions.SelectMany(c => c switch
        {
            Comparison x => [x],
            AllCondition inner => Flatten(inner),
            _ => [],
        });

    private static IEnumerable<ActionReference> Anchors(Comparison c)
    {
        if (c.Over.Anchor is { } anchor)
        {
            yield return anchor;
        }

        if (c.Measure is ChangeMeasure change && change.Since != c.Over.Anchor)
        {
            yield return change.Since;
        }
    }

    /// <summary>"attendance over the term", "attendance since x", "the change in attendance since x".</summary>
    private static string Measured(Comparison c) =>
        !c.Measure.UsesWindow && c.Over is not MonitoringWindow ? c.Measure.ToString()!
        : c.Over is SinceWindow ? $"{c.Measure} {c.Over}"
        : $"{c.Measure} over {c.Over}";

    private static string Words(Comparison c) =>
        string.Create(CultureInfo.InvariantCulture, $"{OperatorCatalog.Words(c.Operator)} {c.Value:0.############}");
}
