namespace Attendance.Rules.Loading;

/// <summary>
/// Resolves <c>extends</c>: the school's file over its base. Rules are keyed by id (a school rule
/// with a base rule's id replaces it in place; <c>disable</c> removes base rules; new rules follow);
/// every other key replaces the base's whole. The identity keys never come from the base.
/// </summary>
internal static class PolicyMerger
{
    private static readonly HashSet<string> NotInherited = new(StringComparer.Ordinal)
    {
        "id", "version", "name", "local_authority", "phase", "document", "extends", "disable", "rules", "notes",
    };

    public static YamlNode? Resolve(string text, string file, IPolicyResolver resolver, PolicyLoadLimits limits, NodeReader reader, List<string> chain)
    {
        var root = YamlTreeReader.Read(text, file, limits, reader.Diagnostics);
        if (root is null)
        {
            if (!reader.HasErrors)
            {
                reader.Diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, file, 1, 1, null, "the policy file is empty", "a policy mapping starting with 'id:'"));
            }

            return null;
        }

        if (root.Kind != YamlNodeKind.Mapping)
        {
            reader.Error(root, $"a policy must be a mapping of keys, got {root.Describe()}", "a policy mapping starting with 'id:'");
            return null;
        }

        var extends = root.Get("extends");
        if (extends is null || extends.IsNull)
        {
            if (root.Get("disable") is { } disable)
            {
                reader.Error(disable, "'disable' names rules of a base policy, and this policy extends none", "'extends:' with 'disable:'");
            }

            return root;
        }

        if (extends.Kind != YamlNodeKind.Scalar)
        {
            reader.Error(extends, $"'extends' must name one policy, got {extends.Describe()}", "an embedded policy id such as 'england-2024' or a relative path");
            return null;
        }

        var reference = extends.Value!;
        if (chain.Count + 1 > limits.MaxExtendsDepth)
        {
            reader.Error(extends, $"'extends' chains more than {limits.MaxExtendsDepth} policies", $"at most {limits.MaxExtendsDepth} levels of extends");
            return null;
        }

        string baseText;
        string baseFile;
        bool found;
        try
        {
            found = resolver.TryResolve(reference, file, out baseText, out baseFile);
        }
        catch (IOException e)
        {
            var reason = e is Files.FileRefusedException refused ? refused.Reason : e.Message;
            reader.Error(extends, $"'extends' names '{reference}': {reason}", "an embedded policy (" + string.Join(", ", EmbeddedPolicies.Ids) + ") or a .yaml file within this policy's folder");
            return null;
        }

        if (!found)
        {
            reader.Error(extends, $"'extends' names '{reference}', which cannot be found", "an embedded policy (" + string.Join(", ", EmbeddedPolicies.Ids) + ") or a file relative to this one");
            return null;
        }

        if (chain.Contains(baseFile, StringComparer.Ordinal) || baseFile == file)
        {
            reader.Error(extends, $"'extends' is cyclic: {string.Join(" → ", chain.Append(file).Append(baseFile))}", "a chain of extends that ends in a base policy");
            return null;
        }

        if (!baseFile.StartsWith("embedded:", StringComparison.Ordinal) && NotAPolicy(baseText, baseFile, limits) is { } why)
        {
            // The base's own messages could quote its text; only where it failed is said.
            reader.Error(extends, $"'extends' names '{reference}', which is not a policy: {why}", "a policy file whose first key is 'id:'");
            return null;
        }

        var baseRoot = Resolve(baseText, baseFile, resolver, limits, reader, [.. chain, file]);
        return baseRoot is null ? null : Merge(baseRoot, root, reader);
    }

    /// <summary>Why a base file does not parse as a policy, located by line and column only, or null when it does.</summary>
    private static string? NotAPolicy(string text, string file, PolicyLoadLimits limits)
    {
        var diagnostics = new List<PolicyDiagnostic>();
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), file, limits, diagnostics);
        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            return FormattableString.Invariant($"it is not valid YAML (at its line {error.Line}, column {error.Column})");
        }

        if (root is null)
        {
            return "it is empty";
        }

        if (root.Kind != YamlNodeKind.Mapping || root.Get("id") is not { Kind: YamlNodeKind.Scalar })
        {
            return FormattableString.Invariant($"it is not a mapping with an 'id' (at its line {root.Line}, column {root.Column})");
        }

        return null;
    }

    private static YamlNode Merge(YamlNode baseRoot, YamlNode child, NodeReader reader)
    {
        var merged = new YamlNode(YamlNodeKind.Mapping, child.File, child.Line, child.Column);
        foreach (var pair in baseRoot.Pairs)
        {
            if (!NotInherited.Contains(pair.Key.Value!) && child.Get(pair.Key.Value!) is null)
            {
                merged.Pairs.Add(pair);
            }
        }

        foreach (var pair in child.Pairs)
        {
            if (pair.Key.Value is not ("extends" or "disable" or "rules"))
            {
                merged.Pairs.Add(pair);
            }
        }

        var rulesKey = child.Pairs.FirstOrDefault(p => p.Key.Value == "rules").Key ?? baseRoot.Pairs.FirstOrDefault(p => p.Key.Value == "rules").Key;
        var rules = MergeRules(baseRoot.Get("rules"), child.Get("rules"), child.Get("disable"), reader, child);
        if (rulesKey is not null || rules.Items.Count > 0)
        {
            merged.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(rulesKey ?? new YamlNode(YamlNodeKind.Scalar, child.File, 1, 1) { Value = "rules" }, rules));
        }

        return merged;
    }

    private static YamlNode MergeRules(YamlNode? baseRules, YamlNode? childRules, YamlNode? disable, NodeReader reader, YamlNode child)
    {
        var result = new YamlNode(YamlNodeKind.Sequence, childRules?.File ?? child.File, childRules?.Line ?? 1, childRules?.Column ?? 1);
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        var baseItems = baseRules is { Kind: YamlNodeKind.Sequence } ? baseRules.Items : [];
        var baseIds = baseItems.Select(IdOf).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        if (disable is not null && !disable.IsNull)
        {
            foreach (var id in reader.StringList(disable, "disable", "the policy", requireItems: false))
            {
                if (!baseIds.Contains(id))
                {
                    var at = disable.Items.FirstOrDefault(i => i.Kind == YamlNodeKind.Scalar && i.Value == id) ?? disable;
                    reader.Error(at, $"'disable' names the rule '{id}', which the base policy does not have", "one of: " + string.Join(", ", baseIds));
                }

                disabled.Add(id);
                if (baseItems.FirstOrDefault(i => IdOf(i) == id) is { } disabledRule && RoleOf(disabledRule) == "penalty_notice_threshold")
                {
                    reader.Warn(disable, "the national penalty-notice threshold is disabled; the national framework requires it to be considered", "the national rule kept (a school may add its own beside it)");
                }
            }
        }

        var childItems = childRules is { Kind: YamlNodeKind.Sequence } ? childRules.Items : [];
        if (childRules is not null && !childRules.IsNull && childRules.Kind != YamlNodeKind.Sequence)
        {
            reader.Error(childRules, $"'rules' must be a list, got {childRules.Describe()}", "a list of rules, each starting with '- id:'");
        }

        var byId = childItems.Where(i => IdOf(i) is not null).GroupBy(IdOf!).ToDictionary(g => g.Key!, g => g.First(), StringComparer.Ordinal);
        var used = new HashSet<YamlNode>();
        foreach (var item in baseItems)
        {
            var id = IdOf(item);
            if (id is not null && disabled.Contains(id))
            {
                if (byId.TryGetValue(id, out var clash))
                {
                    reader.Error(clash, $"the rule '{id}' is both disabled and redefined", "either disable it or replace it");
                }

                continue;
            }

            if (id is not null && byId.TryGetValue(id, out var replacement))
            {
                result.Items.Add(InheritRole(item, replacement, reader));
                used.Add(replacement);
            }
            else
            {
                result.Items.Add(item);
            }
        }

        foreach (var item in childItems)
        {
            if (!used.Contains(item))
            {
                result.Items.Add(item);
            }
        }

        return result;
    }

    /// <summary>
    /// A replacing rule states its own role; one that states none keeps the base rule's, with a
    /// warning, so that school files written before roles existed load as they did.
    /// </summary>
    private static YamlNode InheritRole(YamlNode baseRule, YamlNode replacement, NodeReader reader)
    {
        var role = baseRule.Kind == YamlNodeKind.Mapping ? baseRule.Pairs.FirstOrDefault(p => p.Key.Value == "role") : default;
        if (role.Key is null || replacement.Kind != YamlNodeKind.Mapping || replacement.Get("role") is not null)
        {
            return replacement;
        }

        reader.Warn(replacement, $"the rule '{IdOf(replacement)}' replaces a base rule with the role {role.Value.Value} and states no role: it keeps that role", $"'role: {role.Value.Value}' (or 'role: none') on the replacing rule");
        var copy = new YamlNode(replacement.Kind, replacement.File, replacement.Line, replacement.Column) { Value = replacement.Value, IsQuoted = replacement.IsQuoted };
        copy.Pairs.AddRange(replacement.Pairs);
        copy.Pairs.Add(role);
        return copy;
    }

    private static string? RoleOf(YamlNode item) => item.Kind == YamlNodeKind.Mapping && item.Get("role") is { Kind: YamlNodeKind.Scalar } role ? role.Value : null;

    private static string? IdOf(YamlNode item) => item.Kind == YamlNodeKind.Mapping && item.Get("id") is { Kind: YamlNodeKind.Scalar } id ? id.Value : null;
}
