using System.Text;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies.Rules;

namespace Attendance.Rules.Tests.Loading;

/// <summary>
/// Each file under Loading/Malformed/ has one defect (see its README.md). Every file is loaded with
/// <see cref="PolicyLoader"/> and default limits, and every diagnostic is compared exactly: severity,
/// line, column, rule id and message, as <see cref="PolicyDiagnostic.ToString"/> with the folder
/// removed from file paths.
/// </summary>
public class MalformedPolicyTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "Loading", "Malformed"));

    /// <summary>File → every diagnostic the loader gives for it, in order.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["alias-without-anchor.yaml"] =
        [
            "alias-without-anchor.yaml:3:7: error: the alias '*school-name' names no anchor before it (expected an anchor defined earlier)",
        ],
        ["bad-policy-id.yaml"] =
        [
            "bad-policy-id.yaml:1:5: error: the policy id 'Malformed_School' must be lower-case letters, digits and '-' (expected an id such as 'hall-green-primary')",
        ],
        ["bad-time-9am.yaml"] =
        [
            "bad-time-9am.yaml:11:19: error: 'late_after' of a registration window must be a time of day as \"HH:mm\", got '9am' (expected a 24-hour time such as \"08:55\")",
        ],
        ["bad-window.yaml"] =
        [
            "bad-window.yaml:14:13: error: rule 'truancy-letter': 'window' of a session_count rule is 'fortnight' (expected { rolling_school_weeks: N }, academic_year, term or current_and_previous_term)",
        ],
        ["billion-laughs-few-aliases.yaml"] =
        [
            "billion-laughs-few-aliases.yaml:13:10: error: the file expands to more than 200,000 nodes (aliases are counted each time they are used) (expected a policy without alias expansion bombs)",
        ],
        ["billion-laughs.yaml"] =
        [
            "billion-laughs.yaml:13:15: error: the file expands to more than 200,000 nodes (aliases are counted each time they are used) (expected a policy without alias expansion bombs)",
        ],
        ["cyclic-extends-a.yaml"] =
        [
            "cyclic-extends-b.yaml:6:10: error: 'extends' is cyclic: cyclic-extends-a.yaml → cyclic-extends-b.yaml → cyclic-extends-a.yaml (expected a chain of extends that ends in a base policy)",
        ],
        ["cyclic-extends-b.yaml"] =
        [
            "cyclic-extends-a.yaml:6:10: error: 'extends' is cyclic: cyclic-extends-b.yaml → cyclic-extends-a.yaml → cyclic-extends-b.yaml (expected a chain of extends that ends in a base policy)",
        ],
        ["deep-nesting.yaml"] =
        [
            "deep-nesting.yaml:7:39: error: the file nests mappings and lists more than 32 deep (expected at most 32 levels)",
        ],
        ["disable-unknown-rule.yaml"] =
        [
            "disable-unknown-rule.yaml:7:31: error: 'disable' names the rule 'la-holiday-return', which the base policy does not have (expected one of: penalty-notice-threshold, la-attendance-return, la-sickness-return, new-pupil-return, deletion-review, n-code-unresolved)",
        ],
        ["disable-without-extends.yaml"] =
        [
            "disable-without-extends.yaml:6:10: error: 'disable' names rules of a base policy, and this policy extends none (expected 'extends:' with 'disable:')",
        ],
        ["duplicate-key.yaml"] =
        [
            "duplicate-key.yaml:6:3: error: the key 'title' appears twice in the same mapping (first at line 5) (expected each key once)",
        ],
        ["duplicate-rule-id.yaml"] =
        [
            "duplicate-rule-id.yaml:14:5: error: rule 'low-attendance-letter': the rule id 'low-attendance-letter' is used twice (first at duplicate-rule-id.yaml:8) (expected unique rule ids)",
        ],
        ["leave-authorise-outcome.yaml"] =
        [
            "leave-authorise-outcome.yaml:24:16: error: 'outcome' of a min_notice condition is 'authorise', which is not one of the allowed values (expected one of: refuse, refer)",
        ],
        ["leave-bad-month.yaml"] =
        [
            "leave-bad-month.yaml:23:19: error: each item of 'months' of a refused_months condition must be a month number from 1 to 12, got '13' (expected a month number from 1 (January) to 12 (December))",
            "leave-bad-month.yaml:24:7: error: unknown key 'unless_facts' in a refused_months condition (expected one of: id, kind, types, source, note, months, outcome)",
        ],
        ["leave-missing-codes.yaml"] =
        [
            "leave-missing-codes.yaml:11:15: error: the leave type 'holiday' has codes twice (expected each leave type once)",
            "leave-missing-codes.yaml:11:39: warning: the code 'H' was withdrawn on 19 August 2024; it matches only registers from before then (expected a code of the 2024 set)",
        ],
        ["leave-unknown-kind.yaml"] =
        [
            "leave-unknown-kind.yaml:22:13: error: unknown leave condition kind 'refused_weekdays' (expected one of: min_notice, in_advance, required_facts, refused_facts, refused_months, refused_year_groups, recent_notices, assessment_periods, max_consecutive_school_days, max_requests_per_year, allowed_types, max_days_per_year, licence, attendance_floor, grant)",
        ],
        ["empty.yaml"] =
        [
            "empty.yaml:1:1: error: the policy file is empty (expected a policy mapping starting with 'id:')",
        ],
        ["first-stage-not-attendance-below.yaml"] =
        [
            "first-stage-not-attendance-below.yaml:15:15: error: rule 'attendance-stages': the first stage's condition 'absence_after_previous' refers to a previous stage, and there is none (expected attendance_below for the first stage)",
        ],
        ["missing-extends-target.yaml"] =
        [
            "missing-extends-target.yaml:6:10: error: 'extends' names 'england-2019', which cannot be found (expected an embedded policy (england-2024) or a file relative to this one)",
        ],
        ["missing-id.yaml"] =
        [
            "missing-id.yaml:1:1: error: the policy has no 'id' (expected an 'id:' key)",
        ],
        ["missing-version.yaml"] =
        [
            "missing-version.yaml:1:1: error: the policy has no 'version' (expected a 'version:' key)",
        ],
        ["negative-count.yaml"] =
        [
            "negative-count.yaml:13:15: error: rule 'truancy-letter': 'at_least' of a session_count rule is -3, outside 1–10000 (expected a whole number from 1 to 10000)",
        ],
        ["no-count.yaml"] =
        [
            "no-count.yaml:8:5: error: rule 'truancy-letter': a session_count rule says no count (expected exactly one of: at_least, more_than, days, more_than_days)",
        ],
        ["nul-byte.yaml"] =
        [
            "nul-byte.yaml:3:16: error: the policy file contains a NUL character; it is not a text file (expected UTF-8 text)",
        ],
        ["percent-140.yaml"] =
        [
            "percent-140.yaml:12:14: error: rule 'low-attendance-letter': 'percent' of an attendance_below rule is 140: a percentage is 0–100 (expected a number from 0 to 100)",
        ],
        ["reduced-fine-above-fine.yaml"] =
        [
            "reduced-fine-above-fine.yaml:8:3: warning: the penalty-notice fines depart from the national ones (first £160, £80 if paid within 21 days, 28 days to pay; second £160; none more within 3 years) (expected the national fines)",
            "reduced-fine-above-fine.yaml:9:7: error: the reduced amount £200 is more than the fine £160 (expected reduced_amount below amount)",
        ],
        ["reinterpret-missing-rule.yaml"] =
        [
            "reinterpret-missing-rule.yaml:11:20: error: rule 'illness-unauthorised': 'after' names the rule 'attendance-stages', which the policy does not have (expected the id of a staged rule)",
        ],
        ["reinterpret-missing-stage.yaml"] =
        [
            "reinterpret-missing-stage.yaml:20:46: error: rule 'illness-unauthorised': the rule 'attendance-stages' has no stage 2 (expected one of its stages: 1)",
        ],
        ["severe-below-persistent.yaml"] =
        [
            "severe-below-persistent.yaml:8:3: error: the severe absence threshold (5%) is below the persistent one (10%) (expected severe_percent at or above persistent_percent)",
        ],
        ["since-stage-not-earlier.yaml"] =
        [
            "since-stage-not-earlier.yaml:20:57: error: rule 'attendance-stages': since_stage 2 is not an earlier stage of this rule (expected the number of an earlier stage)",
        ],
        ["stages-out-of-order.yaml"] =
        [
            "stages-out-of-order.yaml:17:16: error: rule 'attendance-stages': stage 1 comes after stage 2; stages must be in increasing order (expected a stage number above 2)",
        ],
        ["times-out-of-order.yaml"] =
        [
            "times-out-of-order.yaml:9:7: error: the window's times are out of order: opens 08:45, late after 09:20, closes 09:15 (expected opens ≤ late_after ≤ closes)",
        ],
        ["too-many-aliases.yaml"] =
        [
            "too-many-aliases.yaml:8:580: error: the file uses more than 64 aliases (expected at most 64 aliases)",
        ],
        ["top-level-list.yaml"] =
        [
            "top-level-list.yaml:1:1: error: a policy must be a mapping of keys, got a list (expected a policy mapping starting with 'id:')",
        ],
        ["two-count-keys.yaml"] =
        [
            "two-count-keys.yaml:8:5: error: rule 'truancy-letter': a session_count rule gives more than one count (at_least, more_than) (expected exactly one of: at_least, more_than, days, more_than_days)",
        ],
        ["two-documents.yaml"] =
        [
            "two-documents.yaml:7:1: error: the file holds more than one YAML document (expected one policy per file)",
        ],
        ["unknown-action-kind.yaml"] =
        [
            "unknown-action-kind.yaml:11:13: error: rule 'low-attendance-letter': 'action' of an attendance_below rule is 'email', which is not one of the allowed values (expected one of: letter, meeting, referral, notification, sanction, reward, data-quality, safeguarding)",
        ],
        ["unknown-code-set.yaml"] =
        [
            "unknown-code-set.yaml:12:12: error: rule 'truancy-letter': 'truancy' is not one of the policy's code sets (expected a list of codes or one of: unauthorised)",
        ],
        ["unknown-code.yaml"] =
        [
            "unknown-code.yaml:12:16: error: rule 'first-day-calling': 'A' is not a national attendance code (expected one of: / \\ L K V P W B D C1 M J1 S X C2 C T R I E Q Y1 Y2 Y3 Y4 Y5 Y6 Y7 G N O U Z #)",
        ],
        ["unknown-rule-key.yaml"] =
        [
            "unknown-rule-key.yaml:13:5: error: rule 'low-attendance-letter': unknown key 'threshold' in an attendance_below rule (expected one of: id, type, title, action, source, follow_ups, repeat, role, note, percent, inclusive, period, min_possible_sessions)",
        ],
        ["unknown-rule-type.yaml"] =
        [
            "unknown-rule-type.yaml:9:11: error: rule 'low-attendance-letter': unknown rule type 'attendance_under' (expected one of: attendance_below, session_count, consecutive_days, daily_code, unresolved_code, code_starts, code_ends, admission, staged, reinterpret, reward, scheduled)",
        ],
        ["unknown-stage-condition.yaml"] =
        [
            "unknown-stage-condition.yaml:20:23: error: rule 'attendance-stages': unknown stage condition 'attendance_not_improved' (expected one of: attendance_below, absence_after_previous, attendance_declined, monitoring_attendance_below)",
        ],
        ["unknown-top-level-key.yaml"] =
        [
            "unknown-top-level-key.yaml:7:1: error: unknown key 'colour' in the policy (expected one of: id, version, name, local_authority, phase, document, extends, disable, compulsory_year_groups, retention_years, register_open_limit_minutes, code_sets, absence_flags, registration, penalty_notices, leave, notes, defaults, indicators, rules)",
        ],
        ["withdrawn-code.yaml"] =
        [
            "withdrawn-code.yaml:12:13: warning: rule 'holiday-letter': the code 'H' was withdrawn on 19 August 2024; it matches only registers from before then (expected a code of the 2024 set)",
        ],
        ["wrong-type-list-for-string.yaml"] =
        [
            "wrong-type-list-for-string.yaml:3:7: error: 'name' of the policy must be text, got a list (expected a non-empty string)",
        ],
        ["yaml-bad-indentation.yaml"] =
        [
            "yaml-bad-indentation.yaml:6:3: error: the file is not valid YAML: While parsing a block mapping, did not find expected key (expected well-formed YAML)",
        ],
        ["yaml-tag.yaml"] =
        [
            "yaml-tag.yaml:3:7: error: YAML tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed in a policy (expected plain values without tags)",
        ],
        ["yaml-unclosed-quote.yaml"] =
        [
            "yaml-unclosed-quote.yaml:2:10: error: the file is not valid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation (expected well-formed YAML)",
        ],
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Expected.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_malformed_file_gives_exactly_the_expected_diagnostics(string file)
    {
        var result = PolicyLoader.ReadFile(PathOf(file));

        Assert.Equal(Expected[file], result.Diagnostics.Select(Relative).ToArray());
        Assert.Equal(HasError(file), !result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_throws_nothing_but_a_PolicyException_carrying_the_same_diagnostics(string file)
    {
        Exception? thrown = null;
        try
        {
            PolicyLoader.Load(PathOf(file));
        }
        catch (Exception e)
        {
            thrown = e;
        }

        if (!HasError(file))
        {
            Assert.Null(thrown);
            return;
        }

        var exception = Assert.IsType<PolicyException>(thrown);
        Assert.Equal(Expected[file], exception.Diagnostics.Select(Relative).ToArray());
    }

    [Fact]
    public void Every_file_in_the_folder_has_an_expectation_and_is_listed_in_the_README()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        Assert.True(files.Length >= 34, $"only {files.Length} malformed files");
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), files);
        Assert.All(files, file => Assert.Contains($"`{file}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void A_withdrawn_2006_code_is_only_a_warning_and_the_policy_still_loads()
    {
        var policy = PolicyLoader.Load(PathOf("withdrawn-code.yaml"));

        var rule = Assert.IsType<DailyCodeRule>(policy.FindRule("holiday-letter"));
        Assert.Equal(["H"], rule.Codes.Codes);
        Assert.NotNull(policy.FindRule("penalty-notice-threshold"));
    }

    [Theory]
    [InlineData("billion-laughs.yaml", 13, 15)]
    [InlineData("billion-laughs-few-aliases.yaml", 13, 10)]
    public void A_billion_laughs_file_is_refused_at_the_node_limit_with_default_limits(string file, int line, int column)
    {
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Load(PathOf(file), PolicyLoadOptions.Default));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Null(diagnostic.RuleId);
        Assert.Equal(
            $"the file expands to more than {PolicyLoadLimits.Default.MaxNodes:N0} nodes (aliases are counted each time they are used)",
            diagnostic.Message);
    }

    [Fact]
    public void A_large_policy_without_aliases_is_not_refused_at_the_node_limit()
    {
        // 20,000 notes of 5 nodes each: about 100,000 nodes, half the limit, and no aliases. Each node counts once.
        var yaml = new StringBuilder("""
            id: many-notes
            version: "1"
            name: Many Notes School
            document:
              title: Attendance Policy
            extends: england-2024
            notes:

            """);
        for (var i = 0; i < 20_000; i++)
        {
            yaml.Append("  - { topic: t").Append(i).Append(", text: x }\n");
        }

        var result = PolicyLoader.ReadString(yaml.ToString(), "many-notes.yaml");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(20_000, result.Policy!.Notes.Count);
    }

    [Fact]
    public void Too_many_aliases_are_refused_at_the_alias_limit_with_default_limits()
    {
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Load(PathOf("too-many-aliases.yaml"), PolicyLoadOptions.Default));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal($"the file uses more than {PolicyLoadLimits.Default.MaxAliases} aliases", diagnostic.Message);
    }

    [Fact]
    public void A_policy_nested_beyond_the_depth_limit_is_refused_at_the_first_level_too_deep()
    {
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Load(PathOf("deep-nesting.yaml")));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal($"the file nests mappings and lists more than {PolicyLoadLimits.Default.MaxDepth} deep", diagnostic.Message);

        // The root mapping is level 1, so 'notes: [' opens level 2 at column 8 and level 33 opens 31 columns later.
        Assert.Equal((7, 8 + PolicyLoadLimits.Default.MaxDepth - 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Three_distinct_errors_are_all_reported_in_one_PolicyException()
    {
        const string yaml = """
            id: three-errors
            version: "1"
            name: Three Errors School
            document:
              title: Attendance Policy
            extends: england-2024
            colour: blue
            registration:
              windows:
                - session: AM
                  opens: "08:45"
                  late_after: 9am
                  closes: "09:15"
                  source: "registers close at 9.15am"
            rules:
              - id: low-attendance-letter
                type: attendance_below
                title: Letter when attendance is below 140%
                action: letter
                percent: 140
                source: "attendance below 140%"
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));

        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Load(stream, "three-errors.yaml"));

        Assert.Equal(
            [
                "three-errors.yaml:7:1: error: unknown key 'colour' in the policy (expected one of: id, version, name, local_authority, phase, document, extends, disable, compulsory_year_groups, retention_years, register_open_limit_minutes, code_sets, absence_flags, registration, penalty_notices, leave, notes, defaults, indicators, rules)",
                "three-errors.yaml:12:19: error: 'late_after' of a registration window must be a time of day as \"HH:mm\", got '9am' (expected a 24-hour time such as \"08:55\")",
                "three-errors.yaml:20:14: error: rule 'low-attendance-letter': 'percent' of an attendance_below rule is 140: a percentage is 0–100 (expected a number from 0 to 100)",
            ],
            exception.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(3, exception.Errors.Count());
        Assert.All(exception.Diagnostics, d => Assert.Contains(d.ToString(), exception.Message, StringComparison.Ordinal));
    }

    private static string PathOf(string file) => Path.Combine(Folder, file);

    private static string Relative(PolicyDiagnostic diagnostic) =>
        diagnostic.ToString().Replace(Folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static bool HasError(string file) => Expected[file].Any(d => d.Contains(": error: ", StringComparison.Ordinal));
}
