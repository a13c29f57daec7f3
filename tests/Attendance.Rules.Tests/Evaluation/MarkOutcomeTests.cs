using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

public class MarkOutcomeTests
{
    private static readonly LocalDate Monday = new(2025, 9, 8);

    private static readonly Lazy<CompiledPolicy> LaurenceJackson = new(() => School("laurence-jackson"));

    private static CompiledPolicy School(string name) => PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, name + ".yaml")));

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    [Fact]
    public void After_Laurence_Jacksons_stage_2_an_I_is_counted_as_O_from_the_next_school_day_and_the_figures_keep_I()
    {
        // Stage 2 on Wed 17 Sep AM; Wed 17 PM is I on stage 2's own day, Thu 18 AM the first I after it.
        var register = RegisterNotation.Parse("2025-09-08 /\\ /\\ /\\ /\\ /\\ I\\ /\\ II I\\");
        var evaluation = LaurenceJackson.Value.Evaluate(register, Date("2025-09-18"));

        var wednesday = Assert.Single(evaluation.Marks, m => m.Session == Session.Afternoon(Date("2025-09-17")));
        var thursday = Assert.Single(evaluation.Marks, m => m.Session == Session.Morning(Date("2025-09-18")));
        Assert.Equal(("I", "I", "I"), (wednesday.RecordedCode!.Code, wednesday.Code.Code, wednesday.CountedAs.Code));
        Assert.Equal(("I", "I", "O"), (thursday.RecordedCode!.Code, thursday.Code.Code, thursday.CountedAs.Code));
        Assert.Equal(["2025-09-18 AM"], evaluation.Marks.Where(m => m.CountedAs != m.Code).Select(m => m.Session.ToString()));
        Assert.Equal(0, evaluation.Figures.UnauthorisedAbsenceSessions);
    }

    [Fact]
    public void An_arrival_without_a_code_carries_the_code_and_classification_its_window_gave()
    {
        var register = PupilRegister.Create("p1",
        [
            SessionMark.Arrived(Session.Morning(Monday), new LocalTime(9, 5)),
            SessionMark.Create(Session.Afternoon(Monday), "\\"),
            SessionMark.Create(Session.Morning(Monday.PlusDays(1)), "/", new LocalTime(9, 20)),
        ]);
        var evaluation = School("hall-green-primary").Evaluate(register, Monday.PlusDays(1));

        var late = evaluation.Marks[0];
        Assert.Null(late.RecordedCode);
        Assert.Equal(("L", "L"), (late.Code.Code, late.CountedAs.Code));
        Assert.Equal(ArrivalStatus.Late, late.Arrival!.Status);
        Assert.Null(evaluation.Marks[1].Arrival);

        // A recorded code stays the mark's code; the arrival's own code is beside it.
        var disagreeing = evaluation.Marks[2];
        Assert.Equal(("/", "/"), (disagreeing.RecordedCode!.Code, disagreeing.Code.Code));
        Assert.True(disagreeing.Arrival!.Disagrees);
        Assert.Same(evaluation.LatenessOutcomes[1].Outcome, disagreeing.Arrival);
    }

    // One mark a week in five weeks of 2025/26: two before, one after the October half term, one after Christmas.
    private const string Spread = "2025-09-08 /\\ 2025-09-15 /\\ 2025-10-20 /\\ 2025-11-03 /\\ 2026-01-05 /\\";

    [Fact]
    public void Without_a_calendar_weeks_terms_and_half_terms_are_counted_from_the_marked_days()
    {
        var evaluation = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024")).Evaluate(RegisterNotation.Parse(Spread), Date("2026-01-05"));

        // The five weeks apart from 15 Sep to 20 Oct end a term (10 or more weekdays), the week from
        // 20 Oct to 3 Nov a half term (5 or more).
        Assert.Equal(
            [("2025-09-08", 1, 1, 1), ("2025-09-15", 2, 1, 1), ("2025-10-20", 3, 2, 2), ("2025-11-03", 4, 2, 3), ("2026-01-05", 5, 3, 4)],
            AmFacts(evaluation));
    }

    [Fact]
    public void With_a_calendar_every_school_week_counts_and_terms_come_from_the_calendar()
    {
        var calendar = SchoolCalendar.Create(
            [new DateInterval(Date("2025-09-01"), Date("2025-12-19")), new DateInterval(Date("2026-01-05"), Date("2026-03-27"))],
            Enumerable.Range(0, 5).Select(d => Date("2025-10-27").PlusDays(d)));
        var evaluation = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024")).Evaluate(RegisterNotation.Parse(Spread), Date("2026-01-05"), calendar);

        // 20 Oct is the seventh school week from 8 Sep; the closed half-term week is not a school week.
        Assert.Equal(
            [("2025-09-08", 1, 1, 1), ("2025-09-15", 2, 1, 1), ("2025-10-20", 7, 1, 1), ("2025-11-03", 8, 1, 2), ("2026-01-05", 15, 2, 3)],
            AmFacts(evaluation));
        Assert.All(evaluation.Marks, m => Assert.True(m.IsSchoolDay));
    }

    [Fact]
    public void A_day_the_school_was_closed_takes_the_numbers_of_its_own_week_and_a_closed_week_has_none()
    {
        // Mon 15 Sep closed (#), the rest of that week open; the week of 22 Sep closed throughout.
        var register = RegisterNotation.Parse("2025-09-08 /\\ /\\ /\\ /\\ /\\ ## /\\ /\\ /\\ /\\ ## ## ## ## ## /\\");
        var evaluation = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024")).Evaluate(register, Date("2025-09-29"));

        var closedMonday = evaluation.Marks.First(m => m.Session.Date == Date("2025-09-15"));
        Assert.False(closedMonday.IsSchoolDay);
        Assert.Equal((Date("2025-09-15"), 2), (closedMonday.WeekStarting, closedMonday.SchoolWeek));
        var closedWeek = evaluation.Marks.Where(m => m.WeekStarting == Date("2025-09-22")).ToList();
        Assert.Equal(10, closedWeek.Count);
        Assert.All(closedWeek, m => Assert.Equal((false, (int?)null, (int?)null, (int?)null), (m.IsSchoolDay, m.SchoolWeek, m.Term, m.HalfTerm)));
        Assert.Equal(3, evaluation.Marks[^1].SchoolWeek);
    }

    [Fact]
    public void Marks_after_the_evaluation_date_are_not_in_the_result()
    {
        var evaluation = PolicyEvaluator.Compile(PolicyLoader.LoadEmbedded("england-2024")).Evaluate(RegisterNotation.Parse("2025-09-08 /\\ /\\ O\\"), Monday.PlusDays(1));

        Assert.Equal(["2025-09-08 AM", "2025-09-08 PM", "2025-09-09 AM", "2025-09-09 PM"], evaluation.Marks.Select(m => m.Session.ToString()));
    }

    [Fact]
    public void The_buffer_summary_gives_the_same_marks_as_the_full_evaluation()
    {
        var policy = LaurenceJackson.Value;
        var register = RegisterNotation.Parse("2025-09-08 /\\ /\\ /\\ /\\ /\\ I\\ /\\ II I\\");
        var buffer = new EvaluationBuffer();

        var fromBuffer = policy.Evaluate(register, Date("2025-09-18"), buffer).ToEvaluation();

        Assert.Equal(policy.Evaluate(register, Date("2025-09-18")).Marks, fromBuffer.Marks);
        Assert.Equal(18, fromBuffer.Marks.Count);
    }

    private static List<(string, int?, int?, int?)> AmFacts(PupilEvaluation evaluation) =>
        evaluation.Marks.Where(m => m.Session.Part == SessionOfDay.AM)
            .Select(m => (m.WeekStarting.ToString("yyyy-MM-dd", null), m.SchoolWeek, m.Term, m.HalfTerm)).ToList();
}
