using Attendance.Rules.Loading;

namespace Attendance.Rules.Tests.Loading;

public class PolicyFilesTests
{
    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.AllPolicies())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Policies, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_file_loads_without_errors(string relativePath)
    {
        var result = PolicyLoader.ReadFile(Path.Combine(RepositoryPaths.Policies, relativePath));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }
}
