using Attendance.Rules.Policies;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// An action both policies raise for a pupil (the same rule, stage and kind) that falls due on a
/// different day or session under the second: the first policy's action and the second's.
/// </summary>
/// <param name="Before">The action under the first policy.</param>
/// <param name="After">The action under the second policy.</param>
public sealed record MovedAction(PolicyAction Before, PolicyAction After)
{
    /// <summary>The rule that raises it under both policies.</summary>
    public string RuleId => After.RuleId;

    /// <summary>The stage, for a staged rule.</summary>
    public int? Stage => After.Stage;

    /// <summary>What kind of action it is.</summary>
    public ActionKind Kind => After.Kind;

    /// <summary>The date it falls due under the first policy.</summary>
    public LocalDate BeforeDate => Before.Date;

    /// <summary>The date it falls due under the second policy.</summary>
    public LocalDate AfterDate => After.Date;

    /// <summary>Days from <see cref="BeforeDate"/> to <see cref="AfterDate"/>: negative when the second policy acts earlier.</summary>
    public int Days => Period.Between(Before.Date, After.Date, PeriodUnits.Days).Days;
}
