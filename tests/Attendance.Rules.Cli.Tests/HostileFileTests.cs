using Attendance.Rules.Tests.Files;

namespace Attendance.Rules.Cli.Tests;

/// <summary>
/// Every file the tool opens goes through the bounded reader: a device, a FIFO or a directory is
/// refused with exit 2 and one line naming the path as typed, and nothing hangs (issue 14).
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<string> Kinds => new() { "fifo", "device", "directory", "link-to-device" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Evaluate_refuses_each_input_that_is_not_a_regular_file(string kind)
    {
        foreach (var option in new[] { "--marks", "--pupils", "--calendar" })
        {
            var path = Hostile(kind, option.TrimStart('-') + ".txt");
            string[] args = ["evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", CliRun.Data("marks.csv")];
            var result = Run([.. args.Select(a => a == CliRun.Data("marks.csv") && option == "--marks" ? path : a), .. option == "--marks" ? Array.Empty<string>() : [option, path]]);
            AssertRefused(result, path, kind);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_command_refuses_a_policy_that_is_not_a_regular_file(string kind)
    {
        var path = Hostile(kind, "policy.yaml");
        foreach (var args in new[]
        {
            new[] { "evaluate", "--policy", path, "--marks", CliRun.Data("marks.csv") },
            ["explain", "--policy", path, "--marks", CliRun.Data("marks.csv"), "--pupil", "A001"],
            ["report", "--policy", path, "--marks", CliRun.Data("marks.csv"), "--out", files.PathOf("r.html")],
            ["leave", "--policy", path, "--request", CliRun.Data("leave-holiday.json")],
        })
        {
            AssertRefused(Run(args), path, kind);
        }

        var validate = Run("validate", path);
        Assert.Equal(2, validate.Exit);
        Assert.StartsWith(path + ":1:1: error: the policy file is ", validate.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Leave_refuses_a_request_or_calendar_that_is_not_a_regular_file(string kind)
    {
        var request = Hostile(kind, "request.json");
        AssertRefused(Run("leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", request), request, kind);
        var calendar = Hostile(kind, "calendar.yaml");
        AssertRefused(Run("leave", "--policy", CliRun.RepositoryPolicy("laurence-jackson.yaml"), "--request", CliRun.Data("leave-holiday.json"), "--calendar", calendar), calendar, kind);
    }

    [Fact]
    public void Test_refuses_a_tests_file_that_is_a_fifo()
    {
        var path = files.Fifo("school.tests.yaml");
        AssertRefused(Run("test", path), path, "fifo");
    }

    [Fact]
    public void Test_of_a_folder_does_not_follow_a_link_to_the_root()
    {
        files.Write("mine.tests.yaml", "not read: the walk is what is tested\n");
        files.Link("root", "/");
        files.Link("linked.tests.yaml", CliRun.RepositoryPolicy("stanborough.tests.yaml"));
        Assert.Equal([files.PathOf("mine.tests.yaml")], Commands.TestFolder.Find(files.Folder, ".tests.yaml"));
    }

    [Fact]
    public void A_relative_path_is_named_as_typed()
    {
        var result = Run("evaluate", "--policy", CliRun.Data("policy.yaml"), "--marks", "/dev/null/../zero");
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("/dev/null/../zero: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    private static CliResult Run(params string[] args)
    {
        CliResult? result = null;
        HostileFiles.Guarded(() => result = CliRun.Run(args));
        return result!;
    }

    private static void AssertRefused(CliResult result, string path, string kind)
    {
        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.StderrLines, l => !l.Contains("nothing was evaluated", StringComparison.Ordinal));
        Assert.StartsWith(path + ":", line, StringComparison.Ordinal);
        Assert.Contains(kind switch
        {
            "fifo" => "is a FIFO (named pipe), not a regular file",
            "directory" => "is a directory, not a regular file",
            _ => "is a character device, not a regular file",
        }, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private string Hostile(string kind, string name) => kind switch
    {
        "fifo" => files.Fifo(kind + "-" + name),
        "device" => "/dev/zero",
        "directory" => files.Folder,
        _ => files.Link(kind + "-" + name, "/dev/zero"),
    };
}
