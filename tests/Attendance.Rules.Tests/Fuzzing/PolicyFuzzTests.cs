using System.Text;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Fuzzing;

/// <summary>
/// Mutates every policy file under policies/ (byte flips, truncation, duplicated, missing and
/// swapped lines, deep nesting, huge numbers, odd Unicode, a BOM, CRLF, tabs, NUL bytes, stray
/// anchors and aliases) and checks that the loader answers each input with a policy or with located
/// errors, and nothing else. A loaded policy is also compiled and evaluated on a short register.
/// The number of cases is bounded and the seed fixed (<c>Replay</c>), so every run tries the same
/// inputs; each input runs under a generous hang guard, which is not a timing assertion.
/// </summary>
public class PolicyFuzzTests
{
    internal static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static readonly string[] PolicyFiles = RepositoryPaths.AllPolicies().ToArray();

    private static readonly byte[][] Seeds = PolicyFiles.Select(File.ReadAllBytes).ToArray();

    [Fact]
    public void Every_policy_file_is_a_seed_and_each_seed_loads_unmutated()
    {
        Assert.Equal(18, Seeds.Length); // the national base, the five seed schools and the twelve real policies under examples/
        for (var i = 0; i < Seeds.Length; i++)
        {
            var result = Load(Seeds[i], Path.GetFileName(PolicyFiles[i]));
            Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    [Property(MaxTest = 400, Replay = "(20261123,1117)")]
    public void A_mutated_policy_gives_a_policy_or_located_errors_and_nothing_else(NonNegativeInt seed, NonNegativeInt mutator, NonNegativeInt position, int value)
    {
        var index = seed.Get % Seeds.Length;
        var input = Mutators.Apply(Seeds[index], mutator.Get, position.Get, value);
        AssertAnswered(input, Path.GetFileName(PolicyFiles[index]));
    }

    [Property(MaxTest = 150, Replay = "(4242,2025)")]
    public void A_policy_mutated_twice_gives_a_policy_or_located_errors_and_nothing_else(NonNegativeInt seed, NonNegativeInt first, NonNegativeInt second, NonNegativeInt position, int value)
    {
        var index = seed.Get % Seeds.Length;
        var once = Mutators.Apply(Seeds[index], first.Get, position.Get, value);
        var twice = Mutators.Apply(once, second.Get, position.Get / 2 + 7, value ^ 0x5A5A);
        AssertAnswered(twice, Path.GetFileName(PolicyFiles[index]));
    }

    [Theory]
    [MemberData(nameof(EveryMutatorOnEverySeed))]
    public void Each_mutator_on_each_seed_gives_a_policy_or_located_errors(int seed, int mutator)
    {
        for (var position = 0; position < 5; position++)
        {
            AssertAnswered(Mutators.Apply(Seeds[seed], mutator, position * 997 + seed, (position * 7919) - 3), Path.GetFileName(PolicyFiles[seed]));
        }
    }

    public static TheoryData<int, int> EveryMutatorOnEverySeed()
    {
        var data = new TheoryData<int, int>();
        for (var seed = 0; seed < Seeds.Length; seed++)
        {
            for (var mutator = 0; mutator < Mutators.Count; mutator++)
            {
                data.Add(seed, mutator);
            }
        }

        return data;
    }

    [Fact]
    public void The_mutators_change_their_input()
    {
        var seed = Seeds[0];
        for (var mutator = 0; mutator < Mutators.Count; mutator++)
        {
            var changed = Enumerable.Range(0, 10).Count(p => !Mutators.Apply(seed, mutator, p * 131, p + 1).AsSpan().SequenceEqual(seed));
            Assert.True(changed > 0, $"mutator {Mutators.Names[mutator]} never changed the seed");
        }
    }

    [Fact]
    public void Some_mutated_inputs_still_load_and_some_are_refused_so_the_suite_exercises_both_paths()
    {
        var outcomes = Enumerable.Range(0, 200)
            .Select(i => Load(Mutators.Apply(Seeds[i % Seeds.Length], i, i * 37, i * 11), "policy.yaml").Succeeded)
            .ToList();

        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    /// <summary>
    /// Found by this suite: YamlDotNet's scanner threw <see cref="InvalidOperationException"/> for a
    /// Unicode line break (U+0085, U+2028, U+2029) inside a flow collection, and the loader let it
    /// out. Fixed in YamlTreeReader.MoveNext: it is now a located "not valid YAML" error.
    /// </summary>
    [Theory]
    [InlineData("a: [G, \u2028O]\n", 1, 8, "2028")]
    [InlineData("a: [\u0085O]", 1, 5, "0085")]
    [InlineData("a: {b: \u2029c}", 1, 8, "2029")]
    [InlineData("id: x\ncode_sets:\n  unauthorised: [G, N, \u2028O, U]\n", 3, 24, "2028")]
    public void A_Unicode_line_break_inside_a_flow_collection_is_located_invalid_YAML_not_an_InvalidOperationException(string yaml, int line, int column, string codePoint)
    {
        var result = PolicyLoader.ReadString(yaml, "line-break.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.False(result.Succeeded);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Equal($"the file is not valid YAML: a Unicode line break (U+{codePoint}) where a value was expected", diagnostic.Message);
        Assert.IsType<PolicyException>(Record.Exception(() => PolicyLoader.LoadFromString(yaml, "line-break.yaml")));
    }

    private static PolicyLoadResult Load(byte[] input, string name)
    {
        using var stream = new MemoryStream(input, writable: false);
        return PolicyLoader.ReadStream(stream, name);
    }

    /// <summary>Loads the input (and, where it loads, compiles and evaluates it) under the hang guard; fails on anything but a policy or located errors.</summary>
    internal static void AssertAnswered(byte[] input, string name)
    {
        var work = Task.Run(() =>
        {
            var result = Load(input, name);
            if (result.Succeeded)
            {
                Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
                var compiled = PolicyEvaluator.Compile(result.Policy!);
                compiled.Evaluate(ShortRegister, ShortRegisterEnd);
            }
            else
            {
                Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
                Assert.All(result.Diagnostics, d =>
                {
                    Assert.True(d.Line >= 1 && d.Column >= 1, $"unlocated diagnostic: {d}");
                    Assert.False(string.IsNullOrWhiteSpace(d.Message), $"empty message: {d}");
                    Assert.False(string.IsNullOrEmpty(d.File), $"no file: {d}");
                });

                // Load gives the same diagnostics as a PolicyException and throws nothing else.
                using var stream = new MemoryStream(input, writable: false);
                var thrown = Assert.Throws<PolicyException>(() => PolicyLoader.Load(stream, name));
                Assert.Equal(result.Diagnostics, thrown.Diagnostics);
            }
        });

        bool finished;
        try
        {
            finished = work.Wait(HangGuard);
        }
        catch (AggregateException e)
        {
            throw new Xunit.Sdk.XunitException($"{Describe(input)}{Environment.NewLine}gave {e.InnerException}");
        }

        Assert.True(finished, $"no answer within the hang guard of {HangGuard.TotalSeconds} s for {Describe(input)}");
    }

    internal static string Describe(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var shown = text.Length > 600 ? text[..600] + "…" : text;
        return $"the input ({input.Length} bytes) starting: {shown.Replace("\0", "\\0", StringComparison.Ordinal)}";
    }

    private static readonly LocalDate ShortRegisterEnd = new(2025, 9, 19);

    private static readonly PupilRegister ShortRegister = PupilRegister.Create(
        "F001",
        Enumerable.Range(0, 10).SelectMany(d =>
        {
            var date = new LocalDate(2025, 9, 8).PlusDays(d + (d >= 5 ? 2 : 0));
            return new[]
            {
                SessionMark.Create(new Session(date, SessionOfDay.AM), d % 3 == 0 ? "O" : "/"),
                SessionMark.Create(new Session(date, SessionOfDay.PM), d % 4 == 0 ? "I" : "\\"),
            };
        }),
        "7");
}
