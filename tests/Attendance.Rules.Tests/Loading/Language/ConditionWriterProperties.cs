using Attendance.Rules.Loading;
using Attendance.Rules.Tests.Reference;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attendance.Rules.Tests.Loading.Language;

/// <summary>Generated policies of the language v2 (every measure, window, operator, judged period, repeat and reference) write canonically and read back equal.</summary>
public class ConditionWriterProperties
{
    [Property(MaxTest = 300)]
    public Property A_generated_v2_policy_reads_back_equal_from_what_the_writer_writes() =>
        Prop.ForAll(Reference.GeneratedPolicies.Policies(), generated =>
        {
            var policy = PolicyLoader.LoadFromString(generated.Yaml, "generated.yaml");

            var written = PolicyWriter.Write(policy);
            var reread = PolicyLoader.LoadFromString(written, "written.yaml");

            Assert.True(policy == reread, $"{generated}{Environment.NewLine}written:{Environment.NewLine}{written}");
            Assert.Equal(written, PolicyWriter.Write(reread));
            Assert.Equal(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(reread));
        });
}
