using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// An action as a run records it: who raised it, when it falls due, and the figures its evidence
/// will quote. No text: <see cref="PolicyAction"/> is made from it only when a result is asked for.
/// </summary>
internal struct ActionRecord
{
    /// <summary>A lateness sanction's source is <c>SanctionSource - index</c>.</summary>
    public const int SanctionSource = -1;

    /// <summary>The source of a registration data-quality action (the mark and its arrival disagree).</summary>
    public const int RegistrationSource = int.MinValue;

    /// <summary>The runner's index in the policy's rules, or a sanction or registration source.</summary>
    public int Source;

    /// <summary>The order among actions due at the same session: the rule's place in the policy, sanctions after the rules.</summary>
    public int Order;

    /// <summary>The stage's index in a staged rule, or -1.</summary>
    public int StageIndex;

    /// <summary>The stage's number, for ordering (0 where there is none).</summary>
    public int StageNumber;

    public Session At;

    /// <summary>The mark the evidence names, or -1.</summary>
    public int Mark;

    /// <summary>Which of a runner's evidence forms applies.</summary>
    public int Variant;

    public long A;
    public long B;
    public long C;
    public long D;
    public long E;
    public LocalDate Date1;
    public LocalDate Date2;

    /// <summary>The sessions the action counted: a slice of the run's counted marks.</summary>
    public int ListStart;
    public int ListCount;

    /// <summary>The sort key's first part: the session's ordinal. Set by <see cref="EvaluationRun.Emit"/>.</summary>
    public long SessionOrdinal;

    /// <summary>The sort key's second part: order, then stage number. Set by <see cref="EvaluationRun.Emit"/>.</summary>
    public long Rank;

    public static int Compare(in ActionRecord x, in ActionRecord y)
    {
        var c = x.SessionOrdinal.CompareTo(y.SessionOrdinal);
        return c != 0 ? c : x.Rank.CompareTo(y.Rank);
    }
}
