namespace Attendance.Rules.Leave;

/// <summary>What a policy decides about a leave request, or what one of its conditions says. Ordered by precedence: refuse wins over refer, refer over authorise.</summary>
public enum LeaveOutcome
{
    /// <summary>The policy grants it without discretion (<c>authorise</c>), as with a performance licence that gives the dates.</summary>
    Authorise,

    /// <summary>The headteacher decides; the policy does not forbid it (<c>refer</c>).</summary>
    Refer,

    /// <summary>The policy forbids it (<c>refuse</c>).</summary>
    Refuse,
}
