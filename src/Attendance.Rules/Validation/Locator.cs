using Attendance.Rules.Loading;

namespace Attendance.Rules.Validation;

/// <summary>
/// Turns a finding about a model object into a located warning: at the node the reader read it
/// from where the lookup has one, else (a policy built in code) at line 0 of the given name, with
/// the rule id only.
/// </summary>
internal sealed class Locator(IReadOnlyDictionary<object, YamlNode>? locations, string file)
{
    public string File => file;

    public YamlNode? Find(object? model) =>
        model is not null && locations is not null && locations.TryGetValue(model, out var node) ? node : null;

    /// <summary>A warning at the first of the objects that has a location; at a key of its mapping where one is given and present.</summary>
    public PolicyDiagnostic Warning(string? ruleId, string message, string? expected, string? key, params object?[] models)
    {
        var node = models.Select(Find).FirstOrDefault(n => n is not null);
        if (node is not null && key is not null && node.Get(key) is { } child)
        {
            node = child;
        }

        return node is null
            ? new PolicyDiagnostic(DiagnosticSeverity.Warning, file, 0, 0, ruleId, message, expected)
            : new PolicyDiagnostic(DiagnosticSeverity.Warning, node.File, node.Line, node.Column, ruleId, message, expected);
    }
}
