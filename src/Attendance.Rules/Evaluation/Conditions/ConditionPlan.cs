using System.Text;
using Attendance.Rules.Evaluation.Rules;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Evaluation.Conditions;

/// <summary>
/// The compiled form of a policy's conditions: each condition a tree of nodes over shared columns.
/// Made once per compiled policy (immutable, shared by every run); the columns it names are made
/// per run by <see cref="CreateColumns"/>.
/// </summary>
internal sealed class ConditionPlan
{
    private readonly List<ColumnSpec> sessionSpecs = [];
    private readonly List<ColumnSpec> daySpecs = [];
    private readonly Policy policy;

    public ConditionPlan(Policy policy)
    {
        this.policy = policy;
        Rules = new PlanNode?[policy.Rules.Count];
        Stages = new PlanNode?[policy.Rules.Count][];
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            switch (policy.Rules[i])
            {
                case Policies.Rules.ConditionRule r:
                    Rules[i] = Compile(r.When);
                    break;
                case Policies.Rules.ScheduledRule { When: { } when }:
                    Rules[i] = Compile(when);
                    break;
                case Policies.Rules.StagedRule staged:
                    Stages[i] = [.. staged.Stages.Select(s => s.When is Policies.Rules.ConditionStage c ? Compile(c.When) : null)];
                    break;
            }
        }

        Indicators = [.. policy.Indicators.Select(x => Compile(x.When))];
    }

    /// <summary>Whether any condition was compiled, so runs keep the columns.</summary>
    public bool IsUsed { get; private set; }

    /// <summary>Each rule's condition, where it has one.</summary>
    public PlanNode?[] Rules { get; }

    /// <summary>Each staged rule's stages' conditions, where they have one (null for a stage of a v1 kind).</summary>
    public PlanNode?[]?[] Stages { get; }

    /// <summary>Each indicator's condition.</summary>
    public PlanNode[] Indicators { get; }

    /// <summary>The fixed session columns (<see cref="ConditionColumns.Possible"/> …) some condition reads, as bits by column: a run keeps only these.</summary>
    public int FixedColumns { get; private set; }

    public ConditionColumns CreateColumns() => new([.. sessionSpecs], [.. daySpecs], FixedColumns);

    private PlanNode Compile(Condition condition)
    {
        IsUsed = true;
        return condition switch
        {
            AllCondition all => new AllNode([.. all.Conditions.Select(Compile)]),
            AnyCondition any => new AnyNode([.. any.Conditions.Select(Compile)]),
            NotCondition not => new NotNode(Compile(not.Condition)),
            Comparison c => CompileComparison(c),
            _ => throw new InvalidOperationException($"no evaluator for condition {condition.GetType().Name}"),
        };
    }

    private ComparisonNode CompileComparison(Comparison c)
    {
        var column = c.Measure switch
        {
            PercentMeasure { Kind: PercentKind.Attendance } => ConditionColumns.Attended,
            PercentMeasure { Kind: PercentKind.Absence } => ConditionColumns.Absent,
            PercentMeasure => ConditionColumns.Unauthorised,
            LateMeasure => ConditionColumns.Late,
            CountMeasure m => ConditionColumns.Fixed + Spec(sessionSpecs, m.Codes, m.WithFact ?? 0, m.WithoutFact ?? 0, m.Reading),
            DaysMeasure m => Spec(daySpecs, m.Codes, 0, 0, m.Reading),
            RunMeasure m => Spec(daySpecs, m.Codes, 0, 0, m.Reading),
            SpellsMeasure m => Spec(daySpecs, m.Codes, 0, 0, m.Reading),
            _ => ConditionColumns.Attended,
        };
        var min = c.Measure.IsPercentage && c.Measure is not ChangeMeasure ? c.MinPossibleSessions ?? policy.Defaults.MinPossibleSessions ?? 0 : 0;
        var node = new ComparisonNode(c, column, min, Resolve(c.Over.Anchor), c.Measure is ChangeMeasure change ? Resolve(change.Since) : default);
        FixedColumns |= node.FixedColumns;
        return node;
    }

    private ResolvedReference Resolve(ActionReference? reference)
    {
        if (reference is null)
        {
            return new ResolvedReference(-1, 0);
        }

        for (var i = 0; i < policy.Rules.Count; i++)
        {
            if (policy.Rules[i].Id == reference.RuleId)
            {
                return new ResolvedReference(i, reference.Stage ?? 0);
            }
        }

        return new ResolvedReference(-1, 0);
    }

    public ResolvedReference ResolveReference(ActionReference reference) => Resolve(reference);

    private static int Spec(List<ColumnSpec> specs, CodeSelection codes, Registers.MarkFacts with, Registers.MarkFacts without, CodeReading reading)
    {
        var key = string.Join(",", codes.Codes.Order(StringComparer.Ordinal)) + "|" + (int)with + "|" + (int)without + "|" + (int)reading;
        var index = specs.FindIndex(s => s.Key == key);
        if (index >= 0)
        {
            return index;
        }

        specs.Add(new ColumnSpec(RuleRunner.Mask(codes), key, with, without, reading));
        return specs.Count - 1;
    }
}

/// <summary>A compiled condition.</summary>
internal abstract class PlanNode
{
    public abstract bool Holds(EvaluationRun run, in JudgedPoint p);

    /// <summary>Whether a monitoring period this condition waits for ends at this point (so a stage that did not hold is not judged again).</summary>
    public abstract bool MonitoringEnds(EvaluationRun run, in JudgedPoint p);

    /// <summary>The evidence: every part that held, with its figures (for a negation, the parts that did not).</summary>
    public abstract void Describe(EvaluationRun run, in JudgedPoint p, StringBuilder sb);
}

/// <summary>A combinator over a list: a monitoring period of any item ending ends the list's.</summary>
internal abstract class ListNode(PlanNode[] items) : PlanNode
{
    protected PlanNode[] Items => items;

    public override bool MonitoringEnds(EvaluationRun run, in JudgedPoint p)
    {
        foreach (var item in items)
        {
            if (item.MonitoringEnds(run, p))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class AllNode(PlanNode[] items) : ListNode(items)
{
    public override bool Holds(EvaluationRun run, in JudgedPoint p)
    {
        foreach (var item in Items)
        {
            if (!item.Holds(run, p))
            {
                return false;
            }
        }

        return true;
    }

    public override void Describe(EvaluationRun run, in JudgedPoint p, StringBuilder sb)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("; and ");
            }

            Items[i].Describe(run, p, sb);
        }
    }
}

internal sealed class AnyNode(PlanNode[] items) : ListNode(items)
{
    public override bool Holds(EvaluationRun run, in JudgedPoint p)
    {
        foreach (var item in Items)
        {
            if (item.Holds(run, p))
            {
                return true;
            }
        }

        return false;
    }

    public override void Describe(EvaluationRun run, in JudgedPoint p, StringBuilder sb)
    {
        // The parts that held; where none did (under a 'not'), every part, with its figures.
        var any = false;
        foreach (var item in Items)
        {
            any |= item.Holds(run, p);
        }

        var first = true;
        foreach (var item in Items)
        {
            if (any && !item.Holds(run, p))
            {
                continue;
            }

            if (!first)
            {
                sb.Append("; or ");
            }

            item.Describe(run, p, sb);
            first = false;
        }
    }
}

internal sealed class NotNode(PlanNode inner) : PlanNode
{
    public override bool Holds(EvaluationRun run, in JudgedPoint p) => !inner.Holds(run, p);

    public override bool MonitoringEnds(EvaluationRun run, in JudgedPoint p) => inner.MonitoringEnds(run, p);

    public override void Describe(EvaluationRun run, in JudgedPoint p, StringBuilder sb)
    {
        sb.Append("not (");
        inner.Describe(run, p, sb);
        sb.Append(')');
    }
}
