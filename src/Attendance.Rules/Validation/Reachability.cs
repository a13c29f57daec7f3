using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Validation;

/// <summary>
/// Which actions (rules and stages) can ever fall due. The least fixed point: an action is added
/// once what it waits for (its <c>after</c>, the stage before it, the actions its windows are
/// anchored at) can fall due and its condition can hold, so actions that wait on each other in a
/// cycle never are. Rule types other than <c>when</c> and <c>staged</c> are taken to fall due.
/// </summary>
internal sealed class Reachability
{
    private readonly HashSet<ActionReference> possible = [];

    private Reachability(Policy policy)
    {
        Conditions = new NeverHolds(possible.Contains);
        foreach (var rule in policy.Rules)
        {
            if (rule is not (ConditionRule or StagedRule) && rule.Action is not null)
            {
                possible.Add(new ActionReference(rule.Id));
            }
        }

        // Never-holding only shrinks as actions are added, so this rises to the fixed point.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var rule in policy.Rules)
            {
                changed |= rule switch
                {
                    ConditionRule c when c.Action is not null => Add(new ActionReference(c.Id), (c.After is null || possible.Contains(c.After)) && Conditions.Find(c.When) is null),
                    StagedRule s => AddStages(s),
                    _ => false,
                };
            }
        }
    }

    /// <summary>The analysis of conditions, with anchors at actions that cannot fall due taken as never having a value.</summary>
    public NeverHolds Conditions { get; }

    public static Reachability Of(Policy policy) => new(policy);

    public bool CanFallDue(ActionReference action) => possible.Contains(action);

    public static ActionReference Of(StagedRule rule, Stage stage) => new(rule.Id, stage.Number);

    /// <summary>Why a stage's own condition can never hold, or null; of the v1 conditions only attendance below 0% never can.</summary>
    public NeverFinding? Never(StageCondition condition) => condition switch
    {
        ConditionStage c => Conditions.Find(c.When),
        _ => null,
    };

    /// <summary>Whether a v1 stage condition can never hold: attendance below 0%.</summary>
    public static bool NeverV1(StageCondition condition) => condition is AttendanceBelowCondition { Percent: <= 0m, Inclusive: false };

    private bool AddStages(StagedRule rule)
    {
        var changed = false;
        for (var i = 0; i < rule.Stages.Count; i++)
        {
            var stage = rule.Stages[i];
            var self = Of(rule, stage);
            if (possible.Contains(self))
            {
                continue;
            }

            var previousDue = i == 0 || possible.Contains(Of(rule, rule.Stages[i - 1]));
            if (!previousDue || NeverV1(stage.When) || Never(stage.When) is not null)
            {
                break;
            }

            changed |= Add(self, true);
        }

        return changed;
    }

    private bool Add(ActionReference action, bool can) => can && possible.Add(action);
}
