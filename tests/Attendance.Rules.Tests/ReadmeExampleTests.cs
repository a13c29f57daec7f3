using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests;

public class ReadmeExampleTests
{
    [Fact]
    public void The_README_quick_start_prints_what_it_says()
    {
        // Kept identical to README.md's quick start, but for the path and the captured output.
        var policy = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml")));
        var monday = new LocalDate(2025, 9, 8);
        var register = PupilRegister.Create("P001",
        [
            SessionMark.Create(Session.Morning(monday), "/"),
            SessionMark.Create(Session.Afternoon(monday), "I"),
        ]);
        var result = policy.Evaluate(register, asOf: monday);
        var output = new List<string> { $"{result.Figures.AttendancePercent}% persistent: {result.Figures.IsPersistentAbsence}" };
        foreach (var action in result.Actions)
        {
            output.Add($"{action.Date:yyyy-MM-dd} {action.Kind}: {action.Title}");
        }

        Assert.Equal(
            ["50.00% persistent: True", "2025-09-08 Letter: Stage 1 - Initial Concern Letter", "2025-09-08 Sanction: Where attendance drops below 96 percent, these privileges may be taken away"],
            output);
    }

    [Fact]
    public void The_README_code_block_is_the_one_this_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains("SessionMark.Create(Session.Afternoon(monday), \"I\"),", readme, StringComparison.Ordinal);
        Assert.Contains("// 50.00% persistent: True\n// 2025-09-08 Letter: Stage 1 - Initial Concern Letter\n// 2025-09-08 Sanction: Where attendance drops below 96 percent, these privileges may be taken away", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Attendance.Rules.sln", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Attendance.Rules.Cli -- evaluate --policy policies/stanborough.yaml --marks samples/data/stanborough.csv --pupils samples/data/stanborough-pupils.csv", readme, StringComparison.Ordinal);
    }
}
