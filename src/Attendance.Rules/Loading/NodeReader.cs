using System.Globalization;
using Attendance.Rules.Codes;
using Attendance.Rules.Policies;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Loading;

/// <summary>
/// Typed reads of <see cref="YamlNode"/>s that record a located diagnostic for every problem and
/// return a usable default, so that one load reports every problem at once.
/// </summary>
internal sealed class NodeReader
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public List<PolicyDiagnostic> Diagnostics { get; } = [];

    /// <summary>
    /// Where each rule, stage, indicator, condition and <c>source</c> quote of the model was read
    /// from, by reference (the model's records compare by value and carry no location), for checks
    /// of meaning made on the model after reading.
    /// </summary>
    public Dictionary<object, YamlNode> Locations { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records where a model object was read from, and returns it.</summary>
    public T? Located<T>(T? model, YamlNode at)
        where T : class
    {
        if (model is not null)
        {
            Locations[model] = at;
        }

        return model;
    }

    public string? RuleId { get; set; }

    public bool HasErrors => Diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>"a" or "an" before a word, by its first letter.</summary>
    public static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    public void Error(YamlNode at, string message, string? expected = null) =>
        Diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, at.File, at.Line, at.Column, RuleId, message, expected));

    public void Warn(YamlNode at, string message, string? expected = null) =>
        Diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Warning, at.File, at.Line, at.Column, RuleId, message, expected));

    /// <summary>Checks a node is a mapping with only the allowed keys.</summary>
    public bool Mapping(YamlNode node, string what, IReadOnlyCollection<string> allowed)
    {
        if (node.Kind != YamlNodeKind.Mapping)
        {
            Error(node, $"{what} must be a mapping, got {node.Describe()}", "keys such as " + string.Join(", ", allowed.Take(4)));
            return false;
        }

        foreach (var pair in node.Pairs)
        {
            if (!allowed.Contains(pair.Key.Value!))
            {
                Error(pair.Key, $"unknown key '{pair.Key.Value}' in {what}", "one of: " + string.Join(", ", allowed));
            }
        }

        return true;
    }

    public YamlNode? Required(YamlNode map, string key, string what)
    {
        var value = map.Get(key);
        if (value is null)
        {
            Error(map, $"{what} has no '{key}'", $"{Article(key)} '{key}:' key");
        }

        return value;
    }

    public string? String(YamlNode map, string key, string what, bool required)
    {
        var node = required ? Required(map, key, what) : map.Get(key);
        if (node is null || (!required && node.IsNull))
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar || node.IsNull || string.IsNullOrWhiteSpace(node.Value))
        {
            Error(node, $"'{key}' of {what} must be text, got {node.Describe()}", "a non-empty string");
            return null;
        }

        return node.Value;
    }

    public int? Int(YamlNode map, string key, string what, int min, int max, bool required = false)
    {
        var node = required ? Required(map, key, what) : map.Get(key);
        if (node is null || (!required && node.IsNull))
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar || node.IsQuoted
            || !int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"'{key}' of {what} must be a whole number, got {node.Describe()}", $"a whole number from {min} to {max}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, $"'{key}' of {what} is {value}, outside {min}–{max}", $"a whole number from {min} to {max}");
            return null;
        }

        return value;
    }

    public decimal? Decimal(YamlNode map, string key, string what, decimal min, decimal max, bool required = false)
    {
        var node = required ? Required(map, key, what) : map.Get(key);
        if (node is null || (!required && node.IsNull))
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar || node.IsQuoted || node.Value!.Length > 20
            || !decimal.TryParse(node.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"'{key}' of {what} must be a number, got {node.Describe()}", $"a number from {min} to {max}");
            return null;
        }

        if (value < min || value > max)
        {
            var noun = max == 100m && min == 0m ? "a percentage is 0–100" : $"it must be from {min} to {max}";
            Error(node, $"'{key}' of {what} is {value.ToString(CultureInfo.InvariantCulture)}: {noun}", $"a number from {min} to {max}");
            return null;
        }

        return value;
    }

    public decimal? Percent(YamlNode map, string key, string what, bool required = true) => Decimal(map, key, what, 0m, 100m, required);

    public bool? Bool(YamlNode map, string key, string what)
    {
        var node = map.Get(key);
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind == YamlNodeKind.Scalar && !node.IsQuoted && node.Value is "true" or "false")
        {
            return node.Value == "true";
        }

        Error(node, $"'{key}' of {what} must be true or false, got {node.Describe()}", "true or false");
        return null;
    }

    public LocalTime? Time(YamlNode map, string key, string what, bool required)
    {
        var node = required ? Required(map, key, what) : map.Get(key);
        if (node is null || (!required && node.IsNull))
        {
            return null;
        }

        var result = node.Kind == YamlNodeKind.Scalar && node.Value is { Length: 5 } ? TimePattern.Parse(node.Value) : null;
        if (result is null || !result.Success)
        {
            Error(node, $"'{key}' of {what} must be a time of day as \"HH:mm\", got {node.Describe()}", "a 24-hour time such as \"08:55\"");
            return null;
        }

        return result.Value;
    }

    public LocalDate? Date(YamlNode map, string key, string what)
    {
        var node = map.Get(key);
        if (node is null || node.IsNull)
        {
            return null;
        }

        var result = node.Kind == YamlNodeKind.Scalar && node.Value is { Length: 10 } ? DatePattern.Parse(node.Value) : null;
        if (result is null || !result.Success)
        {
            Error(node, $"'{key}' of {what} must be a date as yyyy-MM-dd, got {node.Describe()}", "a date such as 2025-09-01");
            return null;
        }

        return result.Value;
    }

    public T? Enum<T>(YamlNode map, string key, string what, IReadOnlyDictionary<string, T> names, bool required)
        where T : struct
    {
        var node = required ? Required(map, key, what) : map.Get(key);
        if (node is null || (!required && node.IsNull))
        {
            return null;
        }

        if (node.Kind == YamlNodeKind.Scalar && names.TryGetValue(node.Value!, out var value))
        {
            return value;
        }

        Error(node, $"'{key}' of {what} is {node.Describe()}, which is not one of the allowed values", "one of: " + string.Join(", ", names.Keys));
        return null;
    }

    /// <summary>Reads a quote or a list of quotes.</summary>
    public ValueList<string> Quotes(YamlNode map, string key, string what, bool required)
    {
        var node = required ? Required(map, key, what) : map.Get(key);
        if (node is null || (!required && node.IsNull))
        {
            return ValueList<string>.Empty;
        }

        var quotes = StringList(node, key, what, requireItems: true);

        // Each quote is its own string instance from the parser, so the reference locates it for the source check.
        if (node.Kind == YamlNodeKind.Scalar)
        {
            Locate(quotes, 0, node);
        }
        else
        {
            for (var i = 0; i < node.Items.Count; i++)
            {
                Locate(quotes, i, node.Items[i]);
            }
        }

        return quotes;
    }

    private void Locate(ValueList<string> quotes, int index, YamlNode at)
    {
        if (index < quotes.Count && ReferenceEquals(quotes[index], at.Value))
        {
            Locations[quotes[index]] = at;
        }
    }

    public ValueList<string> StringList(YamlNode node, string key, string what, bool requireItems)
    {
        if (node.Kind == YamlNodeKind.Scalar && !node.IsNull)
        {
            if (string.IsNullOrWhiteSpace(node.Value))
            {
                Error(node, $"'{key}' of {what} is empty", "non-empty text");
                return ValueList<string>.Empty;
            }

            return ValueList.Of(node.Value!);
        }

        if (node.Kind != YamlNodeKind.Sequence || (requireItems && node.Items.Count == 0))
        {
            Error(node, $"'{key}' of {what} must be text or a list of text, got {node.Describe()}", "text, or a list of text");
            return ValueList<string>.Empty;
        }

        var list = new List<string>();
        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.IsNull || string.IsNullOrWhiteSpace(item.Value))
            {
                Error(item, $"each item of '{key}' of {what} must be text, got {item.Describe()}", "text");
                continue;
            }

            list.Add(item.Value!);
        }

        return list.ToValueList();
    }

    /// <summary>Reads a list of national codes valid from 19 August 2024.</summary>
    public ValueList<string> CodeList(YamlNode node, string key, string what)
    {
        var codes = StringList(node, key, what, requireItems: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var code in codes)
        {
            var at = node.Kind == YamlNodeKind.Sequence && index < node.Items.Count ? node.Items[index] : node;
            index++;
            if (!seen.Add(code))
            {
                Error(at, $"the code '{code}' is listed twice in '{key}' of {what}", "each code once");
            }
            else if (NationalCodeTable.TryFind(code, CodeSet.Regulations2024, out _))
            {
                continue;
            }
            else if (NationalCodeTable.TryFind(code, CodeSet.Regulations2006, out _))
            {
                Warn(at, $"the code '{code}' was withdrawn on 19 August 2024; it matches only registers from before then", "a code of the 2024 set");
            }
            else
            {
                Error(at, $"'{code}' is not a national attendance code", "one of: " + string.Join(" ", NationalCodeTable.CodesOf(CodeSet.Regulations2024).Select(c => c.Code)));
            }
        }

        return codes;
    }
}
