using Attendance.Rules.Evaluation;
using Attendance.Rules.Leave;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Leave;

/// <summary>The seed schools' compiled policies, a 2025/26 calendar, and requests and registers for leave tests.</summary>
internal static class LeaveKit
{
    private static readonly Dictionary<string, CompiledPolicy> Compiled = RepositoryPaths.SchoolPolicies()
        .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => PolicyEvaluator.Compile(PolicyLoader.Load(p)), StringComparer.Ordinal);

    /// <summary>Terms of 2025/26 (a half-term week closed in each), with a mock-exam assessment period 12–23 January 2026.</summary>
    public static SchoolCalendar Calendar { get; } = SchoolCalendar.Create(
        [
            new DateInterval(new LocalDate(2025, 9, 1), new LocalDate(2025, 12, 19)),
            new DateInterval(new LocalDate(2026, 1, 5), new LocalDate(2026, 3, 27)),
            new DateInterval(new LocalDate(2026, 4, 13), new LocalDate(2026, 7, 21)),
        ],
        Enumerable.Range(0, 5).Select(i => new LocalDate(2025, 10, 27).PlusDays(i)))
        .WithAssessmentPeriods([new DateInterval(new LocalDate(2026, 1, 12), new LocalDate(2026, 1, 23))]);

    public static CompiledPolicy Policy(string school) => Compiled[school];

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    /// <summary>A holiday for a Year 9 pupil, Monday 6 to Wednesday 8 October 2025, asked for on the school's form in writing on 1 September (35 days before).</summary>
    public static LeaveRequest Holiday(params LeaveFact[] more) => LeaveRequest.Create(
        "P1", LeaveType.Holiday, D(2025, 10, 6), D(2025, 10, 8), D(2025, 9, 1), "9", [LeaveFact.OnSchoolForm, LeaveFact.InWriting, .. more]);

    public static LeaveRequest Of(LeaveType type, params LeaveFact[] facts) => Holiday(facts) with { Type = type };

    public static LeaveDecision Decide(string school, LeaveRequest request, PupilRegister? register = null, SchoolCalendar? calendar = null) =>
        Policy(school).EvaluateLeaveRequest(request, register, calendar ?? Calendar);

    /// <summary>A register of both sessions of each weekday from <paramref name="from"/> to <paramref name="to"/>, present but for the absent days given.</summary>
    public static PupilRegister Register(LocalDate from, LocalDate to, int presentSessions, string absentCode = "O", int absentSessions = 0)
    {
        var marks = new List<SessionMark>();
        for (var date = from; date <= to && marks.Count < presentSessions + absentSessions; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var session in new[] { Session.Morning(date), Session.Afternoon(date) })
            {
                var code = marks.Count < presentSessions ? "/" : absentCode;
                if (marks.Count < presentSessions + absentSessions)
                {
                    marks.Add(SessionMark.Create(session, code));
                }
            }
        }

        return PupilRegister.Create("P1", marks, "9");
    }

    public static LeaveReason Reason(LeaveDecision decision, string rule) =>
        Assert.Single(decision.Reasons, r => r.Rule == rule);

    public static void NoReason(LeaveDecision decision, string rule) =>
        Assert.DoesNotContain(decision.Reasons, r => r.Rule == rule);
}
