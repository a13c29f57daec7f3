using System.Text.Json;
using System.Text.Json.Nodes;
using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Tests.Loading.Language;

/// <summary>
/// The schema's condition definitions are generated from the language's declarations. Run with
/// <c>ATTENDANCE_RULES_UPDATE_SCHEMA=1</c> to write them into policies/policy.schema.json after a change.
/// </summary>
public class ConditionSchemaTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Policies, "policy.schema.json");

    [Fact]
    public void The_schema_file_holds_exactly_the_generated_condition_definitions()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        var definitions = schema["definitions"]!.AsObject();
        var generated = ConditionSchema.Definitions();
        if (Environment.GetEnvironmentVariable("ATTENDANCE_RULES_UPDATE_SCHEMA") == "1")
        {
            foreach (var (name, node) in generated)
            {
                definitions[name] = node.DeepClone();
            }

            File.WriteAllText(SchemaPath, schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return;
        }

        Assert.All(generated, pair =>
        {
            Assert.True(definitions.ContainsKey(pair.Key), $"policy.schema.json lacks the definition '{pair.Key}'; run the tests with ATTENDANCE_RULES_UPDATE_SCHEMA=1");
            Assert.True(JsonNode.DeepEquals(definitions[pair.Key], pair.Value), $"policy.schema.json's definition '{pair.Key}' differs from the declarations; run the tests with ATTENDANCE_RULES_UPDATE_SCHEMA=1");
        });
    }

    [Fact]
    public void Every_measure_and_window_of_the_catalogs_is_in_the_generated_schema()
    {
        var text = string.Concat(ConditionSchema.Definitions().Values.Select(v => v.ToJsonString()));

        Assert.All(global::Attendance.Rules.Policies.Conditions.MeasureCatalog.All, d => Assert.Contains(d.Head?.Name ?? d.Name, text, StringComparison.Ordinal));
        Assert.All(global::Attendance.Rules.Policies.Conditions.WindowCatalog.All, d => Assert.Contains(d.Head?.Word ?? d.Name, text, StringComparison.Ordinal));
    }
}
