using System.Globalization;
using System.Text;
using Attendance.Rules.Loading;

namespace Attendance.Rules.Benchmarks.Cohorts;

/// <summary>
/// Stanborough's policy grown to the loader's rule limit (1,000 rules with the national base's):
/// half the added rules are attendance_below letters at thresholds from 50% up, half daily_code
/// notifications on one absence code each, so most pupils get hundreds of actions (issue 14: such
/// a policy exhausted 8 GB on the shipped sample with JSON output).
/// </summary>
public static class ThousandRulePolicy
{
    private static readonly string[] Codes = ["N", "O", "U", "G", "L", "M", "I", "C"];

    /// <summary>The policy's YAML text, with exactly <see cref="PolicyLoadLimits.MaxRules"/> rules once resolved.</summary>
    public static string Text()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryFiles.Policies, "stanborough.yaml"));
        var resolved = PolicyLoader.LoadFromString(source, "stanborough.yaml").Rules.Count;
        var rules = new StringBuilder();
        for (var i = 0; i < new PolicyLoadLimits().MaxRules - resolved; i++)
        {
            rules.Append(i % 2 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"  - {{ id: gen-{i:0000}, type: attendance_below, title: \"Generated letter {i}\", action: letter, percent: {50m + (i * 0.05m):0.00}, source: \"below\" }}\n")
                : string.Create(CultureInfo.InvariantCulture, $"  - {{ id: gen-{i:0000}, type: daily_code, title: \"Generated call {i}\", action: notification, codes: [{Codes[i / 2 % Codes.Length]}], source: \"call\" }}\n"));
        }

        var at = source.IndexOf("\nrules:\n", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("stanborough.yaml has no top-level rules: list");
        }

        at += "\nrules:\n".Length;
        return string.Concat(source.AsSpan(0, at), rules.ToString(), source.AsSpan(at));
    }

    /// <summary>Writes the policy to a new temporary file and returns its path.</summary>
    public static string WriteToTemporaryFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"thousand-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Text());
        return path;
    }
}
