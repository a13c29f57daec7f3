using Attendance.Rules.Loading;
using Attendance.Rules.Tests.Files;

namespace Attendance.Rules.Tests.Loading;

/// <summary>
/// <c>extends</c> reaches only embedded policies and files within the policy's own folder tree; a
/// device, a FIFO, an absolute or escaping path is refused with a located error, and a file that is
/// not a policy is never quoted (issue 14).
/// </summary>
public sealed class ExtendsConfinementTests : IDisposable
{
    private const string School = "id: school\nversion: \"1\"\nname: School\ndocument: { title: Policy }\nextends: ";

    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("/etc/passwd.yaml", "an absolute path")]
    [InlineData("../outside.yaml", "a path that leaves this policy's folder")]
    [InlineData("sub/../../outside.yaml", "a path that leaves this policy's folder")]
    public void An_absolute_or_escaping_path_is_refused(string reference, string reason)
    {
        var result = Load(reference);
        var error = Assert.Single(Errors(result));
        Assert.Equal((5, 10), (error.Line, error.Column));
        Assert.StartsWith($"'extends' names '{reference}': {reason}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_device_is_refused_without_reading_it()
    {
        files.Link("zero.yaml", "/dev/zero");
        var error = Assert.Single(Errors(Load("zero.yaml")));
        Assert.Contains("outside this policy's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_is_refused_without_hanging()
    {
        files.Fifo("base.yaml");
        PolicyLoadResult? result = null;
        HostileFiles.Guarded(() => result = Load("base.yaml"));
        var error = Assert.Single(Errors(result!));
        Assert.Contains("is a FIFO (named pipe), not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_refused()
    {
        using var other = new HostileFiles();
        var target = other.Write("base.yaml", "id: base\nversion: \"1\"\nname: Base\ndocument: { title: Base }\n");
        files.Link("base.yaml", target);
        Assert.Contains("outside this policy's folder", Assert.Single(Errors(Load("base.yaml"))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password: hunter2\n[unclosed\n")]
    [InlineData("AWS_SECRET=hunter2\n")]
    [InlineData("- hunter2\n")]
    public void A_file_that_is_not_a_policy_is_never_quoted(string secret)
    {
        files.Write("credentials.yaml", secret);
        var result = Load("credentials.yaml");
        var error = Assert.Single(Errors(result));
        Assert.StartsWith("'extends' names 'credentials.yaml', which is not a policy: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join("\n", result.Diagnostics.Select(d => d.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_in_a_subfolder_is_still_resolved()
    {
        files.Write("national/base.yaml", "id: base\nversion: \"1\"\nname: Base\ndocument: { title: Base }\nextends: england-2024\n");
        var result = Load("national/base.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Policy!.FindRule("penalty-notice-threshold"));
    }

    private static List<PolicyDiagnostic> Errors(PolicyLoadResult result) => [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];

    private PolicyLoadResult Load(string reference) => PolicyLoader.ReadFile(files.Write("school.yaml", School + reference + "\n"));
}
