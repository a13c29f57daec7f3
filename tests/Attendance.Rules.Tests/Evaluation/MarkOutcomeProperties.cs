using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies.Rules;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>Each mark's facts agree with the register, under every policy file under policies/, with and without a calendar.</summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 60)]
public class MarkOutcomeProperties
{
    private static readonly CompiledPolicy[] Policies =
        RepositoryPaths.AllPolicies().Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p))).ToArray();

    [Property]
    public void Each_mark_up_to_the_evaluation_date_has_one_outcome_in_session_order_agreeing_with_the_register(RegisterCase c, bool withCalendar)
    {
        var policy = Policies[c.PolicyIndex % Policies.Length];
        var evaluation = policy.Evaluate(c.Register, c.AsOf, withCalendar ? EvaluationArbitraries.Calendar : null);
        var marks = c.Register.Marks.Where(m => m.Session.Date <= c.AsOf).ToList();

        Assert.Equal(marks.Select(m => m.Session), evaluation.Marks.Select(m => m.Session));
        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            var outcome = evaluation.Marks[i];
            Assert.Same(mark.Code, outcome.RecordedCode);
            Assert.Equal(mark.Arrival is not null, outcome.Arrival is not null);
            Assert.Equal(mark.Code?.Code ?? outcome.Arrival!.Code, outcome.Code.Code);
            Assert.Equal(IsoDayOfWeek.Monday, outcome.WeekStarting.DayOfWeek);
            Assert.InRange(Period.Between(outcome.WeekStarting, mark.Session.Date, PeriodUnits.Days).Days, 0, 6);
            Assert.Equal(outcome.SchoolWeek is null, outcome.Term is null);
            Assert.Equal(outcome.SchoolWeek is null, outcome.HalfTerm is null);
            if (!policy.Policy.Rules.OfType<ReinterpretRule>().Any())
            {
                Assert.Same(outcome.Code, outcome.CountedAs);
            }
        }

        // Numbers never go back, and a school week has one number.
        var numbered = evaluation.Marks.Where(m => m.SchoolWeek is not null).ToList();
        Assert.All(numbered.Zip(numbered.Skip(1)), p =>
        {
            Assert.True(p.First.SchoolWeek <= p.Second.SchoolWeek && p.First.Term <= p.Second.Term && p.First.HalfTerm <= p.Second.HalfTerm);
            Assert.Equal(p.First.WeekStarting == p.Second.WeekStarting, p.First.SchoolWeek == p.Second.SchoolWeek);
        });
        Assert.Equal(evaluation.LatenessOutcomes.Select(l => l.Outcome), evaluation.Marks.Where(m => m.Arrival is not null).Select(m => m.Arrival!));
    }
}
