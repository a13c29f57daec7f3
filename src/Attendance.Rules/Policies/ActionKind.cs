namespace Attendance.Rules.Policies;

/// <summary>What an action is: the closed list a policy's rules choose from.</summary>
public enum ActionKind
{
    /// <summary>A letter to parents.</summary>
    Letter,

    /// <summary>A meeting with parents or staff.</summary>
    Meeting,

    /// <summary>A referral for a decision (penalty notice, education welfare officer, local authority).</summary>
    Referral,

    /// <summary>A notification or return to the local authority.</summary>
    Notification,

    /// <summary>A sanction such as a detention.</summary>
    Sanction,

    /// <summary>A reward such as a certificate.</summary>
    Reward,

    /// <summary>A register data-quality task (a code to correct or complete).</summary>
    DataQuality,

    /// <summary>A safeguarding step (first-day call, children missing education check).</summary>
    Safeguarding,
}
