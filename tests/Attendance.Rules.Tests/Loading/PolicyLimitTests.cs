using System.Text;
using Attendance.Rules.Loading;

namespace Attendance.Rules.Tests.Loading;

/// <summary>
/// The loader's limits (<see cref="PolicyLoadLimits"/>, docs/security.md): each hostile input is
/// refused with one located, readable error. Work is bounded by the limits, not by the input: the
/// 100 MB cases show it by never reading the whole input. A generous hang guard stops a regression
/// from hanging the run; it is not a timing assertion.
/// </summary>
public class PolicyLimitTests
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    private static readonly PolicyLoadLimits Limits = PolicyLoadLimits.Default;

    [Fact]
    public void The_default_limits_are_the_documented_ones()
    {
        Assert.Equal(
            (1 << 20, 32, 64, 200_000, 1_000, 10_000, 8),
            (Limits.MaxCharacters, Limits.MaxDepth, Limits.MaxAliases, Limits.MaxNodes, Limits.MaxRules, Limits.MaxLineLength, Limits.MaxExtendsDepth));
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security.md"));
        foreach (var limit in new[] { "1 MiB", "32", "64", "200,000", "1,000", "10,000", "8" })
        {
            Assert.Contains(limit, doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_100_MB_policy_file_is_refused_by_its_size_without_being_opened()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("notes: [a, b, c] # padding padding\n", 1024)));
                for (long written = 0; written < HundredMegabytes; written += chunk.Length)
                {
                    writer.Write(chunk);
                }
            }

            var length = new FileInfo(path).Length;
            PolicyLoadResult? result = null;

            // Held exclusively, the file cannot be opened for reading: had the loader tried, it would
            // report "cannot be read" instead of the size.
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                Guarded(() => result = PolicyLoader.ReadFile(path));
            }

            var diagnostic = Assert.Single(result!.Diagnostics);
            Assert.False(result.Succeeded);
            Assert.Equal((DiagnosticSeverity.Error, 1, 1), (diagnostic.Severity, diagnostic.Line, diagnostic.Column));
            Assert.Equal($"the policy file is {length:N0} bytes, more than the limit of {Limits.MaxCharacters:N0} characters", diagnostic.Message);
            Assert.Equal("a policy file of at most 1 MiB", diagnostic.Expected);
            Assert.Throws<PolicyException>(() => PolicyLoader.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_100_MB_policy_stream_is_refused_after_reading_little_more_than_the_limit()
    {
        using var stream = new EndlessYaml(HundredMegabytes);

        PolicyLoadResult? result = null;
        Guarded(() => result = PolicyLoader.ReadStream(stream, "huge.yaml"));

        var diagnostic = Assert.Single(result!.Diagnostics);
        Assert.Equal($"the policy has more than {Limits.MaxCharacters:N0} characters", diagnostic.Message);
        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
        Assert.True(stream.BytesRead < 4L * 1024 * 1024, $"read {stream.BytesRead:N0} bytes of a 100 MB stream");
    }

    [Fact]
    public void A_string_just_over_the_character_limit_is_refused_and_one_at_it_is_not_refused_for_size()
    {
        var over = "notes: []\n" + new string('#', Limits.MaxCharacters);
        var refused = PolicyLoader.ReadString(over, "over.yaml");
        Assert.Equal($"the policy file has {over.Length:N0} characters, more than the limit of {Limits.MaxCharacters:N0}", Assert.Single(refused.Diagnostics).Message);

        var atLimit = PolicyLoader.ReadString(new string('#', Limits.MaxCharacters), "at.yaml");
        Assert.DoesNotContain(atLimit.Diagnostics, d => d.Message.Contains("characters, more than the limit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Ten_thousand_levels_of_flow_nesting_one_a_line_are_refused_at_the_depth_limit_on_the_level_too_deep(string open, string close)
    {
        // One level a line, so the line-length limit does not answer first.
        var yaml = "id: deep\nnotes:\n" + string.Concat(Enumerable.Repeat("  " + open + "\n", 10_000)) + "  x\n" + string.Concat(Enumerable.Repeat("  " + close + "\n", 10_000));

        PolicyLoadResult? result = null;
        Guarded(() => result = PolicyLoader.ReadString(yaml, "deep.yaml"));

        // The root mapping is level 1 and line 3 opens level 2, so level 33 opens on line 34.
        var diagnostic = Assert.Single(result!.Diagnostics);
        Assert.Equal($"deep.yaml:{2 + Limits.MaxDepth}:3: error: the file nests mappings and lists more than {Limits.MaxDepth} deep (expected at most {Limits.MaxDepth} levels)", diagnostic.ToString());
    }

    [Fact]
    public void Ten_thousand_levels_of_block_lists_on_one_line_are_refused_by_the_line_limit()
    {
        var yaml = "id: deep\nnotes: " + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";

        PolicyLoadResult? result = null;
        Guarded(() => result = PolicyLoader.ReadString(yaml, "deep.yaml"));

        Assert.Equal($"line 2 is longer than the limit of {Limits.MaxLineLength:N0} characters", Assert.Single(result!.Diagnostics).Message);
    }

    [Fact]
    public void A_thousand_levels_of_indented_mappings_are_refused_at_the_depth_limit()
    {
        // Each level indented one more space (10,000 such levels would pass the size limit first).
        var yaml = new StringBuilder("id: deep\nnotes:\n");
        for (var i = 1; i <= 1_000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        PolicyLoadResult? result = null;
        Guarded(() => result = PolicyLoader.ReadString(yaml.ToString(), "deep.yaml"));

        var diagnostic = Assert.Single(result!.Diagnostics);
        Assert.Equal($"the file nests mappings and lists more than {Limits.MaxDepth} deep", diagnostic.Message);
        Assert.Equal(2 + Limits.MaxDepth, diagnostic.Line);
    }

    [Fact]
    public void A_line_longer_than_the_line_limit_is_refused_naming_the_line()
    {
        var yaml = "id: long\nversion: \"1\"\nname: " + new string('x', Limits.MaxLineLength) + "\n";

        var diagnostic = Assert.Single(PolicyLoader.ReadString(yaml, "long.yaml").Diagnostics);

        Assert.Equal($"line 3 is longer than the limit of {Limits.MaxLineLength:N0} characters", diagnostic.Message);
    }

    [Fact]
    public void More_rules_than_the_rule_limit_are_refused_with_the_count_and_one_at_the_limit_are_not()
    {
        static string Policy(int rules)
        {
            var yaml = new StringBuilder("""
                id: many-rules
                version: "1"
                name: Many Rules School
                document:
                  title: Attendance Policy
                extends: england-2024
                rules:

                """);
            for (var i = 0; i < rules; i++)
            {
                yaml.Append("  - { id: r").Append(i).Append(", type: attendance_below, title: Letter, action: letter, percent: 90, source: \"below 90%\" }\n");
            }

            return yaml.ToString();
        }

        // The base policy brings its own rules, so the file's own stay a little under the limit.
        var under = PolicyLoader.ReadString(Policy(Limits.MaxRules - 10), "under.yaml");
        Assert.DoesNotContain(under.Diagnostics, d => d.Message.Contains("rules, more than the limit", StringComparison.Ordinal));

        var over = PolicyLoader.ReadString(Policy(Limits.MaxRules + 1), "over.yaml");
        Assert.False(over.Succeeded);
        Assert.Contains(over.Diagnostics, d => d.Severity == DiagnosticSeverity.Error
            && d.Message.StartsWith("the policy has ", StringComparison.Ordinal)
            && d.Message.EndsWith($" rules, more than the limit of {Limits.MaxRules}", StringComparison.Ordinal)
            && d.Line >= 1 && d.Column >= 1);
    }

    [Fact]
    public void A_billion_laughs_policy_is_refused_by_the_node_budget_under_the_hang_guard()
    {
        var yaml = new StringBuilder("id: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 6))).Append("]\n");
        }

        PolicyLoadResult? result = null;
        Guarded(() => result = PolicyLoader.ReadString(yaml.ToString(), "lol.yaml"));

        var diagnostic = Assert.Single(result!.Diagnostics);
        Assert.StartsWith($"the file expands to more than {Limits.MaxNodes:N0} nodes", diagnostic.Message, StringComparison.Ordinal);
    }

    private static void Guarded(Action action)
    {
        var work = Task.Run(action);
        Assert.True(work.Wait(TimeSpan.FromSeconds(10)), "no answer within the hang guard of 10 s");
    }

    /// <summary>A read-only stream of the given length of valid-looking YAML, produced as it is read; counts the bytes read.</summary>
    private sealed class EndlessYaml(long length) : Stream
    {
        private static readonly byte[] Pattern = Encoding.UTF8.GetBytes("  - { topic: padding, text: more padding }\n");

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Pattern[(int)((BytesRead + i) % Pattern.Length)];
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
