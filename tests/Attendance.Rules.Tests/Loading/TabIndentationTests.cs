using Attendance.Rules.Loading;

namespace Attendance.Rules.Tests.Loading;

/// <summary>Issue 14: a tab in the indentation was reported at 1:1 (where YamlDotNet puts the enclosing mapping), as "While scanning a mapping, found invalid tab as indentation".</summary>
public sealed class TabIndentationTests
{
    [Fact]
    public void A_tab_in_the_indentation_is_reported_at_the_tab()
    {
        const string yaml = "id: x\nversion: \"1\"\nname: X\nabsence_flags:\n\tpersistent_percent: 10\n";

        var diagnostic = Assert.Single(PolicyLoader.ReadString(yaml, "tab.yaml").Diagnostics);

        Assert.Equal("tab.yaml:5:1: error: the file is not valid YAML: a tab indents line 5 (expected indentation with spaces)", diagnostic.ToString());
    }

    [Theory]
    [InlineData("a: 1\n\tb: 2\n", 2, 1)]
    [InlineData("a:\n  \tb: 2\n", 2, 3)]
    [InlineData("a: \"x\ty\"\nb:\n    \t- 1\n", 3, 5)]
    public void The_first_tab_before_a_line_s_text_is_found(string text, int line, int column)
    {
        Assert.Equal((line, column), YamlTreeReader.TabIndentation(text));
    }

    [Fact]
    public void A_tab_inside_a_line_s_text_is_not_indentation()
    {
        Assert.Null(YamlTreeReader.TabIndentation("a: x\ty\nb: 1\t# note\n"));
    }
}
