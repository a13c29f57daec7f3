using System.Text;
using Attendance.Rules.Policies.Conditions;

namespace Attendance.Rules.Loading.Language;

/// <summary>
/// The reference tables of docs/policy-format.md (measures, windows, operators), generated from the
/// same declarations as the reader, the writer and the schema; a test keeps the docs equal to them.
/// </summary>
internal static class LanguageReference
{
    public const string Start = "<!-- language-reference:start (generated from the declarations; see LanguageReferenceTests) -->";
    public const string End = "<!-- language-reference:end -->";

    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append(Start).Append('\n');
        Table(sb, "Measures (`measure:`)", MeasureCatalog.All);
        Table(sb, "Windows (`over:`; `academic_year` when omitted)", WindowCatalog.All);
        sb.Append("\nOperators (exactly one per comparison):\n\n| operator | meaning |\n| --- | --- |\n");
        foreach (var (name, _, symbol, doc) in OperatorCatalog.All)
        {
            sb.Append("| `").Append(name).Append("` (").Append(symbol).Append(") | ").Append(doc).Append(" |\n");
        }

        sb.Append(End).Append('\n');
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string title, SyntaxDeclaration[] catalog)
    {
        sb.Append('\n').Append(title).Append(":\n\n| form | meaning | keys |\n| --- | --- | --- |\n");
        foreach (var d in catalog)
        {
            var form = (d.Head is null ? d.Name : d.Head.Type == KeyType.Unit ? $"{{ {d.Head.Name}: {{ {d.Head.Word}: N }} }}" : $"{{ {d.Head.Name}: {d.Head.Form} }}").Replace("|", "\\|", StringComparison.Ordinal);
            var keys = string.Join("; ", d.Keys.Select(k => $"`{k.Name}`{(k.Required ? string.Empty : " (optional)")}: {k.Form}, {k.Doc}"));
            sb.Append("| `").Append(form).Append("` | ").Append(d.Doc).Append(" | ").Append(keys.Length == 0 ? "—" : keys.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }
    }
}
