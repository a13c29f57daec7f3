using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// Reads conditions, measures, windows and action references of the policy language v2, driven by
/// the declarations in <see cref="MeasureCatalog"/>, <see cref="WindowCatalog"/> and
/// <see cref="OperatorCatalog"/>; every problem is a located diagnostic, all of them at once.
/// </summary>
internal sealed class ConditionReader(NodeReader r, IReadOnlyDictionary<string, ValueList<string>> codeSets)
{
    /// <summary>The keys of a comparison besides its operator.</summary>
    public static readonly string[] ComparisonKeys = ["measure", "over", "min_possible_sessions"];

    /// <summary>The combinators.</summary>
    public static readonly string[] Combinators = ["all", "any", "not"];

    /// <summary>Where <c>previous</c> points: the staged rule's id and the previous stage's number; null outside a stage after the first.</summary>
    public (string Rule, int Stage)? Previous { get; set; }

    public Condition? Read(YamlNode node, string what) => r.Located(ReadUnlocated(node, what), node);

    private Condition? ReadUnlocated(YamlNode node, string what)
    {
        if (node.Kind != YamlNodeKind.Mapping)
        {
            r.Error(node, $"{what} must be a mapping, got {node.Describe()}", "{ measure: attendance, below: 95 } or { all: [...] }, { any: [...] }, { not: ... }");
            return null;
        }

        var combinator = Combinators.FirstOrDefault(c => node.Get(c) is not null);
        if (combinator is not null)
        {
            if (!r.Mapping(node, $"'{combinator}'", [combinator]))
            {
                return null;
            }

            var inner = node.Get(combinator)!;
            if (combinator == "not")
            {
                return Read(inner, "the condition under 'not'") is { } negated ? new NotCondition(negated) : null;
            }

            if (inner.Kind != YamlNodeKind.Sequence || inner.Items.Count == 0)
            {
                r.Error(inner, $"'{combinator}' must be a list of at least one condition, got {(inner.Kind == YamlNodeKind.Sequence ? "an empty list" : inner.Describe())}", $"{combinator}: [ {{ measure: ... }}, ... ]");
                return null;
            }

            var items = new List<Condition>();
            var ok = true;
            foreach (var item in inner.Items)
            {
                if (Read(item, $"a condition under '{combinator}'") is { } c)
                {
                    items.Add(c);
                }
                else
                {
                    ok = false;
                }
            }

            return !ok ? null : combinator == "all" ? new AllCondition(items.ToValueList()) : new AnyCondition(items.ToValueList());
        }

        return ReadComparison(node, what);
    }

    private Comparison? ReadComparison(YamlNode node, string what)
    {
        var operators = OperatorCatalog.All.Where(o => node.Get(o.Name) is not null).ToList();
        if (!r.Mapping(node, "a comparison", [.. ComparisonKeys, .. OperatorCatalog.All.Select(o => o.Name)]))
        {
            return null;
        }

        var measure = r.Required(node, "measure", "a comparison") is { } m ? ReadMeasure(m) : null;
        var window = node.Get("over") is { } o ? ReadWindow(o) : PeriodWindow.AcademicYear;
        var min = r.Int(node, "min_possible_sessions", "a comparison", 0, 10_000);
        if (operators.Count != 1)
        {
            r.Error(node, operators.Count == 0 ? $"{what} has no comparison operator" : $"{what} has more than one operator ({string.Join(", ", operators.Select(x => x.Name))})",
                "exactly one of: " + string.Join(", ", OperatorCatalog.All.Select(x => x.Name)));
            return null;
        }

        var op = operators[0];
        var valueNode = node.Get(op.Name)!;
        if (measure is null || window is null)
        {
            return null;
        }

        decimal? value = valueNode.Kind == YamlNodeKind.Scalar && !valueNode.IsQuoted && valueNode.Value!.Length <= 20
            && decimal.TryParse(valueNode.Value, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed : null;
        if (value is null || value < measure.Minimum || value > measure.Maximum)
        {
            r.Error(valueNode, $"'{op.Name}' compares {measure} with {valueNode.Describe()}", $"a number from {measure.Minimum} to {measure.Maximum}");
            return null;
        }

        if (!measure.IsPercentage && decimal.Truncate(value.Value) != value.Value)
        {
            r.Error(valueNode, $"{measure} is a count, compared with a whole number; got {value}", "a whole number");
            return null;
        }

        if (min is not null && (!measure.IsPercentage || measure is ChangeMeasure))
        {
            r.Error(node.Get("min_possible_sessions")!, $"min_possible_sessions applies to a percentage of possible sessions, not to {measure}", "no min_possible_sessions here");
            return null;
        }

        if (!measure.UsesWindow && node.Get("over") is { } overNode && !(measure is ChangeMeasure && window is MonitoringWindow))
        {
            r.Error(overNode, measure is ChangeMeasure
                ? $"{measure} is measured from its action's day: its window may only be a monitoring period, which says when it is judged"
                : $"{measure} has no window: it is the run up to the point judged",
                measure is ChangeMeasure ? "no 'over', or { within: { school_days: N }, after: <action> }" : "no 'over'");
            return null;
        }

        return new Comparison(measure, window, op.Operator, value.Value, min);
    }

    public Measure? ReadMeasure(YamlNode node) => Declared<Measure>(node, MeasureCatalog.All, "measure");

    public Window? ReadWindow(YamlNode node) => Declared<Window>(node, WindowCatalog.All, "window");

    private T? Declared<T>(YamlNode node, SyntaxDeclaration[] catalog, string noun)
        where T : class
    {
        var names = string.Join(", ", catalog.Select(d => d.Head is null ? d.Name : $"{{ {d.Head.Name}: ... }}").Distinct());
        if (node.Kind == YamlNodeKind.Scalar)
        {
            var word = catalog.FirstOrDefault(d => d.Head is null && d.Name == node.Value);
            if (word is null)
            {
                r.Error(node, $"unknown {noun} '{node.Value}'", "one of: " + names);
                return null;
            }

            return (T)word.Create(new SyntaxArgs());
        }

        if (node.Kind != YamlNodeKind.Mapping)
        {
            r.Error(node, $"a {noun} must be a word or a mapping, got {node.Describe()}", "one of: " + names);
            return null;
        }

        var heads = catalog.Where(d => d.Head is not null && node.Get(d.Head.Name) is not null).Select(d => d.Head!.Name).Distinct().ToList();
        if (heads.Count != 1)
        {
            r.Error(node, heads.Count == 0 ? $"unknown {noun} {node.Describe()}" : $"a {noun} names more than one kind ({string.Join(", ", heads)})", "one of: " + names);
            return null;
        }

        var head = node.Get(heads[0])!;
        var candidates = catalog.Where(d => d.Head?.Name == heads[0]).ToList();
        var declaration = candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(d => head.Kind == YamlNodeKind.Mapping && head.Get(d.Head!.Word!) is not null);
        if (declaration is null)
        {
            r.Error(head, $"'{heads[0]}' is {head.Describe()}", "one of: " + string.Join(", ", candidates.Select(d => $"{{ {heads[0]}: {{ {d.Head!.Word}: N }} }}")));
            return null;
        }

        var what = $"the {noun} '{declaration.Head!.Name}'";
        if (!r.Mapping(node, what, declaration.AllKeys.Select(k => k.Name).ToArray()))
        {
            return null;
        }

        var args = new SyntaxArgs();
        var ok = true;
        foreach (var key in declaration.AllKeys)
        {
            if (node.Get(key.Name) is not { } value)
            {
                if (key.Required)
                {
                    r.Error(node, $"{what} needs '{key.Name}' ({key.Doc})", $"{key.Name}: {key.Form}");
                    ok = false;
                }

                continue;
            }

            if (ReadValue(value, key, what) is { } v)
            {
                args.Set(key.Name, v);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? (T)declaration.Create(args) : null;
    }

    private object? ReadValue(YamlNode node, KeySpec key, string what)
    {
        switch (key.Type)
        {
            case KeyType.Codes:
                return ReadCodes(node, key.Name, what);
            case KeyType.Fact:
                if (node.Kind == YamlNodeKind.Scalar && node.Value is { } f && Facts.Names.TryGetValue(f, out var fact))
                {
                    return fact;
                }

                r.Error(node, $"'{key.Name}' of {what} is {node.Describe()}", "one of: " + string.Join(", ", Facts.Names.Keys));
                return null;
            case KeyType.Reference:
                return ReadReference(node, $"'{key.Name}' of {what}");
            case KeyType.Word:
                if (node.Kind == YamlNodeKind.Scalar && node.Value == key.Word)
                {
                    return key.Word;
                }

                r.Error(node, $"'{key.Name}' of {what} is {node.Describe()}", key.Word);
                return null;
            case KeyType.Choice:
                if (node.Kind == YamlNodeKind.Scalar && node.Value is { } choice && key.Choices!.Contains(choice, StringComparer.Ordinal))
                {
                    return choice;
                }

                r.Error(node, $"'{key.Name}' of {what} is {node.Describe()}", "one of: " + string.Join(", ", key.Choices!));
                return null;
            case KeyType.Flag:
                if (node.Kind == YamlNodeKind.Scalar && node.Value is "true" or "false")
                {
                    return node.Value == "true";
                }

                r.Error(node, $"'{key.Name}' of {what} is {node.Describe()}", "true or false");
                return null;
            case KeyType.Count:
                return Number(node, key, $"'{key.Name}' of {what}");
            default:
                if (node.Kind == YamlNodeKind.Mapping && r.Mapping(node, $"'{key.Name}' of {what}", [key.Word!]))
                {
                    return Number(node.Get(key.Word!)!, key, $"'{key.Word}' of {what}");
                }

                if (node.Kind != YamlNodeKind.Mapping)
                {
                    r.Error(node, $"'{key.Name}' of {what} is {node.Describe()}", key.Form);
                }

                return null;
        }
    }

    private object? Number(YamlNode node, KeySpec key, string what)
    {
        if (node.Kind == YamlNodeKind.Scalar && int.TryParse(node.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= key.Min && n <= key.Max)
        {
            return n;
        }

        r.Error(node, $"{what} is {node.Describe()}", $"a whole number from {key.Min} to {key.Max}");
        return null;
    }

    public CodeSelection? ReadCodes(YamlNode node, string key, string what)
    {
        if (node.Kind == YamlNodeKind.Scalar && !node.IsQuoted && node.Value is { } name && PolicyReader.IsKebab(name) && name.Length > 2)
        {
            if (codeSets.TryGetValue(name, out var set))
            {
                return new CodeSelection(name, set);
            }

            r.Error(node, $"'{name}' is not one of the policy's code sets", codeSets.Count == 0 ? "a list of codes" : "a list of codes or one of: " + string.Join(", ", codeSets.Keys));
            return null;
        }

        var codes = r.CodeList(node, key, what);
        return codes.Count == 0 ? null : new CodeSelection(null, codes);
    }

    /// <summary>Reads <c>rule-id</c>, <c>{ rule: id, stage: n }</c>, or <c>previous</c> inside a stage.</summary>
    public ActionReference? ReadReference(YamlNode node, string what)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.Value == "previous")
        {
            if (Previous is { } p)
            {
                return new ActionReference(p.Rule, p.Stage);
            }

            r.Error(node, $"{what} is 'previous', which names the stage before, and there is none here", "a rule id or { rule: <id>, stage: <n> }");
            return null;
        }

        if (node.Kind == YamlNodeKind.Scalar && node.Value is { } id)
        {
            if (!PolicyReader.IsKebab(id))
            {
                r.Error(node, $"{what} is '{id}', not a rule id", "a rule id such as 'stage-1-letter'");
                return null;
            }

            return new ActionReference(id);
        }

        if (node.Kind == YamlNodeKind.Mapping && r.Mapping(node, what, ["rule", "stage"]))
        {
            var rule = r.String(node, "rule", what, required: true);
            var stage = r.Int(node, "stage", what, 1, 20);
            return rule is null ? null : new ActionReference(rule, stage);
        }

        if (node.Kind != YamlNodeKind.Mapping)
        {
            r.Error(node, $"{what} is {node.Describe()}", "a rule id, { rule: <id>, stage: <n> } or previous");
        }

        return null;
    }
}
