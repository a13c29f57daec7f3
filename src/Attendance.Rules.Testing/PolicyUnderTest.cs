using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Testing;

/// <summary>
/// A school's policy loaded and compiled for tests. Load it once (a static field is fine: it is
/// immutable and thread-safe) and evaluate as many registers as the tests need:
/// <code>
/// var policy = PolicyUnderTest.Load("policies/laurence-jackson.yaml");
/// policy.Evaluate(register, new LocalDate(2026, 1, 14))
///       .ShouldHaveAction("attendance-monitoring-stages", stage: 2, on: new LocalDate(2026, 1, 14));
/// </code>
/// </summary>
public sealed class PolicyUnderTest
{
    private PolicyUnderTest(CompiledPolicy compiled) => Compiled = compiled;

    /// <summary>The compiled policy, for anything the assertions do not cover.</summary>
    public CompiledPolicy Compiled { get; }

    /// <summary>The loaded policy (with everything it <c>extends</c> resolved).</summary>
    public Policy Policy => Compiled.Policy;

    /// <summary>The policy's id.</summary>
    public string Id => Policy.Id;

    /// <summary>The version every evaluation names (the policy's version and its content fingerprint).</summary>
    public string Version => Compiled.Version;

    /// <summary>The ids of the policy's rules, inherited ones included, in evaluation order.</summary>
    public IReadOnlyList<string> RuleIds => Policy.Rules.Select(r => r.Id).ToList();

    /// <summary>Loads and compiles a policy file; <c>extends</c> may name files relative to it or the embedded national policy.</summary>
    /// <param name="path">The policy file, for example <c>policies/laurence-jackson.yaml</c>.</param>
    /// <param name="options">Loader options; the defaults where null.</param>
    /// <returns>The policy under test.</returns>
    /// <exception cref="PolicyException">The policy has errors; the message lists them with their lines.</exception>
    public static PolicyUnderTest Load(string path, PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(PolicyEvaluator.Compile(PolicyLoader.Load(path, options)));
    }

    /// <summary>Loads and compiles a policy from YAML text, for a small policy written inside a test.</summary>
    /// <param name="yaml">The policy's YAML.</param>
    /// <param name="fileName">The name diagnostics are reported against.</param>
    /// <param name="options">Loader options; the defaults (embedded policies only for <c>extends</c>) where null.</param>
    /// <returns>The policy under test.</returns>
    /// <exception cref="PolicyException">The policy has errors.</exception>
    public static PolicyUnderTest FromYaml(string yaml, string fileName = "policy.yaml", PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new(PolicyEvaluator.Compile(PolicyLoader.LoadFromString(yaml, fileName, options)));
    }

    /// <summary>Wraps a policy already loaded.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The policy under test.</returns>
    public static PolicyUnderTest From(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(PolicyEvaluator.Compile(policy));
    }

    /// <summary>Evaluates a register as of a date.</summary>
    /// <param name="register">The pupil's register (from <see cref="Register.For"/> or <see cref="RegisterNotation.Parse"/>).</param>
    /// <param name="asOf">The evaluation date: actions falling due after it are not reported.</param>
    /// <param name="calendar">The school's calendar, where the test needs one.</param>
    /// <param name="priorNotices">Penalty notices the parent has already had.</param>
    /// <returns>The result, with its assertions.</returns>
    public EvaluationResult Evaluate(PupilRegister register, LocalDate asOf, SchoolCalendar? calendar = null, IReadOnlyList<PriorPenaltyNotice>? priorNotices = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        return new EvaluationResult(register, Compiled.Evaluate(register, asOf, calendar, priorNotices));
    }

    /// <summary>Evaluates a register written in the compact notation.</summary>
    /// <param name="notation">The register, for example <c>2025-09-08 /\ /\ O\ ~5 II</c>.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="yearGroup">The pupil's year group, where it matters.</param>
    /// <returns>The result, with its assertions.</returns>
    public EvaluationResult Evaluate(string notation, LocalDate asOf, string? yearGroup = null) =>
        Evaluate(RegisterNotation.Parse(notation, yearGroup: yearGroup), asOf);

    /// <summary>Evaluates the register a builder holds.</summary>
    /// <param name="register">The builder; it is built now.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The result, with its assertions.</returns>
    public EvaluationResult Evaluate(RegisterBuilder register, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(register);
        return Evaluate(register.Build(), asOf);
    }

    /// <summary>The policy's id and version.</summary>
    /// <returns>The id, a space, and the compiled version.</returns>
    public override string ToString() => $"{Id} {Version}";
}
