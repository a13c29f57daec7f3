using System.Globalization;
using Attendance.Rules.Loading.Canonical;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// Builds the canonical form of conditions, driven by the same declarations as the reader:
/// combinators in block style, each comparison as one flow mapping with its keys in a fixed order
/// (<c>measure</c>, <c>over</c> unless the default, the operator, <c>min_possible_sessions</c>).
/// </summary>
internal static class ConditionWriter
{
    /// <summary>A condition's canonical form.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="codes">A code selection's form (a set name or a list of codes).</param>
    public static CanonicalNode Node(Condition condition, Func<CodeSelection, CanonicalNode> codes) => condition switch
    {
        Comparison c => Flow(c, codes),
        NotCondition not => new CanonicalMap().Add("not", Node(not.Condition, codes)),
        AllCondition all => new CanonicalMap().Add("all", List(all.Conditions, codes)),
        AnyCondition any => new CanonicalMap().Add("any", List(any.Conditions, codes)),
        _ => throw new ArgumentException($"a condition of an unknown kind {condition.GetType().Name}", nameof(condition)),
    };

    private static CanonicalList List(ValueList<Condition> items, Func<CodeSelection, CanonicalNode> codes)
    {
        var list = new CanonicalList(ListLayout.Block);
        list.Items.AddRange(items.Select(i => Node(i, codes)));
        return list;
    }

    /// <summary>A comparison as one flow mapping.</summary>
    private static CanonicalMap Flow(Comparison c, Func<CodeSelection, CanonicalNode> codes)
    {
        var map = new CanonicalMap(flow: true).Add("measure", Declared(c.Measure, MeasureCatalog.All, codes));
        if (c.Over != PeriodWindow.AcademicYear)
        {
            map.Add("over", Declared(c.Over, WindowCatalog.All, codes));
        }

        map.Add(OperatorCatalog.Name(c.Operator), new CanonicalScalar(Number(c.Value)));
        if (c.MinPossibleSessions is { } min)
        {
            map.Add("min_possible_sessions", new CanonicalScalar(min.ToString(CultureInfo.InvariantCulture)));
        }

        return map;
    }

    /// <summary>A measure or window: its bare name, or its mapping with every key given, in the declaration's order.</summary>
    private static CanonicalNode Declared(object model, SyntaxDeclaration[] catalog, Func<CodeSelection, CanonicalNode> codes)
    {
        var declaration = catalog.First(d => d.Owns(model));
        if (declaration.Head is null)
        {
            return new CanonicalScalar(declaration.Name);
        }

        var args = declaration.Args(model);
        var map = new CanonicalMap(flow: true);
        foreach (var key in declaration.AllKeys)
        {
            if (args.Get(key.Name) is { } value)
            {
                map.Add(key.Name, Value(key, value, codes));
            }
        }

        return map;
    }

    private static CanonicalNode Value(KeySpec key, object value, Func<CodeSelection, CanonicalNode> codes) => key.Type switch
    {
        KeyType.Codes => codes((CodeSelection)value),
        KeyType.Fact => new CanonicalScalar(Facts.Name((Registers.MarkFacts)value)),
        KeyType.Reference => Reference((ActionReference)value),
        KeyType.Count => new CanonicalScalar(((int)value).ToString(CultureInfo.InvariantCulture)),
        KeyType.Flag => new CanonicalScalar((bool)value ? "true" : "false"),
        KeyType.Word or KeyType.Choice => new CanonicalScalar((string)value),
        _ => new CanonicalMap(flow: true).Add(key.Word!, new CanonicalScalar(((int)value).ToString(CultureInfo.InvariantCulture))),
    };

    /// <summary>A reference: the rule's id, or <c>{ rule: id, stage: n }</c>.</summary>
    public static CanonicalNode Reference(ActionReference reference) =>
        reference.Stage is { } s
            ? new CanonicalMap(flow: true).Add("rule", new CanonicalScalar(reference.RuleId)).Add("stage", new CanonicalScalar(s.ToString(CultureInfo.InvariantCulture)))
            : new CanonicalScalar(reference.RuleId);

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
