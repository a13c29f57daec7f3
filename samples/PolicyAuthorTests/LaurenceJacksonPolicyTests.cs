using Attendance.Rules.Registers;
using Attendance.Rules.Testing;
using NodaTime;

namespace PolicyAuthorTests;

/// <summary>
/// Laurence Jackson School's attendance monitoring, as its policy says it should work: the Stage 1
/// letter when attendance first falls below 96%, the Stage 2 letter on the next absence, and from
/// then on illness without medical evidence counted as unauthorised absence (though not as truancy).
/// </summary>
public class LaurenceJacksonPolicyTests
{
    private const string Stages = "attendance-monitoring-stages";

    private static readonly PolicyUnderTest Policy =
        PolicyUnderTest.Load(Path.Combine(AppContext.BaseDirectory, "policies", "laurence-jackson.yaml"));

    /// <summary>
    /// A Year 8 pupil, ill for a day now and then: Mon 6 Oct, Mon 17 Nov and Mon 5 Jan. Otherwise
    /// present from Mon 1 Sep, with the October half term and the Christmas holiday off.
    /// By Fri 9 Jan: 154 of 160 sessions attended, 96.25%; at its lowest, the end of Mon 5 Jan, 146 of
    /// 152 = 96.05%, still not below 96%.
    /// </summary>
    private static RegisterBuilder AutumnWithThreeDaysIll() =>
        Register.For("Y8-042").InYear("8").From(new LocalDate(2025, 9, 1))
            .Present(days: 25).Absent("I")          // Mon 1 Sep - Fri 3 Oct; ill Mon 6 Oct
            .Present(days: 14).Skip(weekdays: 5)    // to Fri 24 Oct; half term 27-31 Oct
            .Present(days: 10).Absent("I")          // Mon 3 - Fri 14 Nov; ill Mon 17 Nov
            .Present(days: 24)                      // to Fri 19 Dec
            .From(new LocalDate(2026, 1, 5))        // Christmas holiday
            .Absent("I").Present(days: 4);          // ill Mon 5 Jan; present Tue 6 - Fri 9 Jan

    [Fact]
    public void Three_single_days_of_illness_in_a_term_keep_attendance_above_96_percent()
    {
        Policy.Evaluate(AutumnWithThreeDaysIll(), new LocalDate(2026, 1, 9))
            .ShouldHaveAttendance(96.25m)
            .ShouldNotHaveAction(Stages)
            .ShouldNotHaveAction("trip-privileges-withdrawn")
            .ShouldNotBePersistentlyAbsent();
    }

    [Fact]
    public void Stage_1_is_sent_when_attendance_first_falls_below_96_percent()
    {
        // Ill again on Mon 12 Jan: at the end of the AM 154 of 161 = 95.65%; by the PM 154 of 162 = 95.06%.
        var register = AutumnWithThreeDaysIll().Absent("I");

        Policy.Evaluate(register, new LocalDate(2026, 1, 12))
            .ShouldHaveAttendance(95.06m)
            .ShouldHaveAction(Stages, stage: 1, on: new LocalDate(2026, 1, 12), session: SessionOfDay.AM,
                evidenceContains: "attendance 95.65% (154 of 161 possible sessions) fell below 96%")
            .ShouldHaveAction("trip-privileges-withdrawn", on: new LocalDate(2026, 1, 12))
            .ShouldNotHaveAction(Stages, stage: 2);
    }

    [Fact]
    public void Exactly_96_percent_is_not_below_96_percent()
    {
        // Written in the register notation: 12 days present, then an I on Wed 24 Sep AM: 24 of 25 = 96.00%.
        Policy.Evaluate(@"2025-09-08 /\ /\ /\ /\ /\  /\ /\ /\ /\ /\  /\ /\ I-", new LocalDate(2025, 9, 24))
            .ShouldHaveAttendance(96.00m)
            .ShouldNotHaveAction(Stages);
    }

    [Fact]
    public void Stage_2_is_sent_on_the_next_absence_after_stage_1()
    {
        // Stage 1 on Mon 12 Jan; present Tue 13; absent (ill) Wed 14 Jan AM.
        var register = AutumnWithThreeDaysIll().Absent("I").Present().Session("I").Session("\\");

        Policy.Evaluate(register, new LocalDate(2026, 1, 14))
            .ShouldHaveAction(Stages, stage: 1, on: new LocalDate(2026, 1, 12))
            .ShouldHaveAction(Stages, stage: 2, on: new LocalDate(2026, 1, 14), evidenceContains: "after stage 1 on 2026-01-12")
            .ShouldHaveActionCount(Stages, 2);
    }

    [Fact]
    public void Stage_2_is_not_sent_while_the_pupil_keeps_attending()
    {
        var register = AutumnWithThreeDaysIll().Absent("I").Present(days: 9);

        Policy.Evaluate(register, new LocalDate(2026, 1, 23))
            .ShouldHaveAction(Stages, stage: 1)
            .ShouldNotHaveAction(Stages, stage: 2);
    }

    [Fact]
    public void After_stage_2_illness_without_medical_evidence_counts_as_unauthorised_but_is_not_truancy()
    {
        // Stage 2 on Wed 14 Jan; ill again Thu 15 Jan with no medical evidence: the school counts it as
        // O, but it was told the cause, so it is not truancy ("the school has not been notified of the cause").
        var register = AutumnWithThreeDaysIll().Absent("I").Present().Session("I").Session("\\").Absent("I");

        var result = Policy.Evaluate(register, new LocalDate(2026, 1, 15))
            .ShouldNotHaveAction("truancy-warning-letter");

        var thursday = result.Evaluation.Marks.Where(m => m.Session.Date == new LocalDate(2026, 1, 15)).ToList();
        Assert.Equal(["O", "O"], thursday.Select(m => m.CountedAs.Code));
        Assert.Equal(["I", "I"], thursday.Select(m => m.Code.Code));
    }

    [Fact]
    public void After_stage_2_illness_with_medical_evidence_stays_illness()
    {
        var register = AutumnWithThreeDaysIll().Absent("I").Present().Session("I").Session("\\")
            .Absent("I", facts: MarkFacts.MedicalEvidence);

        Policy.Evaluate(register, new LocalDate(2026, 1, 15))
            .ShouldHaveAction(Stages, stage: 2)
            .ShouldNotHaveAction("truancy-warning-letter");
    }

    [Fact]
    public void The_illness_on_the_day_of_stage_2_is_not_reinterpreted_and_the_DfE_figures_never_are()
    {
        // Wed 14 Jan AM is the absence that triggers stage 2; the reinterpretation starts the next school day.
        var stageTwoDay = AutumnWithThreeDaysIll().Absent("I").Present().Absent("I");
        var result = Policy.Evaluate(stageTwoDay, new LocalDate(2026, 1, 14))
            .ShouldHaveAction(Stages, stage: 2, on: new LocalDate(2026, 1, 14))
            .ShouldNotHaveAction("truancy-warning-letter");

        // Every I is still authorised absence in the attendance figures: 3 autumn days, Mon 12 and Wed 14 Jan.
        Assert.Equal(0, result.Figures.UnauthorisedAbsenceSessions);
        Assert.Equal(10, result.Figures.AuthorisedAbsenceSessions);
    }
}
