using System.Collections.Concurrent;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Validation;

namespace Attendance.Rules.Tests.Policies;

/// <summary>
/// Every <c>source</c> quote of every policy under policies/ is found, after normalising, in the
/// document its policy names (<c>document.source_file</c>, relative to policies/). A quote of an
/// item the school inherits unchanged from a national base is looked up in that base's document.
/// </summary>
public class SourceQuoteTests
{
    private static readonly ConcurrentDictionary<string, string> NormalisedDocuments = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<Policy>> NationalBases = new(() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Policies, "national"), "*.yaml")
            .Where(path => !path.EndsWith(".tests.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => PolicyLoader.Load(path))
            .ToList());

    public static TheoryData<string> PolicyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.AllPolicies())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Policies, path));
        }

        return data;
    }

    [Fact]
    public void The_policies_folder_has_the_national_base_and_the_five_seed_schools()
    {
        var files = RepositoryPaths.AllPolicies().Select(p => Path.GetRelativePath(RepositoryPaths.Policies, p).Replace('\\', '/')).ToList();
        Assert.Contains("national/england-2024.yaml", files);
        foreach (var school in new[] { "stanborough", "hall-green-primary", "laurence-jackson", "willoughby-primary", "aycliffe-drive-primary" })
        {
            Assert.Contains($"{school}.yaml", files);
        }
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_source_quote_is_found_in_the_policy_document(string relativePath)
    {
        var policy = LoadPolicy(relativePath);
        var quotes = PolicyQuotes.Collect(policy).ToList();
        Assert.NotEmpty(quotes);

        var missing = MissingQuotes(relativePath, policy);

        Assert.True(missing.Count == 0, $"{missing.Count} of {quotes.Count} quotes not found:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_policy_names_a_source_file_under_the_policies_folder(string relativePath)
    {
        var policy = LoadPolicy(relativePath);
        Assert.False(string.IsNullOrWhiteSpace(policy.Document.SourceFile), $"{relativePath} has no document.source_file");

        var full = Path.GetFullPath(Path.Combine(FolderOf(relativePath), policy.Document.SourceFile!));
        Assert.StartsWith(Path.GetFullPath(RepositoryPaths.Policies) + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
        Assert.True(File.Exists(full), $"{relativePath}: document.source_file '{policy.Document.SourceFile}' does not exist");
    }

    [Fact]
    public void An_altered_quote_is_reported_missing_with_the_policy_file_the_rule_id_and_the_quote()
    {
        var policy = LoadPolicy("stanborough.yaml");
        Assert.Empty(MissingQuotes("stanborough.yaml", policy));
        var staged = Assert.IsType<StagedRule>(policy.FindRule("attendance-concern"));
        var stage1 = staged.Stages[0];
        var original = Assert.Single(stage1.Sources);
        var altered = original.Replace("below 96%", "below 95%", StringComparison.Ordinal);
        Assert.NotEqual(original, altered);
        var alteredRule = staged with { Stages = staged.Stages.Select(s => s == stage1 ? s with { Sources = ValueList.Of(altered) } : s).ToValueList() };
        var alteredPolicy = policy with { Rules = policy.Rules.Select(r => r == staged ? alteredRule : r).ToValueList() };

        var missing = MissingQuotes("stanborough.yaml", alteredPolicy);

        var line = Assert.Single(missing);
        Assert.Contains("stanborough.yaml", line, StringComparison.Ordinal);
        Assert.Contains("rule 'attendance-concern' stage 1:", line, StringComparison.Ordinal);
        Assert.Contains(altered, line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_altered_note_quote_is_reported_missing()
    {
        var policy = LoadPolicy("willoughby-primary.yaml");
        var note = policy.Notes.First(n => n.Sources.Count > 0);
        var altered = note.Sources[0] + " Extra words.";
        var alteredPolicy = policy with
        {
            Notes = policy.Notes.Select(n => n == note ? n with { Sources = ValueList.Of(altered) } : n).ToValueList(),
        };

        var line = Assert.Single(MissingQuotes("willoughby-primary.yaml", alteredPolicy));

        Assert.Contains($"note '{note.Topic}'", line, StringComparison.Ordinal);
        Assert.Contains(altered, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_school_rule_quoting_the_national_document_instead_of_its_own_is_reported_missing()
    {
        // The quote exists in sources/national-framework.md, but the school's own rule must quote the school's document.
        var policy = LoadPolicy("stanborough.yaml");
        var national = NationalBases.Value.Single(p => p.Id == EmbeddedPolicies.NationalBaseId);
        var nationalQuote = national.FindRule("penalty-notice-threshold")!.Sources[0];
        var own = policy.FindRule("penalty-notice-threshold")!;
        Assert.NotEqual(national.FindRule("penalty-notice-threshold"), own);
        var alteredPolicy = policy with
        {
            Rules = policy.Rules.Select(r => r == own ? own with { Sources = ValueList.Of(nationalQuote) } : r).ToValueList(),
        };

        var line = Assert.Single(MissingQuotes("stanborough.yaml", alteredPolicy));

        Assert.Contains("rule 'penalty-notice-threshold':", line, StringComparison.Ordinal);
        Assert.Contains("sources/stanborough.txt", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_of_a_rule_inherited_from_the_national_base_is_found_in_the_national_document()
    {
        var policy = LoadPolicy("stanborough.yaml");
        var national = NationalBases.Value.Single(p => p.Id == EmbeddedPolicies.NationalBaseId);
        var inherited = policy.FindRule("la-sickness-return");
        Assert.Equal(national.FindRule("la-sickness-return"), inherited);
        var document = NormalisedDocument(NationalFolder, national.Document.SourceFile!);

        Assert.All(inherited!.Sources, quote => Assert.True(QuoteNormaliser.Occurs(document, quote), quote));
        Assert.False(QuoteNormaliser.Occurs(NormalisedDocument(RepositoryPaths.Policies, policy.Document.SourceFile!), inherited.Sources[0]));
    }

    [Theory]
    [InlineData("recognised reli-\ngious observance", "recognised religious observance")]
    [InlineData("a part-time ta-\r\nbles return", "a part-time tables return")]
    [InlineData("travelling for occupa-\n\ntional purposes", "travelling for occupational purposes")]
    [InlineData("must be *considered*  when", "must be considered when")]
    [InlineData("codes `G`, `N`,\n\t`O`", "codes G, N, O")]
    [InlineData("your child\u2019s \u201Cattendance\u201D", "your child's \"attendance\"")]
    [InlineData("Religious Observance \u2013 a maximum \u2014 of", "Religious Observance - a maximum - of")]
    [InlineData("\u0421 \u0412 \u041A \u0420 \u0442 \u0445 \u0131 \u03B5 \u0661", "C B K P t x i e 1")]
    [InlineData("  leading and\u00A0trailing  ", "leading and trailing")]
    public void The_normaliser_removes_conversion_artefacts(string text, string expected)
    {
        Assert.Equal(expected, QuoteNormaliser.Normalise(text));
    }

    [Theory]
    [InlineData("below 96%", "below 95%")]
    [InlineData("Stage 1", "stage 1")]
    [InlineData("G, O, U", "G, N, O, U")]
    [InlineData("part-time", "part time")]
    [InlineData("at 9.00am", "at 9:00am")]
    public void The_normaliser_keeps_different_words_different(string document, string quote)
    {
        Assert.False(QuoteNormaliser.Occurs(QuoteNormaliser.Normalise(document), quote));
    }

    [Fact]
    public void An_empty_quote_is_never_found()
    {
        Assert.False(QuoteNormaliser.Occurs(QuoteNormaliser.Normalise("any text"), " * "));
    }

    /// <summary>The quotes of a policy not found in their documents, one report line each.</summary>
    internal static IReadOnlyList<string> MissingQuotes(string relativePath, Policy policy)
    {
        var missing = new List<string>();
        foreach (var site in PolicyQuotes.Collect(policy))
        {
            var national = InheritedFrom(site);
            var owner = national ?? policy;
            var folder = national is null ? FolderOf(relativePath) : NationalFolder;
            var sourceFile = owner.Document.SourceFile;
            if (sourceFile is null)
            {
                missing.Add($"{relativePath}: {site.Describe()}: policy '{owner.Id}' has no document.source_file");
            }
            else if (!QuoteNormaliser.Occurs(NormalisedDocument(folder, sourceFile), site.Quote))
            {
                missing.Add($"{relativePath}: {site.Describe()} is not in {sourceFile}");
            }
        }

        return missing;
    }

    private static Policy LoadPolicy(string relativePath)
    {
        var result = PolicyLoader.ReadFile(Path.Combine(RepositoryPaths.Policies, relativePath));
        Assert.True(result.Succeeded, $"{relativePath} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        return result.Policy!;
    }

    /// <summary>The national base whose equal item (same location, same quote, equal owner) the site comes from, if any.</summary>
    private static Policy? InheritedFrom(QuoteSite site) =>
        NationalBases.Value.FirstOrDefault(national => PolicyQuotes.Collect(national).Any(n =>
            n.Location == site.Location && n.Quote == site.Quote && n.Owner.Equals(site.Owner)));

    /// <summary>A document named by source_file, which is relative to the folder of the policy that names it.</summary>
    private static string NormalisedDocument(string folder, string sourceFile) =>
        NormalisedDocuments.GetOrAdd(Path.GetFullPath(Path.Combine(folder, sourceFile)), path => QuoteNormaliser.Normalise(File.ReadAllText(path)));

    private static string FolderOf(string relativePath) => Path.GetDirectoryName(Path.Combine(RepositoryPaths.Policies, relativePath))!;

    private static string NationalFolder => Path.Combine(RepositoryPaths.Policies, "national");
}
