using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

public class ArrivalEvaluationTests
{
    private static readonly LocalDate Monday = new(2025, 9, 8);

    private static CompiledPolicy School(string name) => PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, name + ".yaml")));

    [Fact]
    public void A_mark_with_an_arrival_and_no_code_is_classified_by_the_window_during_evaluation()
    {
        var register = PupilRegister.Create("p1",
        [
            SessionMark.Arrived(Session.Morning(Monday), new LocalTime(9, 5)),
            SessionMark.Arrived(Session.Morning(Monday.PlusDays(1)), new LocalTime(9, 11)),
            SessionMark.Arrived(Session.Morning(Monday.PlusDays(2)), new LocalTime(8, 55)),
        ]);
        var evaluation = School("hall-green-primary").Evaluate(register, Monday.PlusDays(2));
        Assert.Equal(["L", "U", "/"], evaluation.LatenessOutcomes.Select(o => o.Outcome.Code));
        Assert.Equal(2, evaluation.Figures.PresentSessions);
        Assert.Equal(1, evaluation.Figures.LateSessions);
        Assert.Equal(1, evaluation.Figures.UnauthorisedAbsenceSessions);
    }

    [Fact]
    public void Lateness_sanctions_are_actions_on_the_day_of_the_arrival()
    {
        var register = PupilRegister.Create("p1",
        [
            SessionMark.Create(Session.Morning(Monday), "L", new LocalTime(8, 40)),
            SessionMark.Create(Session.Morning(Monday.PlusDays(1)), "L", new LocalTime(9, 1)),
            SessionMark.Create(Session.Morning(Monday.PlusDays(2)), "L", new LocalTime(9, 1), MarkFacts.ReasonAccepted),
        ]);
        var sanctions = School("stanborough").Evaluate(register, Monday.PlusDays(2)).Actions.Where(a => a.Kind == ActionKind.Sanction).ToList();
        Assert.Equal(
            [("lunchtime-detention", Monday), ("lunchtime-detention", Monday.PlusDays(1)), ("one-hour-detention", Monday.PlusDays(1))],
            sanctions.Select(a => (a.RuleId, a.Date)));
        Assert.Equal("arrived 09:01 for the AM session, after 09:00", sanctions[2].Evidence);
    }

    [Fact]
    public void A_code_that_disagrees_with_the_arrival_keeps_its_code_and_raises_a_data_quality_action()
    {
        var register = PupilRegister.Create("p1", [SessionMark.Create(Session.Morning(Monday), "/", new LocalTime(9, 20))]);
        var evaluation = School("willoughby-primary").Evaluate(register, Monday);
        Assert.Equal(1, evaluation.Figures.PresentSessions);
        Assert.Equal(0, evaluation.Figures.LateSessions);
        var action = Assert.Single(evaluation.Actions, a => a.Kind == ActionKind.DataQuality);
        Assert.Equal("2025-09-08 AM is marked / but the arrival at 09:20 gives L (late after 09:00, closes 09:25)", action.Evidence);
    }

    [Fact]
    public void An_arrival_with_no_code_and_no_window_for_its_session_is_an_error_naming_the_session()
    {
        var register = PupilRegister.Create("p1", [SessionMark.Arrived(Session.Afternoon(Monday), new LocalTime(13, 20))]);
        var e = Assert.Throws<ArgumentException>(() => School("hall-green-primary").Evaluate(register, Monday));
        Assert.Contains("2025-09-08 PM: the mark has an arrival time (13:20) and no code, and policy hall-green-primary has no PM registration window", e.Message, StringComparison.Ordinal);
    }
}
