using Attendance.Rules.Policies;

namespace Attendance.Rules.Leave;

/// <summary>What a school's policy decides about a leave request, and why.</summary>
public sealed record LeaveDecision
{
    /// <summary>The policy's id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's version with its fingerprint.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The request decided.</summary>
    public required LeaveRequest Request { get; init; }

    /// <summary>
    /// The decision: <see cref="LeaveOutcome.Refuse"/> where a condition forbids it,
    /// <see cref="LeaveOutcome.Refer"/> where the headteacher decides, <see cref="LeaveOutcome.Authorise"/>
    /// where the policy grants it without discretion. Refuse wins over refer and refer over
    /// authorise, except that a grant that needs no further authorisation (a licence with dates)
    /// wins over both.
    /// </summary>
    public required LeaveOutcome Outcome { get; init; }

    /// <summary>The code the absence carries if the leave is authorised.</summary>
    public required string CodeIfAuthorised { get; init; }

    /// <summary>
    /// The code the absence carries if the pupil is taken out on this decision: the authorised code
    /// when the policy authorises it, otherwise the unauthorised code of its type (<c>G</c> for a
    /// holiday), as for leave taken after a refusal or without asking.
    /// </summary>
    public required string CodeIfTaken { get; init; }

    /// <summary>The school days the leave would cover.</summary>
    public required int SchoolDays { get; init; }

    /// <summary>Every reason, in the order of the policy's conditions; at least one.</summary>
    public required ValueList<LeaveReason> Reasons { get; init; }

    /// <summary>
    /// The actions the decision raises, in the order of the policy's conditions: one for each
    /// condition that says <c>raises</c> and decided the outcome (it gave a reason whose outcome is
    /// <see cref="Outcome"/>), dated the decision's day (<see cref="LeaveRequest.DecisionDay"/>),
    /// for example a warning letter sent with a refusal. Empty where none.
    /// </summary>
    public ValueList<LeaveAction> Actions { get; init; } = ValueList<LeaveAction>.Empty;
}
