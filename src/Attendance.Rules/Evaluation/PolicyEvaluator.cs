using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>Compiles policies for evaluation.</summary>
public static class PolicyEvaluator
{
    /// <summary>Compiles a policy once; the result evaluates any number of registers, from any number of threads.</summary>
    /// <param name="policy">A loaded policy.</param>
    /// <returns>The compiled policy.</returns>
    public static CompiledPolicy Compile(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new CompiledPolicy(policy, Loading.PolicyFingerprint.VersionOf(policy));
    }
}
