using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using Attendance.Rules.Tests.Reference;
using NodaTime;

namespace Attendance.Rules.Benchmarks.Peers;

/// <summary>
/// The naive reference evaluator of the property tests (<c>tests/Attendance.Rules.Tests/Reference</c>,
/// linked into this project): what a vendor would write by hand from the documents. It covers every
/// rule type, on registers of codes only and without a calendar.
/// </summary>
public static class ReferencePeer
{
    /// <summary>The reference's actions for a register of codes only.</summary>
    public static IReadOnlyList<PeerAction> Actions(Policy policy, PupilRegister register, LocalDate asOf) =>
        ReferenceEvaluator.Evaluate(policy, register, asOf).Actions.Select(PeerAction.Of).ToList();
}
