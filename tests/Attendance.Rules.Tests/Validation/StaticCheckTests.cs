using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Validation;

namespace Attendance.Rules.Tests.Validation;

/// <summary>
/// Each file under Validation/Broken/ is a valid policy with one kind of static-check finding (see
/// its README.md). The loader's warnings, the calendar list and the missing quotes are compared
/// exactly, as <see cref="PolicyDiagnostic.ToString"/> with the folder removed from file paths.
/// </summary>
public class StaticCheckTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "Validation", "Broken"));

    private const string NeverExpected = " (expected a condition that some register can make hold)";

    private const string DuplicateExpected = " (expected one of the two, or a difference in condition or action)";

    private const string CalendarMessage = "needs a calendar: projected attendance counts the school days left in the year from the school calendar; without one it has no value and this comparison never holds (expected a calendar given when evaluating (validate --calendar <file> to check with one))";

    private const string QuoteExpected = " (expected the document's words, copied exactly (white space, quote marks, dashes and hyphenation at line ends may differ))";

    /// <summary>File → every warning of the load (the static checks' and the loader's), in order.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["never-holds-all.yaml"] =
        [
            "never-holds-all.yaml:12:7: warning: rule 'contradictory-letter': the condition can never hold: attendance over the term cannot be both below 90 and at least 95" + NeverExpected,
            "never-holds-all.yaml:20:7: warning: rule 'between-counts': the condition can never hold: sessions of G, N, O, U over the academic year cannot be both more than 3 and below 4" + NeverExpected,
        ],
        ["never-holds-range.yaml"] =
        [
            "never-holds-range.yaml:10:11: warning: the indicator 'negative-count' can never hold: late is a whole number, 0 or more, so never below 0" + NeverExpected,
            "never-holds-range.yaml:16:11: warning: rule 'over-100': the condition can never hold: absence is from 0 to 100, so never above 100" + NeverExpected,
            "never-holds-range.yaml:21:11: warning: rule 'below-0': the condition can never hold: attendance is from 0 to 100, so never below 0" + NeverExpected,
        ],
        ["never-holds-not.yaml"] =
        [
            "never-holds-not.yaml:12:7: warning: rule 'no-count': the condition can never hold: 'not' negates a condition that always holds" + NeverExpected,
            "never-holds-not.yaml:18:7: warning: rule 'never-any': the condition can never hold: no branch of 'any' can hold (unauthorised is from 0 to 100, so never above 100; school days of I is a whole number, 0 or more, so never below 0)" + NeverExpected,
        ],
        ["unreachable-stage.yaml"] =
        [
            "unreachable-stage.yaml:21:11: warning: rule 'escalation': stage 2 can never be reached: its condition can never hold: attendance since escalation stage 1 cannot be both below 80 and above 85" + NeverExpected,
            "unreachable-stage.yaml:25:16: warning: rule 'escalation': stage 3 can never be reached: stage 2 before it can never fall due (expected stages that can each fall due)",
            "unreachable-stage.yaml:42:15: warning: rule 'monitored': stage 2 can never be reached: its condition can never hold: attendance over the 20 school days after monitored stage 3 needs monitored stage 3 to have fallen due, which can never happen" + NeverExpected,
            "unreachable-stage.yaml:44:16: warning: rule 'monitored': stage 3 can never be reached: stage 2 before it can never fall due (expected stages that can each fall due)",
        ],
        ["unreachable-after.yaml"] =
        [
            "unreachable-after.yaml:11:11: warning: rule 'impossible-letter': the condition can never hold: absence is from 0 to 100, so never above 100" + NeverExpected,
            "unreachable-after.yaml:16:12: warning: rule 'follow-up-meeting': the rule can never fall due: its 'after' names impossible-letter, which can never fall due before it (expected 'after' naming an action that can fall due)",
            "unreachable-after.yaml:22:12: warning: rule 'after-itself': the rule can never fall due: its 'after' names the rule itself, which can never fall due before it (expected 'after' naming an action that can fall due)",
            "unreachable-after.yaml:28:11: warning: rule 'change-since-impossible': the condition can never hold: the change in attendance since impossible-letter needs impossible-letter to have fallen due, which can never happen" + NeverExpected,
        ],
        ["duplicate-rules.yaml"] =
        [
            "duplicate-rules.yaml:13:5: warning: rule 'second-letter': duplicates rule 'first-letter' (line 8): the same condition, judged, applies_to, after and action, so a pupil would get both" + DuplicateExpected,
            "duplicate-rules.yaml:29:5: warning: rule 'v1-letter-again': duplicates rule 'v1-letter' (line 23): the same type, parameters and action, so a pupil would get both" + DuplicateExpected,
            "duplicate-rules.yaml:39:9: warning: rule 'staged-letters': stage 1 duplicates rule 'first-letter' (line 8): the same condition, judged, applies_to, after and action, so a pupil would get both" + DuplicateExpected,
        ],
        ["needs-calendar.yaml"] = [],
        ["monitoring-judged-weekly.yaml"] =
        [
            "monitoring-judged-weekly.yaml:17:11: warning: rule 'weekly-review': a monitoring period is judged at the end of its last school day, which a rule judged each week sees only when the period ends on the last school day of one (expected judged: day (the default) or session, or early: true on the window)",
        ],
        ["missing-quote.yaml"] = [],
    };

    public static TheoryData<string> Files() => new(Expected.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_broken_file_loads_with_exactly_the_expected_warnings(string file)
    {
        var result = PolicyLoader.ReadFile(PathOf(file));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(Expected[file], result.Diagnostics.Select(Relative).ToArray());
    }

    [Fact]
    public void Every_file_in_the_folder_has_an_expectation_and_is_listed_in_the_README()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), files);
        Assert.All(files, file => Assert.Contains($"`{file}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void A_projected_measure_is_listed_as_needing_a_calendar_at_its_comparison_not_warned()
    {
        var result = PolicyLoader.ReadFile(PathOf("needs-calendar.yaml"));

        Assert.Empty(result.Warnings);
        Assert.Equal(
            [
                "needs-calendar.yaml:10:11: warning: the indicator 'heading-below-90' " + CalendarMessage,
                "needs-calendar.yaml:19:11: warning: rule 'projected-letter': " + CalendarMessage,
            ],
            result.NeedsCalendar.Select(Relative).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Quotes_not_in_the_document_are_found_at_their_lines_and_inherited_quotes_are_not_checked()
    {
        var result = PolicyLoader.ReadFile(PathOf("missing-quote.yaml"));
        var document = File.ReadAllText(PathOf("missing-quote.txt"));

        var missing = SourceQuoteCheck.FindMissing(result, document).Select(Relative).ToArray();

        // Found despite a hyphen at a line break, a line break, curly quotes and an en dash; the
        // national base's quotes come from another file and are not looked for here.
        Assert.Equal(
            [
                "missing-quote.yaml:11:13: warning: note 'holidays': the quote \"Holidays are not mentioned in this policy.\" is not in missing-quote.txt" + QuoteExpected,
                "missing-quote.yaml:24:9: warning: rule 'letter-below-90': the quote \"The letter will invite you to a meeting.\" is not in missing-quote.txt" + QuoteExpected,
                "missing-quote.yaml:36:17: warning: rule 'escalation': stage 1: the quote \"Stage 1: a letter when attendance falls below 96%.\" is not in missing-quote.txt" + QuoteExpected,
            ],
            missing);
    }

    [Fact]
    public void A_policy_built_in_code_is_checked_too_and_its_findings_name_the_rule_without_a_line()
    {
        var policy = PolicyLoader.LoadEmbedded(EmbeddedPolicies.NationalBaseId);
        var never = new ConditionRule
        {
            Id = "impossible", Title = "Impossible", Action = ActionKind.Letter, Sources = ValueList.Of("not in any document"),
            When = new Comparison(PercentMeasure.Attendance, PeriodWindow.Term, ComparisonOperator.Above, 100m),
        };
        var built = policy with { Rules = policy.Rules.Append(never).ToValueList() };

        var report = PolicyValidator.Validate(built, locations: null, file: "built-in-code");
        var quotes = SourceQuoteCheck.FindMissing(built, "some other text", "built-in-code");

        var warning = Assert.Single(report.Warnings);
        Assert.Equal((0, 0, "impossible"), (warning.Line, warning.Column, warning.RuleId));
        Assert.Equal("built-in-code: warning: rule 'impossible': the condition can never hold: attendance is from 0 to 100, so never above 100" + NeverExpected, warning.ToString());
        Assert.Contains(quotes, q => q.RuleId == "impossible" && q.Line == 0 && q.Message.Contains("\"not in any document\"", StringComparison.Ordinal));
    }

    public static TheoryData<string> ShippedPolicies() => new(RepositoryPaths.AllPolicies().Select(p => Path.GetRelativePath(RepositoryPaths.Policies, p)));

    [Theory]
    [MemberData(nameof(ShippedPolicies))]
    public void A_shipped_policy_gives_no_static_check_finding(string relativePath)
    {
        var result = PolicyLoader.ReadFile(Path.Combine(RepositoryPaths.Policies, relativePath));
        var policy = result.GetPolicyOrThrow();

        var report = PolicyValidator.Validate(policy);
        var document = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.Combine(RepositoryPaths.Policies, relativePath))!, policy.Document.SourceFile!));

        Assert.Empty(report.Warnings);
        Assert.Empty(SourceQuoteCheck.FindMissing(result, document));
    }

    private static string PathOf(string file) => Path.Combine(Folder, file);

    private static string Relative(PolicyDiagnostic diagnostic) =>
        diagnostic.ToString().Replace(Folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
