using System.Globalization;
using System.Text;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// Writes conditions canonically, driven by the same declarations as the reader: combinators in
/// block style, each comparison as one flow mapping with its keys in a fixed order
/// (<c>measure</c>, <c>over</c> unless the default, the operator, <c>min_possible_sessions</c>).
/// </summary>
internal static class ConditionWriter
{
    /// <summary>Writes <c>key:</c> and the condition under it.</summary>
    /// <param name="sb">The output.</param>
    /// <param name="indent">The key's indent.</param>
    /// <param name="key">The key, for example <c>when</c>.</param>
    /// <param name="condition">The condition.</param>
    /// <param name="codes">Writes a code selection (a set name or a quoted list).</param>
    public static void Write(StringBuilder sb, int indent, string key, Condition condition, Func<CodeSelection, string> codes)
    {
        if (condition is Comparison c)
        {
            sb.Append(' ', indent).Append(key).Append(": ").Append(Flow(c, codes)).Append('\n');
            return;
        }

        sb.Append(' ', indent).Append(key).Append(":\n");
        Body(sb, indent + 2, condition, codes);
    }

    /// <summary>A combinator's lines at <paramref name="indent"/>.</summary>
    private static void Body(StringBuilder sb, int indent, Condition condition, Func<CodeSelection, string> codes)
    {
        switch (condition)
        {
            case NotCondition not:
                Write(sb, indent, "not", not.Condition, codes);
                break;
            case AllCondition all:
                List(sb, indent, "all", all.Conditions, codes);
                break;
            case AnyCondition any:
                List(sb, indent, "any", any.Conditions, codes);
                break;
            default:
                throw new ArgumentException($"a condition of an unknown kind {condition.GetType().Name}", nameof(condition));
        }
    }

    private static void List(StringBuilder sb, int indent, string key, ValueList<Condition> items, Func<CodeSelection, string> codes)
    {
        sb.Append(' ', indent).Append(key).Append(":\n");
        foreach (var item in items)
        {
            if (item is Comparison c)
            {
                sb.Append(' ', indent + 2).Append("- ").Append(Flow(c, codes)).Append('\n');
                continue;
            }

            // The item's mapping is written at indent + 4; its first line takes the dash.
            var start = sb.Length;
            Body(sb, indent + 4, item, codes);
            sb[start + indent + 2] = '-';
        }
    }

    /// <summary>A comparison as one flow mapping.</summary>
    public static string Flow(Comparison c, Func<CodeSelection, string> codes)
    {
        var parts = new List<string> { "measure: " + Declared(c.Measure, MeasureCatalog.All, codes) };
        if (c.Over != PeriodWindow.AcademicYear)
        {
            parts.Add("over: " + Declared(c.Over, WindowCatalog.All, codes));
        }

        parts.Add(OperatorCatalog.Name(c.Operator) + ": " + Number(c.Value));
        if (c.MinPossibleSessions is { } min)
        {
            parts.Add("min_possible_sessions: " + min.ToString(CultureInfo.InvariantCulture));
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    /// <summary>A measure or window: its bare name, or its mapping with every key given, in the declaration's order.</summary>
    public static string Declared(object model, SyntaxDeclaration[] catalog, Func<CodeSelection, string> codes)
    {
        var declaration = catalog.First(d => d.Owns(model));
        if (declaration.Head is null)
        {
            return declaration.Name;
        }

        var args = declaration.Args(model);
        var parts = declaration.AllKeys
            .Where(k => args.Get(k.Name) is not null)
            .Select(k => k.Name + ": " + Value(k, args.Get(k.Name)!, codes));
        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string Value(KeySpec key, object value, Func<CodeSelection, string> codes) => key.Type switch
    {
        KeyType.Codes => codes((CodeSelection)value),
        KeyType.Fact => Facts.Name((Registers.MarkFacts)value),
        KeyType.Reference => Reference((ActionReference)value),
        KeyType.Count => ((int)value).ToString(CultureInfo.InvariantCulture),
        KeyType.Flag => (bool)value ? "true" : "false",
        KeyType.Word => (string)value,
        _ => $"{{ {key.Word}: {((int)value).ToString(CultureInfo.InvariantCulture)} }}",
    };

    /// <summary>A reference: the rule's id, or <c>{ rule: "id", stage: n }</c>.</summary>
    public static string Reference(ActionReference reference) =>
        reference.Stage is { } s ? $"{{ rule: {reference.RuleId}, stage: {s.ToString(CultureInfo.InvariantCulture)} }}" : reference.RuleId;

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
