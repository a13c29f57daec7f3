using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Tests.Loading.Language;

/// <summary>
/// docs/policy-format.md's reference tables are generated from the language's declarations. Run with
/// <c>ATTENDANCE_RULES_UPDATE_DOCS=1</c> to write them into the docs after a change.
/// </summary>
public class LanguageReferenceTests
{
    private static string DocsPath => Path.Combine(RepositoryPaths.Root, "docs", "policy-format.md");

    [Fact]
    public void The_docs_hold_exactly_the_generated_reference_tables()
    {
        var text = File.ReadAllText(DocsPath).ReplaceLineEndings("\n");
        var start = text.IndexOf(LanguageReference.Start, StringComparison.Ordinal);
        var end = text.IndexOf(LanguageReference.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/policy-format.md lacks the generated reference markers");
        var current = text[start..(end + LanguageReference.End.Length + 1)];
        var generated = LanguageReference.Markdown();
        if (Environment.GetEnvironmentVariable("ATTENDANCE_RULES_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocsPath, text.Replace(current, generated, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(generated, current);
    }

    [Fact]
    public void Every_declared_measure_window_and_operator_has_a_row()
    {
        var table = LanguageReference.Markdown();

        Assert.All(global::Attendance.Rules.Policies.Conditions.MeasureCatalog.All, d => Assert.Contains(d.Doc, table, StringComparison.Ordinal));
        Assert.All(global::Attendance.Rules.Policies.Conditions.WindowCatalog.All, d => Assert.Contains(d.Doc, table, StringComparison.Ordinal));
        Assert.All(global::Attendance.Rules.Policies.Conditions.OperatorCatalog.All, o => Assert.Contains($"`{o.Name}`", table, StringComparison.Ordinal));
    }
}
