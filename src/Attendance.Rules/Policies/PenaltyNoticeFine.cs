namespace Attendance.Rules.Policies;

/// <summary>One penalty notice in the sequence: its amount and how it is paid.</summary>
/// <param name="Amount">The fine in pounds, per parent per child.</param>
/// <param name="ReducedAmount">The reduced fine for early payment, where there is one.</param>
/// <param name="ReducedIfPaidWithinDays">Days within which the reduced fine applies.</param>
/// <param name="PayWithinDays">Days to pay in full.</param>
public sealed record PenaltyNoticeFine(decimal Amount, decimal? ReducedAmount, int? ReducedIfPaidWithinDays, int? PayWithinDays);
