using Attendance.Rules.Policies;
using NodaTime;

namespace Attendance.Rules.Leave;

/// <summary>
/// An action a leave decision raises: a condition that decided the outcome (its reason's outcome is
/// the decision's) and says <c>raises</c> in the policy, for example a warning letter sent with a
/// refusal.
/// </summary>
/// <param name="Rule">The id of the condition that raised it.</param>
/// <param name="Kind">What the action is (a letter, a meeting …), as for rules.</param>
/// <param name="Title">The action's title in the policy, for example <c>Warning letter: leave refused</c>.</param>
/// <param name="Date">
/// The decision's day: the request's <see cref="LeaveRequest.DecidedOn"/>, or its
/// <see cref="LeaveRequest.RequestedOn"/> where no decision day is given.
/// </param>
/// <param name="Sources">The policy's own words for the action.</param>
public sealed record LeaveAction(string Rule, ActionKind Kind, string Title, LocalDate Date, ValueList<string> Sources);
