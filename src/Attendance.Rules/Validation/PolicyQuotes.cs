using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Validation;

/// <summary>One <c>source</c> quote of a loaded policy and where it sits.</summary>
/// <param name="Location">Where it sits, naming the rule's (or sanction's) id, for example <c>rule 'attendance-concern' stage 1 follow-up 'Offer …'</c>.</param>
/// <param name="Owner">The top-level item it belongs to (a rule, window, sanction, note, the penalty notices, the absence flags' quotes).</param>
/// <param name="Quote">The quote as the policy gives it.</param>
/// <param name="RuleId">The rule (or indicator) it belongs to, where it belongs to one.</param>
internal sealed record QuoteSite(string Location, object Owner, string Quote, string? RuleId = null)
{
    /// <summary>The site in a report line: location (with the rule id) and quote.</summary>
    /// <returns>The description.</returns>
    public string Describe() => $"{Location}: \"{Quote}\"";
}

/// <summary>Collects every <c>source</c> quote of a loaded <see cref="Policy"/>.</summary>
internal static class PolicyQuotes
{
    /// <summary>Every quote: absence flags, registration windows and sanctions, penalty notices (with superseded fines), the leave section, notes, indicators, rules, their stages and follow-ups.</summary>
    /// <param name="policy">The loaded policy.</param>
    /// <returns>The quotes, in the policy's order.</returns>
    public static IEnumerable<QuoteSite> Collect(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var quote in policy.AbsenceFlagSources)
        {
            yield return new QuoteSite("absence_flags", policy.AbsenceFlagSources, quote);
        }

        foreach (var window in policy.Registration.Windows)
        {
            var years = window.YearGroups.Count == 0 ? string.Empty : $" (years {string.Join(", ", window.YearGroups)})";
            foreach (var quote in window.Sources)
            {
                yield return new QuoteSite($"registration window {window.Session}{years}", window, quote);
            }
        }

        foreach (var sanction in policy.Registration.Sanctions)
        {
            foreach (var quote in sanction.Sources)
            {
                yield return new QuoteSite($"registration sanction '{sanction.Id}'", sanction, quote);
            }
        }

        if (policy.PenaltyNotices is { } notices)
        {
            foreach (var quote in notices.Sources)
            {
                yield return new QuoteSite("penalty_notices", notices, quote);
            }

            foreach (var superseded in notices.Superseded)
            {
                foreach (var quote in superseded.Sources)
                {
                    yield return new QuoteSite($"penalty_notices superseded {string.Join("/", superseded.Amounts)}", notices, quote);
                }
            }
        }

        if (policy.Leave is { } leave)
        {
            foreach (var quote in leave.Discretion.Sources)
            {
                yield return new QuoteSite($"leave discretion '{leave.Discretion.Id}'", leave, quote);
            }

            foreach (var codes in leave.Codes)
            {
                foreach (var quote in codes.Sources)
                {
                    yield return new QuoteSite($"leave codes of {codes.Type}", leave, quote);
                }
            }

            foreach (var condition in leave.Conditions)
            {
                foreach (var quote in condition.Sources)
                {
                    yield return new QuoteSite($"leave condition '{condition.Id}'", leave, quote);
                }
            }
        }

        foreach (var note in policy.Notes)
        {
            foreach (var quote in note.Sources)
            {
                yield return new QuoteSite($"note '{note.Topic}'", note, quote);
            }
        }

        foreach (var indicator in policy.Indicators)
        {
            foreach (var quote in indicator.Sources)
            {
                yield return new QuoteSite($"indicator '{indicator.Id}'", indicator, quote, indicator.Id);
            }
        }

        foreach (var rule in policy.Rules)
        {
            foreach (var site in Collect(rule))
            {
                yield return site;
            }
        }
    }

    private static IEnumerable<QuoteSite> Collect(Rule rule)
    {
        var where = $"rule '{rule.Id}'";
        foreach (var quote in rule.Sources)
        {
            yield return new QuoteSite(where, rule, quote, rule.Id);
        }

        foreach (var site in FollowUps(where, rule, rule.FollowUps))
        {
            yield return site;
        }

        if (rule is StagedRule staged)
        {
            foreach (var stage in staged.Stages)
            {
                var stageWhere = $"{where} stage {stage.Number}";
                foreach (var quote in stage.Sources)
                {
                    yield return new QuoteSite(stageWhere, rule, quote, rule.Id);
                }

                foreach (var site in FollowUps(stageWhere, rule, stage.FollowUps))
                {
                    yield return site;
                }
            }
        }
    }

    private static IEnumerable<QuoteSite> FollowUps(string where, Rule rule, ValueList<FollowUp> followUps) =>
        followUps.SelectMany(f => f.Sources.Select(q => new QuoteSite($"{where} follow-up '{f.Title}'", rule, q, rule.Id)));
}
