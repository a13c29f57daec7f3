using Attendance.Rules.Evaluation;
using Attendance.Rules.Evaluation.Outlook;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation.Outlook;

/// <summary>
/// Distances are exact: for every seed school's threshold rules and stages, and the national absence
/// lines, adding exactly the stated number of sessions (or school days) of the stated code on the
/// next school sessions makes the line fall due, and one fewer does not.
/// </summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 60)]
public class DistanceProperties
{
    private static readonly CompiledPolicy[] Seeds =
        RepositoryPaths.SchoolPolicies().Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p))).ToArray();

    [Fact]
    public void Every_seed_school_is_covered() => Assert.Equal(5, Seeds.Length);

    [Property]
    public void Adding_the_stated_sessions_makes_each_line_fall_due_and_one_fewer_does_not(RegisterCase c) =>
        _ = Check(c, calendar: null);

    [Property]
    public void With_the_school_calendar_adding_the_stated_sessions_makes_each_line_fall_due_and_one_fewer_does_not(RegisterCase c) =>
        _ = Check(c, EvaluationArbitraries.Calendar);

    /// <summary>The properties are not empty: over fixed registers they check lines of every kind (rules, stages, the national lines, runs of days).</summary>
    [Fact]
    public void The_properties_check_lines_of_every_kind()
    {
        var checkedLines = new List<Distance>();
        for (var seed = 0; seed < 40; seed++)
        {
            var c = EvaluationArbitraries.Build(new LocalDate(2025, 9, 1), 20 + (seed * 3), seed % 4, seed, 0, 0);
            checkedLines.AddRange(Check(c, seed % 2 == 0 ? null : EvaluationArbitraries.Calendar));
        }

        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.Rule && d.Of == SessionKind.Codes && d.Kind == DistanceKind.Sessions);
        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.Rule && d.IsPercentage);
        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.Rule && d.Kind == DistanceKind.SchoolDays);
        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.Stage && d.StageNumber == 1);
        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.Stage && d.StageNumber > 1);
        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.PersistentAbsence);
        Assert.Contains(checkedLines, d => d.Subject == DistanceSubject.SevereAbsence);
        Assert.Contains(checkedLines, d => d.WindowLeavesOn is not null);
        Assert.Contains(checkedLines, d => d.Id == "further-truancy-penalty-notice"); // a rule with `when`, counting since an action
    }

    private static List<Distance> Check(RegisterCase c, SchoolCalendar? calendar)
    {
        var checkedLines = new List<Distance>();
        var register = c.Register;
        var asOf = register.Marks[^1].Session.Date;
        foreach (var policy in Seeds)
        {
            var before = policy.Evaluate(register, asOf, calendar);
            foreach (var d in before.Outlook.Distances)
            {
                // Every seed line has a number, or is reached, out of reach or out of scope, except a stage
                // judged once at the end of a monitoring period, a rule waiting on an action not yet due,
                // and a count of spells (a new spell needs a day without the code first: no one kind of session).
                Assert.True(
                    d.Kind != DistanceKind.NotMeasurable
                        || (d.Subject == DistanceSubject.Stage && d.Why!.Contains("monitoring period", StringComparison.Ordinal))
                        || d.Why == "waits for the action it is after to fall due"
                        || d.Id == "medical-evidence-multiple-periods",
                    $"{policy.Policy.Id} {d.Id}: {d.Describe()}");
                if (d.Kind is not (DistanceKind.Sessions or DistanceKind.SchoolDays))
                {
                    continue;
                }

                Assert.True(d.Steps > 0);
                var exactly = Further(register, calendar, d, d.Steps);
                if (exactly is null)
                {
                    continue; // the code is not valid on the dates (a 2006 code after August 2024)
                }

                Assert.True(FallsDue(policy, before, exactly.Value, calendar, d), $"{policy.Policy.Id}: {d.Describe()}, yet {d.Steps} did not make it fall due{Environment.NewLine}{c}");
                Assert.Equal(d.DueOn, exactly.Value.AsOf);
                var fewer = Further(register, calendar, d, d.Steps - 1)!.Value;
                Assert.False(FallsDue(policy, before, fewer, calendar, d), $"{policy.Policy.Id}: {d.Describe()}, yet {d.Steps - 1} made it fall due{Environment.NewLine}{c}");
                checkedLines.Add(d);
            }
        }

        return checkedLines;
    }

    /// <summary>The register with <paramref name="n"/> further sessions (or whole school days) of the distance's code, and the date of the last.</summary>
    internal static (PupilRegister Register, LocalDate AsOf)? Further(PupilRegister register, SchoolCalendar? calendar, Distance d, int n)
    {
        var marks = register.Marks.ToList();
        var last = marks[^1].Session;
        var asOf = last.Date;
        var sessions = new List<Session>();
        var days = d.Kind == DistanceKind.SchoolDays;
        if (!days && last.Part == SessionOfDay.AM)
        {
            sessions.Add(Session.Afternoon(last.Date));
        }

        for (var date = last.Date.PlusDays(1); (days ? sessions.Count / 2 : sessions.Count) < n + 2; date = date.PlusDays(1))
        {
            if (calendar is null ? date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday : !calendar.IsSchoolDay(date))
            {
                continue;
            }

            sessions.Add(Session.Morning(date));
            sessions.Add(Session.Afternoon(date));
        }

        var take = days ? 2 * n : n;
        foreach (var s in sessions.Take(take))
        {
            var code = d.Code == "/" && s.Part == SessionOfDay.PM ? "\\" : d.Code!;
            if (!Attendance.Rules.Codes.NationalCodeTable.TryFind(code, s.Date, out _))
            {
                return null;
            }

            marks.Add(SessionMark.Create(s, code));
            asOf = s.Date;
        }

        return (PupilRegister.Create(register.PupilId, marks, register.YearGroup), asOf);
    }

    /// <summary>Whether the line falls due (or, for a national line, holds) in the longer register where it had not before.</summary>
    internal static bool FallsDue(CompiledPolicy policy, PupilEvaluation before, (PupilRegister Register, LocalDate AsOf) after, SchoolCalendar? calendar, Distance d)
    {
        var evaluation = policy.Evaluate(after.Register, after.AsOf, calendar);
        switch (d.Subject)
        {
            case DistanceSubject.PersistentAbsence:
                return evaluation.Figures.IsPersistentAbsence;
            case DistanceSubject.SevereAbsence:
                return evaluation.Figures.IsSevereAbsence;
            case DistanceSubject.Indicator:
                return evaluation.Indicators.Single(i => i.Id == d.Id).Holds;
            default:
                var old = before.Actions.Count(a => a.RuleId == d.Id && a.Stage == d.StageNumber);
                return evaluation.Actions.Count(a => a.RuleId == d.Id && a.Stage == d.StageNumber) > old;
        }
    }
}
