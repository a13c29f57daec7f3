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
        var policy = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "laurence-jackson.yaml"));
        var monday = new LocalDate(2025, 9, 8);
        var register = PupilRegister.Create("P001",
        [
            SessionMark.Create(Session.Morning(monday), "/"),
            SessionMark.Create(Session.Afternoon(monday), "I"),
        ]);
        var figures = AttendanceFigures.ForAcademicYear(register, monday, policy.AbsenceFlags);
        var output = $"{figures.AttendancePercent}% persistent: {figures.IsPersistentAbsence}";
        Assert.Equal("50.00% persistent: True", output);
    }

    [Fact]
    public void The_README_code_block_is_the_one_this_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains("SessionMark.Create(Session.Afternoon(monday), \"I\"),", readme, StringComparison.Ordinal);
        Assert.Contains("// Output: 50.00% persistent: True", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Attendance.Rules.sln", readme, StringComparison.Ordinal);
    }
}
