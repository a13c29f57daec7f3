namespace Attendance.Rules.Policies.Rules;

/// <summary>
/// One rule of a policy: what it checks, what it does when it holds, and the document's words for
/// it. One record per rule type; the set of types is closed.
/// </summary>
public abstract record Rule
{
    /// <summary>The rule's id, unique in the resolved policy.</summary>
    public required string Id { get; init; }

    /// <summary>The rule's title, in the school's words.</summary>
    public required string Title { get; init; }

    /// <summary>The kind of action it produces; null for rules that only change how other rules count.</summary>
    public ActionKind? Action { get; init; }

    /// <summary>The quotes of the document it encodes.</summary>
    public required ValueList<string> Sources { get; init; }

    /// <summary>Steps the document lists after the action without a trigger of their own.</summary>
    public ValueList<FollowUp> FollowUps { get; init; } = ValueList<FollowUp>.Empty;

    /// <summary>When the rule may fire again.</summary>
    public RepeatMode Repeat { get; init; } = RepeatMode.OncePerYear;

    /// <summary>What the rule stands for, where reports need to find it (<see cref="RuleRole.PenaltyNoticeThreshold"/>).</summary>
    public RuleRole Role { get; init; }

    /// <summary>A free-text note, where the policy gives one.</summary>
    public string? Note { get; init; }

    /// <summary>The rule type's name in the policy format, for example <c>session_count</c>.</summary>
    public abstract string TypeName { get; }
}
