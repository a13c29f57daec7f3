using System.CommandLine;
using System.Globalization;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Cli.PolicyTests;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>test &lt;policy.yaml | x.tests.yaml | folder&gt;... [--coverage] [--threshold N]</c>: runs policy
/// tests files (docs/policy-tests.md). Exit 0 when every scenario passes (and coverage reaches the
/// threshold), 1 when a scenario fails, 3 when all pass but coverage is below the threshold, 2 for a
/// bad tests file, policy or command line.
/// </summary>
internal static class TestCommand
{
    /// <summary>The exit code when every scenario passed but a policy's coverage is below --threshold.</summary>
    public const int BelowThreshold = 3;

    public const string Suffix = ".tests.yaml";

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Policy files (their <name>.tests.yaml beside them is run), .tests.yaml files, or folders searched recursively for *.tests.yaml.",
            Arity = ArgumentArity.OneOrMore,
        };
        var coverage = new Option<bool>("--coverage")
        {
            Description = "List each policy's rules, stages and registration sanctions that no scenario made fire, and indicators no scenario made hold, with the percentage covered.",
        };
        var threshold = new Option<decimal?>("--threshold")
        {
            Description = "Minimum coverage percentage (0-100); below it the run exits 3. Implies --coverage.",
            HelpName = "N",
        };
        var command = new Command("test", "Runs policy tests files (scenarios in YAML: a register in the compact notation, an evaluation date, expected figures, threshold hits and actions). Exit 0 all pass, 1 a scenario failed, 3 coverage below --threshold, 2 bad input.")
        {
            paths,
            coverage,
            threshold,
        };
        command.Validators.Add(result =>
        {
            // Read from the token: a value that is not a number is already a parse error, and asking for it would throw.
            if (result.GetResult(threshold) is { Tokens: [var token] } && decimal.TryParse(token.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) && (t < 0 || t > 100))
            {
                result.AddError("--threshold must be between 0 and 100.");
            }
        });
        command.SetAction(result => App.Guard(result, (stdout, _, _) =>
            Run(result.GetRequiredValue(paths), result.GetValue(coverage), result.GetValue(threshold), stdout)));
        return command;
    }

    /// <summary>The tests files a path names: a tests file itself, the tests file beside a policy, or every tests file under a folder.</summary>
    public static List<string> Find(string path)
    {
        if (Directory.Exists(path))
        {
            return TestFolder.Find(path, Suffix);
        }

        if (path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(path) ? [path] : throw new InputException($"{path}: no such tests file");
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var beside = Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileNameWithoutExtension(path) + Suffix);
            return File.Exists(beside) ? [beside] : throw new InputException($"{path}: no tests file beside it (expected {beside})");
        }

        throw new InputException($"{path}: not a policy, a {Suffix} file or a folder");
    }

    private static int Run(string[] paths, bool coverage, decimal? threshold, TextWriter stdout)
    {
        var files = paths.SelectMany(Find).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InputException($"no {Suffix} files found in {string.Join(", ", paths)}");
        }

        var results = new List<TestFileResult>();
        foreach (var file in files)
        {
            TestFile parsed;
            try
            {
                parsed = TestFileReader.Read(file);
            }
            catch (TestFileException e)
            {
                throw new InputException(e.Message);
            }

            results.Add(PolicyTestRunner.Run(parsed));
        }

        Write(results, coverage || threshold is not null, stdout);
        var failed = results.Sum(r => r.Scenarios.Count(s => !s.Passed));
        var passed = results.Sum(r => r.Scenarios.Count(s => s.Passed));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        if (failed > 0)
        {
            return App.Failure;
        }

        var below = threshold is { } min ? results.Where(r => r.CoveragePercent < min).ToList() : [];
        foreach (var result in below)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"coverage of {result.Policy.Id} is {result.CoveragePercent}%, below the threshold of {threshold}%"));
        }

        return below.Count > 0 ? BelowThreshold : App.Success;
    }

    private static void Write(List<TestFileResult> results, bool coverage, TextWriter stdout)
    {
        foreach (var result in results)
        {
            stdout.WriteLine($"{result.File.Path} ({result.Policy.Id})");
            foreach (var scenario in result.Scenarios)
            {
                stdout.WriteLine($"  {(scenario.Passed ? "PASS" : "FAIL")} {scenario.Scenario.Name}");
                foreach (var difference in scenario.Differences)
                {
                    stdout.WriteLine($"       {difference}");
                }
            }

            if (coverage)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  coverage: {result.CoveragePercent}% ({result.Covered.Count}/{result.Items.Count} {(result.Policy.Indicators.Count > 0 ? "rules, stages, sanctions and indicators" : "rules, stages and sanctions")})"));
                foreach (var item in result.Uncovered)
                {
                    stdout.WriteLine($"    not covered: {item}");
                }
            }
        }
    }
}
