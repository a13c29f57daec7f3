using System.Globalization;
using System.Text.RegularExpressions;
using Attendance.Rules.Codes;
using Attendance.Rules.Loading;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Attendance.Rules.Tests.Loading;

public class PolicySchemaTests
{
    private const string Modeline = "# yaml-language-server: $schema=";

    // A small policy the loader accepts; each case below changes one thing in it.
    private const string Valid = """
        id: schema-test
        version: "1"
        name: Schema Test School
        document:
          title: Attendance Policy
          date: 2025-09-01
        code_sets:
          unauthorised: [G, N, O, U]
        registration:
          windows:
            - session: AM
              opens: "08:30"
              late_after: "08:40"
              closes: "09:00"
              source: "The register closes at 9.00am."
        rules:
          - id: attendance-letter
            type: attendance_below
            title: Attendance letter
            action: letter
            percent: 96
            source: "Attendance below 96%."
          - id: penalty
            type: session_count
            title: Penalty notice
            action: referral
            codes: unauthorised
            at_least: 10
            window: { rolling_school_weeks: 10 }
            source: "10 sessions in 10 school weeks."
          - id: stages
            type: staged
            title: Stages
            stages:
              - stage: 1
                title: Stage 1
                action: letter
                when: { type: attendance_below, percent: 95 }
                source: "Stage 1."
              - stage: 2
                title: Stage 2
                action: meeting
                when: { type: attendance_declined, since_stage: 1 }
                source: "Stage 2."
        """;

    internal static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath)).GetAwaiter().GetResult());

    private static string SchemaPath => Path.Combine(RepositoryPaths.Policies, "policy.schema.json");

    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.AllPolicies())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Policies, path));
        }

        return data;
    }

    // Each case is one edit to the valid policy: (name, text to find, replacement). The loader must reject every one.
    public static TheoryData<string, string, string> Rejected() => new()
    {
        { "an unknown top-level key", "name: Schema Test School", "name: Schema Test School\nheadteacher: Ms Smith" },
        { "an unknown rule type", "type: attendance_below", "type: attendance_above" },
        { "a percent of 140", "percent: 96", "percent: 140" },
        { "a time \"9am\"", "closes: \"09:00\"", "closes: \"9am\"" },
        { "a time 24:00", "closes: \"09:00\"", "closes: \"24:00\"" },
        { "an unknown key in a rule", "percent: 96", "percent: 96\n    threshold: 96" },
        { "an action on a staged rule", "type: staged", "type: staged\n    action: letter" },
        { "a rule with no source", "    source: \"Attendance below 96%.\"\n", string.Empty },
        { "two counts in a session_count rule", "at_least: 10", "at_least: 10\n    more_than: 9" },
        { "no count in a session_count rule", "\n    at_least: 10", string.Empty },
        { "an unknown window", "window: { rolling_school_weeks: 10 }", "window: fortnight" },
        { "a rolling window of 61 weeks", "rolling_school_weeks: 10", "rolling_school_weeks: 61" },
        { "a first stage that is not attendance_below", "when: { type: attendance_below, percent: 95 }", "when: { type: absence_after_previous }" },
        { "an unknown stage condition", "when: { type: attendance_declined, since_stage: 1 }", "when: { type: attendance_fell, since_stage: 1 }" },
        { "an unknown key in a stage condition", "when: { type: attendance_declined, since_stage: 1 }", "when: { type: attendance_declined, since_stage: 1, percent: 90 }" },
        { "stage 21", "stage: 2\n", "stage: 21\n" },
        { "a code that is not national", "[G, N, O, U]", "[G, N, O, A]" },
        { "a code listed twice", "[G, N, O, U]", "[G, N, O, O]" },
        { "a code-set name with capitals", "unauthorised: [G, N, O, U]", "Unauthorised: [G, N, O, U]" },
        { "an unknown action", "action: letter\n    percent", "action: email\n    percent" },
        { "an empty source list", "source: \"Attendance below 96%.\"", "source: []" },
        { "a policy id with capitals", "id: schema-test", "id: Schema-Test" },
        { "a rule id with a space", "id: attendance-letter", "id: attendance letter" },
        { "no document", "document:\n  title: Attendance Policy\n  date: 2025-09-01\n", string.Empty },
        { "a document date that is not a date", "date: 2025-09-01", "date: 2025-02-30" },
        { "a session of EVE", "session: AM", "session: EVE" },
        { "disable without extends", "name: Schema Test School", "name: Schema Test School\ndisable: [penalty-notice-threshold]" },
        { "retention of 0 years", "name: Schema Test School", "name: Schema Test School\nretention_years: 0" },
        { "a quoted percent", "percent: 96", "percent: \"96\"" },
        { "a true that is quoted", "percent: 96", "percent: 96\n    inclusive: \"true\"" },
    };

    // Edits the loader accepts: the schema must accept them too.
    public static TheoryData<string, string, string> Accepted() => new()
    {
        { "the policy as it is", "id: schema-test", "id: schema-test" },
        { "one code without a list", "codes: unauthorised", "codes: N" },
        { "a list of codes", "codes: unauthorised", "codes: ['/', '\\', L]" },
        { "a count in days", "at_least: 10", "days: 5" },
        { "a count as more than", "at_least: 10", "more_than: 9" },
        { "an academic-year window", "window: { rolling_school_weeks: 10 }", "window: academic_year" },
        { "several quotes", "source: \"Attendance below 96%.\"", "source: [\"Attendance below\", \"96%.\"]" },
        { "null optional values", "percent: 96", "percent: 96\n    inclusive: null\n    period: null\n    repeat: null\n    note: null" },
        { "a decimal percent", "percent: 96", "percent: 96.5" },
        { "unquoted year groups and version", "version: \"1\"", "version: 2025.1\ncompulsory_year_groups: [1, 2, 3]" },
        { "a window for some year groups", "session: AM", "session: AM\n      year_groups: [\"7\", \"8\"]\n      accepted_reason_code: null" },
        { "a document without a date", "date: 2025-09-01", "date: null" },
        { "extends with disable", "name: Schema Test School", "name: Schema Test School\nextends: england-2024\ndisable: [la-sickness-return]" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_file_validates_against_the_schema(string relativePath)
    {
        var json = YamlToJson(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, relativePath)));

        var errors = Schema.Value.Validate(json);

        Assert.True(errors.Count == 0, relativePath + ":" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_file_starts_with_a_modeline_naming_the_schema_by_a_relative_path(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Policies, relativePath);
        var firstLine = File.ReadLines(path).First();

        Assert.StartsWith(Modeline, firstLine, StringComparison.Ordinal);
        var schemaReference = firstLine[Modeline.Length..].Trim();
        Assert.False(Path.IsPathRooted(schemaReference), $"{relativePath} names the schema by an absolute path: {schemaReference}");
        Assert.DoesNotContain("://", schemaReference, StringComparison.Ordinal);
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaReference));
        Assert.True(File.Exists(resolved), $"{relativePath} names {schemaReference}, which does not exist");
        Assert.Equal(Path.GetFullPath(SchemaPath), resolved);
    }

    [Fact]
    public void The_embedded_schema_is_the_schema_file()
    {
        Assert.Equal(File.ReadAllText(SchemaPath), EmbeddedPolicies.Schema());
    }

    [Fact]
    public void The_schema_is_draft_07()
    {
        var schema = JObject.Parse(File.ReadAllText(SchemaPath));

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void The_schema_rejects_what_the_loader_rejects(string change, string find, string replace)
    {
        var yaml = Edit(find, replace);

        Assert.False(PolicyLoader.ReadString(yaml).Succeeded, $"the loader accepts {change}; the case is wrong");
        Assert.NotEmpty(Schema.Value.Validate(YamlToJson(yaml)));
    }

    [Theory]
    [InlineData("name: Schema Test School", "headteacher: Ms Smith\nname: Schema Test School", ValidationErrorKind.NoAdditionalPropertiesAllowed, "headteacher")]
    [InlineData("type: attendance_below", "type: attendance_above", ValidationErrorKind.NotInEnumeration, "type")]
    [InlineData("percent: 96", "percent: 140", ValidationErrorKind.NumberTooBig, "percent")]
    [InlineData("closes: \"09:00\"", "closes: \"9am\"", ValidationErrorKind.PatternMismatch, "closes")]
    public void The_schema_says_what_is_wrong(string find, string replace, ValidationErrorKind kind, string property)
    {
        var errors = Flatten(Schema.Value.Validate(YamlToJson(Edit(find, replace)))).ToList();

        Assert.True(errors.Exists(e => e.Kind == kind && e.Property == property), string.Join(Environment.NewLine, errors.Select(e => $"{e.Kind} {e.Property} {e.Path}")));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_schema_accepts_what_the_loader_accepts(string change, string find, string replace)
    {
        var yaml = Edit(find, replace);
        var loaded = PolicyLoader.ReadString(yaml);

        Assert.True(loaded.Succeeded, $"the loader rejects {change}: " + string.Join(Environment.NewLine, loaded.Diagnostics));
        var errors = Schema.Value.Validate(YamlToJson(yaml));
        Assert.True(errors.Count == 0, change + ":" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_schema_lists_exactly_the_top_level_keys_the_loader_reads()
    {
        var properties = ((JObject)JObject.Parse(File.ReadAllText(SchemaPath))["properties"]!).Properties().Select(p => p.Name);

        Assert.Equal(PolicyReader.TopLevelKeys.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_schema_codes_are_the_2024_national_codes()
    {
        var codes = JObject.Parse(File.ReadAllText(SchemaPath))["definitions"]!["code"]!["enum"]!.Values<string>();

        Assert.Equal(NationalCodeTable.CodesOf(CodeSet.Regulations2024).Select(c => c.Code).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_schema_actions_are_the_loader_actions()
    {
        var actions = JObject.Parse(File.ReadAllText(SchemaPath))["definitions"]!["action"]!["enum"]!.Values<string>();

        Assert.Equal(PolicyReader.ActionNames.Keys.Order(StringComparer.Ordinal), actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_schema_rule_types_are_the_loader_rule_types()
    {
        var types = JObject.Parse(File.ReadAllText(SchemaPath))["definitions"]!["typedRule"]!["properties"]!["type"]!["enum"]!.Values<string>().ToList();

        Assert.Equal(12, types.Count);
        Assert.All(types.Append("attendance_above"), type =>
        {
            var yaml = $"id: p\nversion: \"1\"\nname: P\ndocument: {{ title: T }}\nrules:\n  - {{ id: r, type: {type}, title: T }}\n";
            var unknown = PolicyLoader.ReadString(yaml).Diagnostics.Any(d => d.Message.Contains("unknown rule type", StringComparison.Ordinal));
            Assert.Equal(type == "attendance_above", unknown);
        });
    }

    [Fact]
    public void The_yaml_conversion_keeps_quoted_scalars_as_text()
    {
        var json = YamlToJson("a: 96\nb: \"96\"\nc: true\nd: 'true'\ne: null\nf: 96.5\ng: 2025-09-01\nh: >-\n  10\n");

        Assert.Equal(JTokenType.Integer, json["a"]!.Type);
        Assert.Equal(JTokenType.String, json["b"]!.Type);
        Assert.Equal(JTokenType.Boolean, json["c"]!.Type);
        Assert.Equal(JTokenType.String, json["d"]!.Type);
        Assert.Equal(JTokenType.Null, json["e"]!.Type);
        Assert.Equal(JTokenType.Float, json["f"]!.Type);
        Assert.Equal(JTokenType.String, json["g"]!.Type);
        Assert.Equal(JTokenType.String, json["h"]!.Type);
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e switch
        {
            ChildSchemaValidationError child => child.Errors.Values.SelectMany(Flatten).Prepend(e),
            MultiTypeValidationError multi => multi.Errors.Values.SelectMany(Flatten).Prepend(e),
            _ => [e],
        });

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>
    /// Converts a policy to JSON as an editor does (YAML 1.2 core schema): unquoted numbers, true/false
    /// and null become numbers, booleans and null; quoted and block scalars stay text.
    /// </summary>
    internal static JToken YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? JValue.CreateNull() : Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(p => new JProperty(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new JValue(value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (Regex.IsMatch(value, "^[-+]?[0-9]+$") && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return new JValue(whole);
        }

        if (Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }

        return new JValue(value);
    }
}
