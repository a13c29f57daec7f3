using System.Text.Json.Nodes;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// The JSON Schema definitions of the policy language v2's conditions, generated from the same
/// declarations the reader and writer follow. A test keeps <c>policies/policy.schema.json</c> equal
/// to them.
/// </summary>
internal static class ConditionSchema
{
    /// <summary>The definition of the <c>codes_as</c> key, which the v1 rules' schema refers to.</summary>
    public const string CodeReadingSchemaName = "codesAs";

    /// <summary>Every generated definition, by name.</summary>
    public static IReadOnlyDictionary<string, JsonNode> Definitions()
    {
        var defs = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["condition"] = new JsonObject
            {
                ["description"] = "A condition: a comparison, or all / any / not over conditions.",
                ["oneOf"] = new JsonArray(Ref("comparison"), Combinator("all"), Combinator("any"), Not()),
            },
            ["comparison"] = Comparison(),
            ["measure"] = OneOf("What a comparison measures.", MeasureCatalog.All),
            ["window"] = OneOf("The window a comparison measures over (over:); academic_year when omitted.", WindowCatalog.All),
            ["actionReference"] = new JsonObject
            {
                ["description"] = "An earlier action: a rule id, { rule, stage } for a stage of a staged rule, or previous (the stage before, inside a staged rule).",
                ["anyOf"] = new JsonArray(
                    Ref("kebabId"),
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("rule"),
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject { ["rule"] = Ref("kebabId"), ["stage"] = Integer(1, 20) },
                    }),
            },
            // The v1 counting types take the same key as the code measures.
            [CodeReadingSchemaName] = Described(Value(CodeReadingKey.Spec), CodeReadingKey.Spec.Doc),
            ["judged"] = new JsonObject
            {
                ["description"] = "Optional: when the condition is checked: at the end of each school day (day, the default), after each session, or on the last school day of each week, half term, term or year.",
                ["enum"] = new JsonArray("session", "day", "week", "half_term", "term", "year", null),
            },
        };
        return defs;
    }

    private static JsonObject Comparison()
    {
        var properties = new JsonObject
        {
            ["measure"] = Ref("measure"),
            ["over"] = Ref("window"),
            ["min_possible_sessions"] = Described(Integer(0, 10_000), "For a percentage: the fewest possible sessions in the window for the comparison to hold."),
        };
        foreach (var (name, _, _, doc) in OperatorCatalog.All)
        {
            properties[name] = Described(new JsonObject { ["type"] = "number" }, doc);
        }

        return new JsonObject
        {
            ["description"] = "A measure over a window compared with a number, by exactly one operator.",
            ["type"] = "object",
            ["required"] = new JsonArray("measure"),
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["oneOf"] = new JsonArray([.. OperatorCatalog.All.Select(o => (JsonNode)new JsonObject { ["required"] = new JsonArray(o.Name) })]),
        };
    }

    private static JsonObject OneOf(string description, SyntaxDeclaration[] catalog)
    {
        var words = catalog.Where(d => d.Head is null).Select(d => (JsonNode)d.Name).ToArray();
        var forms = new JsonArray(new JsonObject { ["description"] = "One of the words.", ["enum"] = new JsonArray(words) });
        foreach (var declaration in catalog.Where(d => d.Head is not null))
        {
            var properties = new JsonObject();
            foreach (var key in declaration.AllKeys)
            {
                properties[key.Name] = Described(Value(key), key.Doc);
            }

            forms.Add(new JsonObject
            {
                ["description"] = $"{declaration.Name}: {declaration.Doc}",
                ["type"] = "object",
                ["required"] = new JsonArray([.. declaration.AllKeys.Where(k => k.Required).Select(k => (JsonNode)k.Name)]),
                ["additionalProperties"] = false,
                ["properties"] = properties,
            });
        }

        return new JsonObject { ["description"] = description, ["anyOf"] = forms };
    }

    private static JsonNode Value(KeySpec key) => key.Type switch
    {
        KeyType.Codes => Ref("codes"),
        KeyType.Fact => new JsonObject { ["enum"] = new JsonArray([.. Facts.Names.Keys.Select(k => (JsonNode)k)]) },
        KeyType.Reference => Ref("actionReference"),
        KeyType.Count => Integer(key.Min, key.Max),
        KeyType.Flag => new JsonObject { ["type"] = "boolean" },
        KeyType.Word => new JsonObject { ["enum"] = new JsonArray(key.Word!) },
        KeyType.Choice => new JsonObject { ["enum"] = new JsonArray([.. key.Choices!.Select(c => (JsonNode)c)]) },
        _ => new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray(key.Word!),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject { [key.Word!] = Integer(key.Min, key.Max) },
        },
    };

    private static JsonObject Combinator(string name) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray(name),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            [name] = new JsonObject
            {
                ["description"] = name == "all" ? "Holds when every condition holds." : "Holds when at least one condition holds.",
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = Ref("condition"),
            },
        },
    };

    private static JsonObject Not() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("not"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject { ["not"] = Described(Ref("condition"), "Holds when the condition does not.") },
    };

    private static JsonObject Integer(int min, int max) => new() { ["type"] = "integer", ["minimum"] = min, ["maximum"] = max };

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/definitions/" + name };

    private static JsonObject Described(JsonNode node, string description)
    {
        var result = new JsonObject { ["description"] = description };
        foreach (var pair in node.AsObject())
        {
            result[pair.Key] = pair.Value?.DeepClone();
        }

        return result;
    }
}
