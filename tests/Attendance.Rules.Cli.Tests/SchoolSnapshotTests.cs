using Snapshooter;
using Snapshooter.Xunit;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// For each seed school, the full evaluation (the tool's JSON) of a fixed sample cohort — eight
/// pupils of the school's shipped sample register (Data/cohorts) — approved in the repository, so
/// any change of a figure or action shows as a diff in review.
/// </summary>
public sealed class SchoolSnapshotTests
{
    [Theory]
    [InlineData("stanborough")]
    [InlineData("hall-green-primary")]
    [InlineData("laurence-jackson")]
    [InlineData("willoughby-primary")]
    [InlineData("aycliffe-drive-primary")]
    public void The_evaluation_of_the_fixed_cohort_matches_the_approved_snapshot(string school)
    {
        var result = CliRun.Run(
            "evaluate", "--format", "json",
            "--policy", CliRun.RepositoryPolicy(school + ".yaml"),
            "--marks", CliRun.Data($"cohorts/{school}.csv"),
            "--pupils", CliRun.Data($"cohorts/{school}-pupils.csv"),
            "--as-of", "2026-07-31");

        Assert.Equal(0, result.Exit);
        Assert.Contains("\"rows_rejected\": 0", result.Stdout, StringComparison.Ordinal);
        Snapshot.Match(result.Stdout, SnapshotNameExtension.Create(school));
    }
}
