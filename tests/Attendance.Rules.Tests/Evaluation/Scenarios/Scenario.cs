using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation.Scenarios;

/// <summary>Small helpers the scenario tests share: dates, sessions, runs of days, and picking one rule's results.</summary>
internal static class Scenario
{
    /// <summary>A present day in the compact notation.</summary>
    public const string P = "/\\";

    public static List<PolicyAction> Actions(PupilEvaluation evaluation, string ruleId) => [.. evaluation.Actions.Where(a => a.RuleId == ruleId)];

    public static List<ThresholdHit> Hits(PupilEvaluation evaluation, string ruleId) => [.. evaluation.ThresholdHits.Where(h => h.RuleId == ruleId)];

    public static string Days(string day, int count) => string.Join(' ', Enumerable.Repeat(day, count));

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static Session Am(int year, int month, int day) => Session.Morning(D(year, month, day));

    public static Session Pm(int year, int month, int day) => Session.Afternoon(D(year, month, day));
}
