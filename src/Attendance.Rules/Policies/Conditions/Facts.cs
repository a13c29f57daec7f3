using Attendance.Rules.Registers;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>The names of the facts a mark may carry, as the policy language writes them.</summary>
internal static class Facts
{
    public static readonly Dictionary<string, MarkFacts> Names = new(StringComparer.Ordinal)
    {
        ["medical_evidence"] = MarkFacts.MedicalEvidence,
        ["reason_accepted"] = MarkFacts.ReasonAccepted,
    };

    public static string Name(MarkFacts fact) => Names.First(p => p.Value == fact).Key;
}
