using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Loading;

public class PolicyWriterTests
{
    private const string Small = """
        id: small
        version: "1"
        name: Small School
        document:
          title: Attendance Policy
        code_sets:
          unauthorised: [G, N, O, U]
        rules:
          - id: penalty
            type: session_count
            title: Penalty notice
            action: referral
            codes: unauthorised
            at_least: 10
            window: { rolling_school_weeks: 10 }
            source: "10 sessions in 10 school weeks."
        """;

    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.AllPolicies())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Policies, path));
        }

        return data;
    }

    public static TheoryData<string> SchoolPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.SchoolPolicies())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Policies, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_file_reads_back_equal_from_what_the_writer_writes(string relativePath)
    {
        var original = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, relativePath));

        var written = PolicyWriter.Write(original);
        var reloaded = ReadBack(written);

        AssertSamePolicy(original, reloaded, written);
        Assert.Equal(written, PolicyWriter.Write(reloaded));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_written_policy_is_self_contained_LF_only_text(string relativePath)
    {
        var written = PolicyWriter.Write(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, relativePath)));

        Assert.DoesNotContain('\r', written);
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\nextends:", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\ndisable:", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", written, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_written_policy_validates_against_the_schema(string relativePath)
    {
        var written = PolicyWriter.Write(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, relativePath)));

        var errors = PolicySchemaTests.Schema.Value.Validate(PolicySchemaTests.YamlToJson(written));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors) + Environment.NewLine + written);
    }

    [Property(Arbitrary = new[] { typeof(GeneratedPolicies) }, MaxTest = 100)]
    public void A_generated_policy_reads_back_equal_from_what_the_writer_writes(Policy policy)
    {
        var written = PolicyWriter.Write(policy);
        var reloaded = ReadBack(written);

        AssertSamePolicy(policy, reloaded, written);
        Assert.Equal(written, PolicyWriter.Write(reloaded));
    }

    [Fact]
    public void The_policy_generator_makes_every_rule_type_window_stage_condition_and_optional_part()
    {
        var policies = GeneratedPolicies.PolicyGen.Sample(300, new Rnd(20250901UL), 50);
        var rules = policies.SelectMany(p => p.Rules).ToList();
        var conditions = rules.OfType<StagedRule>().SelectMany(s => s.Stages).Select(s => s.When.TypeName).ToHashSet();
        var selections = rules.Select(CodesOf).OfType<CodeSelection>().ToList();

        Assert.Equal(
            ["attendance_below", "code_ends", "code_starts", "consecutive_days", "daily_code", "reinterpret", "reward", "scheduled", "session_count", "staged", "unresolved_code"],
            rules.Select(r => r.TypeName).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<CountWindowKind>(), rules.OfType<SessionCountRule>().Select(r => r.Window.Kind).Distinct().Order());
        Assert.Equal(["absence_after_previous", "attendance_below", "attendance_declined", "monitoring_attendance_below"], conditions.Order(StringComparer.Ordinal));
        Assert.Contains(rules.OfType<SessionCountRule>(), r => r.AtLeastSessions > 1_000);
        Assert.Equal(Enum.GetValues<CodeReading>(), rules.OfType<SessionCountRule>().Select(r => r.Reading).Concat(rules.OfType<ConsecutiveDaysRule>().Select(r => r.Reading)).Distinct().Order());
        Assert.Contains(selections, s => s.SetName is not null);
        Assert.Contains(selections, s => s.SetName is null);
        Assert.Contains(policies, p => p.Registration.Windows.Count > 0 && p.Registration.Sanctions.Count > 0);
        Assert.Contains(policies, p => p.PenaltyNotices is { Superseded.Count: > 0 });
        Assert.Contains(rules, r => r.Role == RuleRole.PenaltyNoticeThreshold);
        Assert.Contains(policies, p => p.Notes.Count > 0 && p.CodeSets.Count > 0 && p.AbsenceFlags != AbsenceThresholds.National);
        Assert.Contains(policies, p => Texts(p).Any(t => t.Length > global::Attendance.Rules.Loading.Canonical.CanonicalYaml.MaxQuotedChunk));
        Assert.Contains(policies, p => Texts(p).Any(t => t.StartsWith(' ')));
        Assert.Contains(policies, p => Texts(p).Any(t => t.Contains(": ", StringComparison.Ordinal)));
        Assert.Contains(policies, p => Texts(p).Any(t => t.Contains('#')));
        Assert.Contains(policies, p => Texts(p).Any(t => t.Contains('"')));
        Assert.Contains(policies, p => Texts(p).Any(t => t.Any(c => c > '\u007F')));
    }

    [Fact]
    public void Keys_come_in_a_fixed_order_and_optional_values_only_where_not_the_default()
    {
        var written = PolicyWriter.Write(PolicyLoader.LoadFromString("""
            rules:
              - source: "Below 90%."
                percent: 90.50
                inclusive: false
                period: academic_year
                min_possible_sessions: 0
                repeat: once_per_year
                action: letter
                title: Below 90
                type: attendance_below
                id: below-90
              - id: count
                type: session_count
                title: Count
                action: letter
                codes: [O]
                at_least: 3
                window: term
                repeat: fresh_sessions
                source: "Three."
              - id: lapse
                type: attendance_below
                title: Lapse
                action: letter
                percent: 80
                inclusive: true
                period: rolling_12_months
                min_possible_sessions: 20
                repeat: on_lapse
                source: "Eighty."
            document: { title: T, reference: null, date: null }
            name: N
            version: 1
            id: p
            local_authority: null
            retention_years: null
            absence_flags: { persistent_percent: 10, severe_percent: 50 }
            registration: { windows: [], sanctions: [] }
            notes: []
            """));

        Assert.Equal(
            """
            id: "p"
            version: "1"
            name: "N"
            document:
              title: "T"
            rules:
              - id: "below-90"
                type: attendance_below
                title: "Below 90"
                action: letter
                percent: 90.5
                source: "Below 90%."
              - id: "count"
                type: session_count
                title: "Count"
                action: letter
                codes: ["O"]
                at_least: 3
                window: term
                source: "Three."
              - id: "lapse"
                type: attendance_below
                title: "Lapse"
                action: letter
                percent: 80
                inclusive: true
                period: rolling_12_months
                min_possible_sessions: 20
                source: "Eighty."
                repeat: on_lapse

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            written);
    }

    [Fact]
    public void Code_selections_are_written_as_the_code_set_name_and_the_code_sets_at_top_level()
    {
        var policy = PolicyLoader.LoadFromString(Small);

        var written = PolicyWriter.Write(policy);

        Assert.Contains("\ncode_sets:\n  unauthorised: [\"G\", \"N\", \"O\", \"U\"]\n", written, StringComparison.Ordinal);
        Assert.Contains("\n    codes: unauthorised\n", written, StringComparison.Ordinal);
        Assert.Equal("unauthorised", ((SessionCountRule)ReadBack(written).Rules[0]).Codes.SetName);
    }

    [Fact]
    public void A_code_set_name_that_does_not_match_the_policys_code_sets_is_written_as_its_codes()
    {
        var policy = PolicyLoader.LoadFromString(Small);
        var rule = (SessionCountRule)policy.Rules[0];
        var renamed = policy with { Rules = ValueList.Of<Rule>(rule with { Codes = new CodeSelection("truancy", ValueList.Of("O")) }) };

        var reloaded = ReadBack(PolicyWriter.Write(renamed));

        Assert.Equal(new CodeSelection(null, ValueList.Of("O")), ((SessionCountRule)reloaded.Rules[0]).Codes);
    }

    [Theory]
    [InlineData("session_count", "days: 15\n    window: term", "at_least: 30\n")]
    [InlineData("session_count", "more_than: 10\n    window: term", "at_least: 11\n")]
    [InlineData("session_count", "more_than_days: 15\n    window: term", "at_least: 31\n")]
    [InlineData("session_count", "days: 5000\n    window: term", "at_least: 10000\n")]
    [InlineData("session_count", "more_than: 9999\n    window: term", "at_least: 10000\n")]
    [InlineData("consecutive_days", "more_than: 10", "at_least: 11\n")]
    [InlineData("consecutive_days", "more_than: 9999", "at_least: 10000\n")]
    public void Counts_are_written_as_at_least_sessions_where_at_least_can_say_them(string type, string count, string expected)
    {
        var yaml = $"id: p\nversion: \"1\"\nname: N\ndocument: {{ title: T }}\nrules:\n  - id: r\n    type: {type}\n    title: R\n    action: letter\n    codes: [O]\n    {count}\n    source: \"S\"\n";
        var policy = PolicyLoader.LoadFromString(yaml);

        var written = PolicyWriter.Write(policy);

        Assert.Contains("\n    " + expected, written, StringComparison.Ordinal);
        AssertSamePolicy(policy, ReadBack(written), written);
    }

    [Theory]
    [InlineData("a: b # c", "\"a: b # c\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\path", "\"C:\\\\path\"")]
    [InlineData("  leading and trailing  ", "\"  leading and trailing  \"")]
    [InlineData("café — 😀 ’", "\"café — 😀 ’\"")]
    [InlineData("line one\nline two\r\n\ttab", "\"line one\\nline two\\r\\n\\ttab\"")]
    [InlineData("bell\u0007 del\u007F nel\u0085 nbsp\u00A0 ls\u2028 bom\uFEFF", "\"bell\\a del\\x7F nel\\N nbsp\\_ ls\\L bom\\uFEFF\"")]
    [InlineData("null", "\"null\"")]
    public void Text_is_double_quoted_with_YAML_escapes_and_read_back_as_it_was(string title, string expected)
    {
        var policy = PolicyLoader.LoadFromString(Small) with { Name = title };

        var written = PolicyWriter.Write(policy);

        Assert.Contains("\nname: " + expected + "\n", written, StringComparison.Ordinal);
        Assert.Equal(title, ReadBack(written).Name);
    }

    [Fact]
    public void The_codes_slash_and_backslash_are_quoted_and_survive()
    {
        var policy = PolicyLoader.LoadFromString(Small.Replace("codes: unauthorised", "codes: ['/', '\\', L]", StringComparison.Ordinal));

        var written = PolicyWriter.Write(policy);

        Assert.Contains("codes: [\"/\", \"\\\\\", \"L\"]", written, StringComparison.Ordinal);
        Assert.Equal(ValueList.Of("/", "\\", "L"), ((SessionCountRule)ReadBack(written).Rules[0]).Codes.Codes);
    }

    [Fact]
    public void A_text_longer_than_a_line_continues_on_escaped_line_breaks_and_reads_back_whole()
    {
        var chunk = global::Attendance.Rules.Loading.Canonical.CanonicalYaml.MaxQuotedChunk;
        // A space falls exactly at the start of the second line (it must be escaped to be kept), a
        // two-character escape and a surrogate pair straddle later line ends, and the text is longer
        // than the loader's 10,000-character line limit.
        var text = new string('a', chunk) + "  b" + new string('c', chunk - 4) + "\n" + new string('d', chunk - 4) + "😀😀"
            + string.Concat(Enumerable.Repeat("word \"quoted\" \\ 日本 ", 1500)) + " ";
        var policy = PolicyLoader.LoadFromString(Small) with
        {
            Notes = ValueList.Of(new PolicyNote("long", text, ValueList.Of(text))),
        };

        var written = PolicyWriter.Write(policy);

        Assert.True(text.Length > 30_000);
        Assert.All(written.Split('\n'), line => Assert.True(line.Length <= chunk + 20, $"a line of {line.Length} characters"));
        Assert.Contains("\n      \\  b", written, StringComparison.Ordinal);
        AssertSamePolicy(policy, ReadBack(written), written);
    }

    [Fact]
    public void Decimals_are_written_in_the_invariant_culture_without_trailing_zeros_whatever_the_current_culture()
    {
        var policy = PolicyLoader.LoadFromString(Small.Replace("at_least: 10", "at_least: 10000", StringComparison.Ordinal)) with
        {
            AbsenceFlags = AbsenceThresholds.Of(9.50m, 1000.5m / 20m),
        };
        var invariant = PolicyWriter.Write(policy);
        var before = CultureInfo.CurrentCulture;
        string french;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            french = PolicyWriter.Write(policy);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(invariant, french);
        Assert.Contains("\n  persistent_percent: 9.5\n  severe_percent: 50.025\n", invariant, StringComparison.Ordinal);
        Assert.Contains("\n    at_least: 10000\n", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_written_as_yyyy_MM_dd_and_times_as_quoted_HH_mm()
    {
        var policy = PolicyLoader.LoadFromString(Small) with
        {
            Document = new PolicyDocument("T", null, new LocalDate(2025, 9, 1), null),
            Registration = new Registration(
                ValueList.Of(new RegistrationWindow(SessionOfDay.AM, ValueList<string>.Empty, new LocalTime(8, 5), new LocalTime(8, 5), new LocalTime(9, 0), false, ValueList.Of("S"))),
                ValueList<LatenessSanction>.Empty),
        };

        var written = PolicyWriter.Write(policy);

        Assert.Contains("\n  date: 2025-09-01\n", written, StringComparison.Ordinal);
        Assert.Contains("\n      opens: \"08:05\"\n      late_after: \"08:05\"\n      closes: \"09:00\"\n", written, StringComparison.Ordinal);
        AssertSamePolicy(policy, ReadBack(written), written);
    }

    [Fact]
    public void A_time_with_seconds_cannot_be_written()
    {
        var policy = PolicyLoader.LoadFromString(Small) with
        {
            Registration = new Registration(
                ValueList.Of(new RegistrationWindow(SessionOfDay.AM, ValueList<string>.Empty, new LocalTime(8, 5, 30), new LocalTime(8, 6), new LocalTime(9, 0), false, ValueList.Of("S"))),
                ValueList<LatenessSanction>.Empty),
        };

        var e = Assert.Throws<ArgumentException>(() => PolicyWriter.Write(policy));
        Assert.Contains("08:05:30", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_cannot_be_written()
    {
        var policy = PolicyLoader.LoadFromString(Small) with { Name = "broken \uD800 text" };

        Assert.Throws<ArgumentException>(() => PolicyWriter.Write(policy));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_fingerprint_is_12_lower_case_hex_digits_of_the_SHA_256_of_the_canonical_form(string relativePath)
    {
        var policy = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, relativePath));

        var fingerprint = PolicyFingerprint.Of(policy);

        Assert.Matches(new Regex("^[0-9a-f]{12}$"), fingerprint);
        var hash = global::Attendance.Rules.Loading.Canonical.CanonicalHash.Of(PolicyWriter.CanonicalForm(policy));
        Assert.Equal(Convert.ToHexString(hash)[..12].ToLowerInvariant(), fingerprint);
        // The canonical form is hashed, not its YAML.
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PolicyWriter.Write(policy))))[..12].ToLowerInvariant(), fingerprint);
        Assert.Equal($"{policy.Version}+{fingerprint}", PolicyFingerprint.VersionOf(policy));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_fingerprint_is_stable_for_the_same_content(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Policies, relativePath);

        var first = PolicyLoader.Load(path);
        var second = PolicyLoader.Load(path);

        Assert.NotSame(first, second);
        Assert.Equal(PolicyFingerprint.Of(first), PolicyFingerprint.Of(second));
        Assert.Equal(PolicyFingerprint.Of(first), PolicyFingerprint.Of(ReadBack(PolicyWriter.Write(first))));
    }

    [Theory]
    [MemberData(nameof(SchoolPolicies))]
    public void A_fingerprint_is_unchanged_by_a_BOM_or_CRLF_line_endings_in_the_source(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, relativePath)).ReplaceLineEndings("\n");
        var crlf = text.ReplaceLineEndings("\r\n");
        Assert.Contains("\r\n", crlf, StringComparison.Ordinal);
        var plain = PolicyLoader.LoadFromString(text);

        var withBom = PolicyLoader.LoadFromString("\uFEFF" + text);
        var withCrlf = PolicyLoader.LoadFromString(crlf);
        using var bytes = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(crlf)]);
        var fromBomCrlfStream = PolicyLoader.Load(bytes, relativePath);

        var expected = PolicyFingerprint.Of(plain);
        Assert.Equal(expected, PolicyFingerprint.Of(withBom));
        Assert.Equal(expected, PolicyFingerprint.Of(withCrlf));
        Assert.Equal(expected, PolicyFingerprint.Of(fromBomCrlfStream));
    }

    [Fact]
    public void A_fingerprint_is_unchanged_by_layout_comments_quoting_and_key_order()
    {
        var relaidOut = """
            # a comment
            name: 'Small School'
            id: "small"
            version: '1'
            document: { title: "Attendance Policy" }
            rules:
              - { id: penalty, type: session_count, title: Penalty notice, action: referral, codes: unauthorised,
                  window: { rolling_school_weeks: 10 }, more_than: 9, source: ["10 sessions in 10 school weeks."] }
            code_sets: { unauthorised: ["G", N, 'O', U] }
            """;

        Assert.Equal(PolicyFingerprint.Of(PolicyLoader.LoadFromString(Small)), PolicyFingerprint.Of(PolicyLoader.LoadFromString(relaidOut)));
    }

    [Theory]
    [InlineData("at_least: 10", "at_least: 11")]
    [InlineData("rolling_school_weeks: 10", "rolling_school_weeks: 9")]
    [InlineData("version: \"1\"", "version: \"2\"")]
    [InlineData("[G, N, O, U]", "[G, N, O]")]
    [InlineData("school weeks.\"", "school weeks\"")]
    public void A_fingerprint_changes_when_a_value_changes(string find, string replace)
    {
        Assert.Contains(find, Small, StringComparison.Ordinal);

        var before = PolicyFingerprint.Of(PolicyLoader.LoadFromString(Small));
        var after = PolicyFingerprint.Of(PolicyLoader.LoadFromString(Small.Replace(find, replace, StringComparison.Ordinal)));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void A_fingerprint_changes_when_a_number_in_the_model_changes()
    {
        var policy = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml"));
        var fines = policy.PenaltyNotices!;
        var cheaper = policy with
        {
            PenaltyNotices = fines with { Notices = fines.Notices.Select((f, i) => i == 1 ? f with { Amount = f.Amount - 0.01m } : f).ToValueList() },
        };

        Assert.NotEqual(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(cheaper));
        Assert.NotEqual(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(policy with { RetentionYears = policy.RetentionYears + 1 }));
        Assert.Equal(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(policy with { RetentionYears = policy.RetentionYears }));
    }

    private static Policy ReadBack(string written)
    {
        var result = PolicyLoader.ReadString(written, "written.yaml");
        Assert.True(
            result.Succeeded,
            "the loader rejects the written policy:" + Environment.NewLine
            + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + Environment.NewLine
            + "---" + Environment.NewLine + written);
        return result.Policy!;
    }

    /// <summary>Asserts equality, naming the first part that differs so a failure can be read.</summary>
    private static void AssertSamePolicy(Policy expected, Policy actual, string written)
    {
        if (expected.Equals(actual))
        {
            return;
        }

        var parts = new (string Name, object? Expected, object? Actual)[]
        {
            ("id", expected.Id, actual.Id), ("version", expected.Version, actual.Version), ("name", expected.Name, actual.Name),
            ("local_authority", expected.LocalAuthority, actual.LocalAuthority), ("phase", expected.Phase, actual.Phase),
            ("document", expected.Document, actual.Document), ("compulsory_year_groups", expected.CompulsoryYearGroups, actual.CompulsoryYearGroups),
            ("retention_years", expected.RetentionYears, actual.RetentionYears),
            ("register_open_limit_minutes", expected.RegisterOpenLimitMinutes, actual.RegisterOpenLimitMinutes),
            ("code_sets", expected.CodeSets, actual.CodeSets), ("absence_flags", expected.AbsenceFlags, actual.AbsenceFlags),
            ("absence_flags.source", expected.AbsenceFlagSources, actual.AbsenceFlagSources), ("registration", expected.Registration, actual.Registration),
            ("penalty_notices", expected.PenaltyNotices, actual.PenaltyNotices), ("notes", expected.Notes, actual.Notes),
        };
        var differences = parts.Where(p => !Equals(p.Expected, p.Actual)).Select(p => $"{p.Name}:{Environment.NewLine}  expected {p.Expected}{Environment.NewLine}  actual   {p.Actual}").ToList();
        for (var i = 0; i < Math.Max(expected.Rules.Count, actual.Rules.Count); i++)
        {
            var e = i < expected.Rules.Count ? expected.Rules[i] : null;
            var a = i < actual.Rules.Count ? actual.Rules[i] : null;
            if (!Equals(e, a))
            {
                differences.Add($"rule {i}:{Environment.NewLine}  expected {e}{Environment.NewLine}  actual   {a}");
            }
        }

        Assert.Fail("the policy read back differs from the one written:" + Environment.NewLine + string.Join(Environment.NewLine, differences)
            + Environment.NewLine + "---" + Environment.NewLine + written);
    }

    private static CodeSelection? CodesOf(Rule rule) => rule switch
    {
        SessionCountRule r => r.Codes,
        ConsecutiveDaysRule r => r.Codes,
        DailyCodeRule r => r.Codes,
        CodeChangeRule r => r.Codes,
        ReinterpretRule r => r.Codes,
        _ => null,
    };

    private static IEnumerable<string> Texts(Policy p) =>
        new[] { p.Name, p.Document.Title }
            .Concat(p.Notes.SelectMany(n => n.Sources.Prepend(n.Text)))
            .Concat(p.Rules.SelectMany(r => r.Sources.Prepend(r.Title)));
}

/// <summary>
/// Random valid policies: every rule type, window and stage condition, registration windows and
/// sanctions, penalty notices, notes, code sets, and text with quotes, colons, '#', escapes,
/// non-ASCII, leading spaces and (now and then) more characters than fit on one line.
/// </summary>
public static class GeneratedPolicies
{
    private static readonly string[] Fragments =
    [
        "Attendance", " letter", "Stage 1 - Initial Concern", "a: b", "key:value", "# not a comment", " # hash", "\"quoted\"",
        "'single'", "it's", "C:\\path\\to", "\\", "/", "{ flow: map }", "[1, 2]", "- dash", "* star", "&anchor", "*alias",
        "!tag", "%directive", "@at", "`tick`", "|", ">", "?", "null", "~", "true", "no", "0x1F", "1e3", "08:30", "2025-09-01",
        "£160", "café", "naïve", "Straße", "Łódź", "ε", "日本語", "😀", "𝔸", "—", "–", "’", "“curly”", "\t", "\n", "\r\n",
        "  ", "\u00A0", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u0007", "\u001B", "\u007F", "\u0090", "\uFFFD", "...", "---", " ",
    ];

    private static readonly string[] Words = ["Stage", "Letter", "x", "Ä", "5", "Meeting", "A"];

    private static readonly string[] IdWords = ["attendance", "stage", "letter", "a", "x1", "null", "true", "123", "no", "penalty-notice-threshold"];

    private static readonly string[] SetNames = ["unauthorised", "absent", "null", "true", "123", "no-show", "on", "x"];

    private static readonly string[] Codes =
    [
        .. NationalCodeTable.CodesOf(CodeSet.Regulations2024).Select(c => c.Code),
        .. NationalCodeTable.CodesOf(CodeSet.Regulations2006).Select(c => c.Code).Where(c => !NationalCodeTable.TryFind(c, CodeSet.Regulations2024, out _)).Take(2),
    ];

    private static Gen<string> ShortText { get; } =
        from lead in Gen.Elements("", "", " ", "  ", "\t")
        from word in Gen.Elements(Words)
        from count in Gen.Choose(0, 4)
        from parts in Gen.Elements(Fragments).ListOf(count)
        from wordFirst in Gen.Elements(true, false)
        select wordFirst ? lead + word + string.Concat(parts) : lead + string.Concat(parts) + word;

    private static Gen<string> LongText { get; } =
        from text in ShortText
        from parts in Gen.Elements(Fragments).ListOf(8)
        from times in Gen.Choose(150, 400)
        select text + string.Concat(Enumerable.Repeat(string.Concat(parts) + " ", times));

    private static Gen<string> Text { get; } = Gen.Frequency((40, ShortText), (1, LongText));

    private static Gen<string?> OptionalText { get; } = Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Text.Select(t => (string?)t)));

    private static Gen<ValueList<string>> SomeSources { get; } =
        from n in Gen.Choose(1, 3)
        from quotes in Text.ListOf(n)
        select quotes.ToValueList();

    private static Gen<ValueList<string>> MaybeSources { get; } = Gen.OneOf(Gen.Constant(ValueList<string>.Empty), SomeSources);

    private static Gen<ValueList<FollowUp>> FollowUps { get; } =
        from n in Gen.Choose(0, 2)
        from items in (from title in Text from sources in SomeSources select new FollowUp(title, sources)).ListOf(n)
        select items.ToValueList();

    /// <summary>A percentage 0–100 with at most 2 decimals, sometimes written with trailing zeros (96.50).</summary>
    private static Gen<decimal> PercentGen { get; } =
        from hundredths in Gen.Choose(0, 10_000)
        from scale in Gen.Elements<byte>(0, 2)
        select scale == 0 && hundredths % 100 == 0 ? hundredths / 100 : new decimal(hundredths, 0, 0, false, 2);

    private static Gen<decimal> Amount { get; } = Gen.Choose(0, 10_000_000).Select(pence => new decimal(pence, 0, 0, false, 2));

    private static Gen<ActionKind> ActionGen { get; } = Gen.Elements(Enum.GetValues<ActionKind>());

    private static Gen<ValueList<string>> CodeList { get; } =
        from n in Gen.Choose(1, 5)
        from shuffled in Gen.Shuffle(Codes)
        select shuffled.Take(n).ToValueList();

    private static Gen<Policy> MakePolicy() =>
        from id in Gen.Elements("school", "a", "hall-green-primary", "null", "123", "x-1-y")
        from version in Gen.OneOf(Gen.Elements("2025.1", "1", "true", "0.10", "2024.1 (draft)"), ShortText)
        from name in Text
        from localAuthority in OptionalText
        from phase in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("primary", "secondary", "all-through", "national"), OptionalText)
        from document in DocumentGen
        from yearGroups in Gen.OneOf(Gen.Constant(ValueList<string>.Empty), Gen.Elements("R", "1", "7", "11", "13", "Year 7").ListOf().Select(l => l.ToValueList()), ShortText.ListOf(2).Select(l => l.ToValueList()))
        from retention in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 100).Select(n => (int?)n))
        from openLimit in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 1440).Select(n => (int?)n))
        from codeSets in CodeSetsGen
        from flags in AbsenceFlagsGen
        from flagSources in MaybeSources
        from registration in RegistrationGen
        from notices in Gen.Frequency((1, Gen.Constant<PenaltyNotices?>(null)), (3, PenaltyNoticesGen.Select(p => (PenaltyNotices?)p)))
        from notes in NoteGen.ListOf(Gen.Choose(0, 3))
        from rules in Rules(codeSets)
        from penaltyRole in Gen.Elements(true, false)
        select new Policy
        {
            Id = id,
            Version = version,
            Name = name,
            LocalAuthority = localAuthority,
            Phase = phase,
            Document = document,
            CompulsoryYearGroups = yearGroups,
            RetentionYears = retention,
            RegisterOpenLimitMinutes = openLimit,
            CodeSets = codeSets,
            AbsenceFlags = flags,
            AbsenceFlagSources = flagSources,
            Registration = registration,
            PenaltyNotices = notices,
            Notes = notes.ToValueList(),
            Rules = penaltyRole ? WithPenaltyNoticeRole(rules) : rules,
        };

    /// <summary>The role on the first count rule, as at most one rule may have it.</summary>
    private static ValueList<Rule> WithPenaltyNoticeRole(ValueList<Rule> rules)
    {
        var count = rules.FirstOrDefault(r => r is SessionCountRule);
        return count is null ? rules : rules.Select(r => ReferenceEquals(r, count) ? r with { Role = RuleRole.PenaltyNoticeThreshold } : r).ToValueList();
    }

    private static Gen<List<T>> ListOf<T>(this Gen<T> gen, Gen<int> count) => count.SelectMany(n => gen.ListOf(n).Select(l => l.ToList()));

    private static Gen<PolicyDocument> DocumentGen { get; } =
        from title in Text
        from reference in OptionalText
        from date in Gen.OneOf(Gen.Constant<LocalDate?>(null), Gen.Choose(0, 365 * 200).Select(d => (LocalDate?)new LocalDate(1900, 1, 1).PlusDays(d)))
        from sourceFile in Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>("sources/school.txt"), OptionalText)
        select new PolicyDocument(title, reference, date, sourceFile);

    /// <summary>0–3 code sets with distinct names, sorted by name as the loader keeps them.</summary>
    private static Gen<ValueList<KeyValuePair<string, ValueList<string>>>> CodeSetsGen { get; } =
        from n in Gen.Choose(0, 3)
        from names in Gen.Shuffle(SetNames)
        from lists in CodeList.ListOf(n)
        select names.Take(n).Zip(lists, (name, codes) => KeyValuePair.Create(name, codes)).OrderBy(p => p.Key, StringComparer.Ordinal).ToValueList();

    private static Gen<AbsenceThresholds> AbsenceFlagsGen { get; } = Gen.Frequency(
        (1, Gen.Constant(AbsenceThresholds.National)),
        (2, from a in PercentGen from b in PercentGen select AbsenceThresholds.Of(Math.Min(a, b), Math.Max(a, b))));

    private static Gen<Registration> RegistrationGen { get; } =
        from windowCount in Gen.Choose(0, 4)
        from combos in Gen.Shuffle(new[] { (SessionOfDay.AM, 0), (SessionOfDay.PM, 0), (SessionOfDay.AM, 1), (SessionOfDay.PM, 2), (SessionOfDay.AM, 3) })
        from windows in Gen.CollectToArray(combos.Take(windowCount), c => Window(c.Item1, c.Item2))
        from sanctionCount in Gen.Choose(0, 3)
        from sanctions in Gen.CollectToArray(Enumerable.Range(0, sanctionCount), Sanction)
        select new Registration(windows.ToValueList(), sanctions.ToValueList());

    private static Gen<RegistrationWindow> Window(SessionOfDay session, int yearGroups) =>
        from minutes in Gen.Choose(0, 24 * 60 - 1).ListOf(3)
        from oddGroup in ShortText
        from accepted in Gen.Elements(true, false)
        from sources in SomeSources
        let sorted = minutes.Order().ToArray()
        let groups = yearGroups switch { 0 => ValueList<string>.Empty, 1 => ValueList.Of("7", "8"), 2 => ValueList.Of("R"), _ => ValueList.Of(oddGroup, "10") }
        select new RegistrationWindow(session, groups, At(sorted[0]), At(sorted[1]), At(sorted[2]), accepted, sources);

    private static LocalTime At(int minute) => new(minute / 60, minute % 60);

    private static Gen<LatenessSanction> Sanction(int index) =>
        from word in Gen.Elements(IdWords.Where(w => !w.Contains("penalty", StringComparison.Ordinal)).ToArray())
        from title in Text
        from session in Gen.Elements<SessionOfDay?>(null, SessionOfDay.AM, SessionOfDay.PM)
        from after in Gen.Choose(0, 24 * 60 - 2)
        from until in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(after + 1, 24 * 60 - 1).Select(m => (int?)m))
        from exempt in Gen.Elements(true, false)
        from sources in SomeSources
        select new LatenessSanction($"{word}-s{index}", title, session, At(after), until is { } u ? At(u) : null, exempt, sources);

    private static Gen<PenaltyNoticeFine> FineGen { get; } =
        from amount in Amount
        from reducedShare in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 100).Select(n => (int?)n))
        from reducedDays in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 365).Select(n => (int?)n))
        from payDays in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 365).Select(n => (int?)n))
        select new PenaltyNoticeFine(amount, reducedShare is { } share ? Math.Round(amount * share / 100m, 2) : null, reducedDays, payDays);

    private static Gen<SupersededFines> SupersededGen { get; } =
        from amounts in Amount.ListOf(Gen.Choose(0, 3))
        from text in Text
        from sources in SomeSources
        select new SupersededFines(amounts.ToValueList(), text, sources);

    private static Gen<PenaltyNotices> PenaltyNoticesGen { get; } =
        from notices in FineGen.ListOf(Gen.Choose(1, 3))
        from period in Gen.Choose(1, 50)
        from afterLimit in Text
        from superseded in SupersededGen.ListOf(Gen.Choose(0, 2))
        from sources in SomeSources
        select new PenaltyNotices(notices.ToValueList(), period, afterLimit, superseded.ToValueList(), sources);

    private static Gen<PolicyNote> NoteGen { get; } =
        from topic in Gen.OneOf(Gen.Elements("retention", "afternoon-register"), Text)
        from text in Text
        from sources in MaybeSources
        select new PolicyNote(topic, text, sources);

    private static Gen<CodeSelection> Selection(ValueList<KeyValuePair<string, ValueList<string>>> codeSets)
    {
        var listed = CodeList.Select(codes => new CodeSelection(null, codes));
        var named = codeSets.Where(s => s.Key.Length > 2).ToArray();
        return named.Length == 0 ? listed : Gen.OneOf(listed, Gen.Elements(named).Select(s => new CodeSelection(s.Key, s.Value)));
    }

    /// <summary>0–10 rules (or pairs of a staged rule and a reinterpret rule after one of its stages) with unique ids.</summary>
    private static Gen<ValueList<Rule>> Rules(ValueList<KeyValuePair<string, ValueList<string>>> codeSets) =>
        from n in Gen.Choose(0, 10)
        from groups in Gen.CollectToArray(Enumerable.Range(0, n), i => RuleGroup(i, codeSets))
        select groups.SelectMany(g => g).ToValueList();

    private static Gen<Rule[]> RuleGroup(int index, ValueList<KeyValuePair<string, ValueList<string>>> codeSets) =>
        from word in Gen.Elements(IdWords)
        let id = $"{word}-{index}"
        from kind in Gen.Choose(0, 11)
        from rules in kind switch
        {
            0 => Single(AttendanceBelow(id)),
            1 => Single(SessionCount(id, codeSets)),
            2 => Single(Consecutive(id, codeSets)),
            3 => Single(Selection(codeSets).Select(c => (Rule)new DailyCodeRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Codes = c })),
            4 => Single(Unresolved(id)),
            5 => Single(CodeChange(id, codeSets)),
            6 => Single(Staged(id)),
            7 => StagedWithReinterpret(id, codeSets),
            8 => Single(Reward(id)),
            9 => Single(Scheduled(id)),
            10 => Single(SessionCount(id, codeSets)),
            _ => StagedWithReinterpret(id, codeSets),
        }
        select rules;

    private static Gen<Rule[]> Single(Gen<Rule> rule) => Common(rule).Select(r => new[] { r });

    /// <summary>Fills in what every rule has: title, action (not on staged and reinterpret), sources, follow-ups, repeat, note.</summary>
    private static Gen<Rule> Common(Gen<Rule> rule) =>
        from r in rule
        from title in Text
        from action in ActionGen
        from sources in r is StagedRule ? MaybeSources : SomeSources
        from followUps in FollowUps
        from repeat in PolicyReader.RepeatModesOf.TryGetValue(r.TypeName, out var modes) ? Gen.Elements(modes) : Gen.Constant(RepeatMode.OncePerYear)
        from note in OptionalText
        select r with
        {
            Title = title,
            Action = r is StagedRule or ReinterpretRule ? null : action,
            Sources = sources,
            FollowUps = followUps,
            Repeat = repeat,
            Note = note,
        };

    private static Gen<Rule> AttendanceBelow(string id) =>
        from percent in PercentGen
        from inclusive in Gen.Elements(true, false)
        from period in Gen.Elements(Enum.GetValues<AttendancePeriod>())
        from min in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 10_000))
        select (Rule)new AttendanceBelowRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Percent = percent, Inclusive = inclusive, Period = period, MinPossibleSessions = min };

    /// <summary>A session count; now and then above 10,000 sessions, which only days/more_than_days can say.</summary>
    private static Gen<Rule> SessionCount(string id, ValueList<KeyValuePair<string, ValueList<string>>> codeSets) =>
        from codes in Selection(codeSets)
        from count in Gen.Frequency((10, Gen.Choose(1, 40)), (3, Gen.Choose(1, 10_000)))
        from window in Gen.OneOf(
            Gen.Choose(1, 60).Select(CountWindow.Rolling),
            Gen.Elements(CountWindow.AcademicYear, CountWindow.Term, CountWindow.CurrentAndPreviousTerm))
        from reading in Gen.Elements(CodeReading.Reinterpreted, CodeReading.Recorded)
        select (Rule)new SessionCountRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Codes = codes, Reading = reading, AtLeastSessions = count, Window = window };

    private static Gen<Rule> Consecutive(string id, ValueList<KeyValuePair<string, ValueList<string>>> codeSets) =>
        from codes in Selection(codeSets)
        from days in Gen.Frequency((10, Gen.Choose(1, 40)), (3, Gen.Choose(1, 10_000)))
        from reading in Gen.Elements(CodeReading.Reinterpreted, CodeReading.Recorded)
        select (Rule)new ConsecutiveDaysRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Codes = codes, Reading = reading, AtLeastDays = days };

    private static Gen<Rule> Unresolved(string id) =>
        from code in Gen.Elements(Codes)
        from days in Gen.Choose(1, 366)
        select (Rule)new UnresolvedCodeRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Code = code, SchoolDays = days };

    private static Gen<Rule> CodeChange(string id, ValueList<KeyValuePair<string, ValueList<string>>> codeSets) =>
        from codes in Selection(codeSets)
        from ends in Gen.Elements(true, false)
        from within in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 366).Select(n => (int?)n))
        select (Rule)new CodeChangeRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Codes = codes, Ends = ends, WithinSchoolDays = within };

    private static Gen<Rule> Reward(string id) =>
        from percent in PercentGen
        from periods in Gen.Elements(
            ValueList.Of(SchoolPeriod.Term), ValueList.Of(SchoolPeriod.AcademicYear),
            ValueList.Of(SchoolPeriod.Term, SchoolPeriod.AcademicYear), ValueList.Of(SchoolPeriod.AcademicYear, SchoolPeriod.Term))
        select (Rule)new RewardRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Percent = percent, Periods = periods };

    private static Gen<Rule> Scheduled(string id) =>
        Gen.Elements(SchoolPeriod.Week, SchoolPeriod.HalfTerm, SchoolPeriod.Term)
            .Select(every => (Rule)new ScheduledRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Every = every });

    /// <summary>1–5 stages with increasing numbers from 1–20; the first is attendance_below, since_stage names an earlier one.</summary>
    private static Gen<Rule> Staged(string id) =>
        from count in Gen.Choose(1, 5)
        from numbers in Gen.Shuffle(Enumerable.Range(1, 20))
        from stages in Gen.CollectToArray(numbers.Take(count).Order().Select((number, i) => (number, i)), s => StageGen(s.number, numbers.Take(count).Order().Take(s.i).ToArray()))
        select (Rule)new StagedRule { Id = id, Title = "", Sources = ValueList<string>.Empty, Stages = stages.ToValueList() };

    private static Gen<Stage> StageGen(int number, int[] earlier) =>
        from title in Text
        from action in ActionGen
        from when in earlier.Length == 0 ? BelowCondition : Gen.OneOf(
            BelowCondition,
            Gen.Constant<StageCondition>(new AbsenceAfterPreviousCondition()),
            from since in Gen.Elements(earlier)
            from monitoring in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 366).Select(n => (int?)n))
            select (StageCondition)new AttendanceDeclinedCondition(since, monitoring),
            from percent in PercentGen
            from days in Gen.Choose(1, 366)
            select (StageCondition)new MonitoringAttendanceBelowCondition(percent, days))
        from sources in SomeSources
        from followUps in FollowUps
        select new Stage(number, title, action, when, sources, followUps);

    private static Gen<StageCondition> BelowCondition { get; } =
        from percent in PercentGen
        from inclusive in Gen.Elements(true, false)
        select (StageCondition)new AttendanceBelowCondition(percent, inclusive);

    /// <summary>A staged rule and a reinterpret rule after one of its stages, in either order.</summary>
    private static Gen<Rule[]> StagedWithReinterpret(string id, ValueList<KeyValuePair<string, ValueList<string>>> codeSets) =>
        from staged in Common(Staged(id))
        from stage in Gen.Elements(((StagedRule)staged).Stages.Select(s => s.Number).ToArray())
        from codes in Selection(codeSets)
        from unless in Gen.Elements<string?>(null, "medical_evidence")
        from countAs in Gen.Elements(Codes)
        from reinterpret in Common(Gen.Constant<Rule>(new ReinterpretRule
        {
            Id = id + "-after", Title = "", Sources = ValueList<string>.Empty, AfterRule = id, AfterStage = stage, Codes = codes, UnlessFact = unless, CountAs = countAs,
        }))
        from first in Gen.Elements(true, false)
        select first ? new[] { staged, reinterpret } : new[] { reinterpret, staged };

    // Last, so that every generator it uses is initialised first.
    internal static Gen<Policy> PolicyGen { get; } = MakePolicy();

    public static Arbitrary<Policy> Policies() => PolicyGen.ToArbitrary();
}
