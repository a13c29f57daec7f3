using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using FsCheck.Xunit;
using NodaTime;
using SampleRegisters;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>The allocation-free overload: the same answers as the full evaluation, nothing carried from one pupil to the next, and no allocation once warm.</summary>
public class EvaluationBufferTests
{
    private static readonly LocalDate YearEnd = new(2026, 7, 22);

    public static TheoryData<string> Schools => new(SampleSchool.All.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(Schools))]
    public void A_shared_buffer_gives_every_pupil_of_a_cohort_the_full_evaluation_s_actions_and_figures(string school)
    {
        var (compiled, registers) = Cohort(school);
        var buffer = new EvaluationBuffer();
        var withActions = 0;
        foreach (var register in registers)
        {
            var full = compiled.Evaluate(register, YearEnd);
            var summary = compiled.Evaluate(register, YearEnd, buffer);
            Assert.Equal(
                full.Actions.Select(a => new DueAction(a.RuleId, a.Kind, a.Stage, a.Date, a.Session)),
                summary.Actions.ToArray());
            Assert.Equal(full.Figures.PossibleSessions, summary.PossibleSessions);
            Assert.Equal(full.Figures.PresentSessions + full.Figures.ApprovedEducationalActivitySessions, summary.AttendedSessions);
            Assert.Equal(full.Figures.AuthorisedAbsenceSessions, summary.AuthorisedAbsenceSessions);
            Assert.Equal(full.Figures.UnauthorisedAbsenceSessions, summary.UnauthorisedAbsenceSessions);
            Assert.Equal(full.Figures.LateSessions, summary.LateSessions);
            Assert.Equal(full.Figures.IsPersistentAbsence, summary.IsPersistentAbsence);
            Assert.Equal(full.Figures.IsSevereAbsence, summary.IsSevereAbsence);
            Assert.Equal(full.ThresholdHits.Count, summary.ThresholdHitCount);
            Assert.Equal(full, summary.ToEvaluation());
            withActions += full.Actions.Count > 0 ? 1 : 0;
        }

        Assert.True(withActions > registers.Length / 10, $"only {withActions} pupils have actions: the comparison is too weak");
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void Once_warm_a_buffer_evaluates_a_cohort_without_allocating(string school)
    {
        var (compiled, registers) = Cohort(school);
        var buffer = new EvaluationBuffer();
        var actions = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var register in registers)
            {
                actions += compiled.Evaluate(register, YearEnd, buffer).Actions.Length;
            }
        }

        var allocated = LeastAllocatedOverAPass(() =>
        {
            foreach (var register in registers)
            {
                actions += compiled.Evaluate(register, YearEnd, buffer).Actions.Length;
            }
        });
        Assert.Equal(0, allocated);
        Assert.True(actions > 0);
    }

    [Fact]
    public void With_a_school_calendar_a_warm_buffer_still_allocates_nothing()
    {
        var (compiled, registers) = Cohort("laurence-jackson");
        var calendar = SchoolCalendar.Create(
            [
                new DateInterval(new LocalDate(2025, 9, 1), new LocalDate(2025, 12, 19)),
                new DateInterval(new LocalDate(2026, 1, 5), new LocalDate(2026, 3, 27)),
                new DateInterval(new LocalDate(2026, 4, 13), new LocalDate(2026, 7, 22)),
            ],
            [new LocalDate(2026, 5, 4), new LocalDate(2026, 5, 25)]);

        // Evaluated to a date inside a term and to one after the last, where the next school day is looked for and not found.
        foreach (var asOf in new[] { new LocalDate(2026, 3, 6), YearEnd, new LocalDate(2026, 8, 31) })
        {
            var buffer = new EvaluationBuffer();
            var actions = 0;
            for (var round = 0; round < 3; round++)
            {
                foreach (var register in registers)
                {
                    actions += compiled.Evaluate(register, asOf, buffer, calendar).Actions.Length;
                }
            }

            Assert.Equal(0, LeastAllocatedOverAPass(() =>
            {
                foreach (var register in registers)
                {
                    actions += compiled.Evaluate(register, asOf, buffer, calendar).Actions.Length;
                }
            }));
            Assert.True(actions > 0);
        }
    }

    [Fact]
    public void The_plain_evaluation_keeps_no_register_alive_in_its_pooled_buffers()
    {
        var (compiled, registers) = Cohort("hall-green-primary");
        var weak = EvaluateACopy(compiled, registers.First(r => compiled.Evaluate(r, YearEnd).Actions.Count > 0));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference EvaluateACopy(CompiledPolicy compiled, PupilRegister source)
    {
        var copy = PupilRegister.Create(source.PupilId, source.Marks, source.YearGroup);
        Assert.NotEmpty(compiled.Evaluate(copy, YearEnd).Actions);
        return new WeakReference(copy);
    }

    [Fact]
    public void A_buffer_moves_between_policies()
    {
        var (first, registers) = Cohort("laurence-jackson");
        var second = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml")));
        var buffer = new EvaluationBuffer();

        // Registers whose every mark has a code: an arrival without one needs the first school's windows.
        var coded = registers.Where(r => r.Marks.All(m => m.Code is not null)).Take(20).ToList();
        Assert.Equal(20, coded.Count);
        foreach (var register in coded)
        {
            Assert.Equal(first.Evaluate(register, YearEnd), first.Evaluate(register, YearEnd, buffer).ToEvaluation());
            Assert.Equal(second.Evaluate(register, YearEnd), second.Evaluate(register, YearEnd, buffer).ToEvaluation());
        }
    }

    [Fact]
    public void A_null_buffer_is_refused_by_name()
    {
        var (compiled, registers) = Cohort("hall-green-primary");
        var error = Assert.Throws<ArgumentNullException>(() => compiled.Evaluate(registers[0], YearEnd, (EvaluationBuffer)null!));
        Assert.Equal("buffer", error.ParamName);
    }

    [Fact]
    public void A_summary_read_after_the_buffer_s_next_evaluation_is_refused_rather_than_giving_another_pupil_s_actions()
    {
        var (compiled, registers) = Cohort("laurence-jackson");
        var other = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml")));
        var withActions = registers.First(r => compiled.Evaluate(r, YearEnd).Actions.Count > 0);
        var coded = registers.First(r => r.PupilId != withActions.PupilId && r.Marks.All(m => m.Code is not null));
        var buffer = new EvaluationBuffer();

        // Under the same policy, and after the buffer moves to another policy.
        foreach (var next in new Action[] { () => compiled.Evaluate(coded, YearEnd, buffer), () => other.Evaluate(coded, YearEnd, buffer) })
        {
            var summary = compiled.Evaluate(withActions, YearEnd, buffer);
            Assert.True(summary.Actions.Length > 0);
            next();
            Assert.Equal("the buffer has evaluated another register since this summary was made; read a summary (or call ToEvaluation) before the buffer's next evaluation", Refused(summary));
        }
    }

    [Fact]
    public void A_default_summary_is_refused_with_a_message()
    {
        Assert.StartsWith("this summary is empty", Refused(default));
    }

    /// <summary>The messages of the exceptions a stale summary's members throw, which must agree (a ref struct cannot be captured by Assert.Throws' lambda).</summary>
    private static string Refused(EvaluationSummary summary)
    {
        var messages = new List<string>();
        try
        {
            _ = summary.Actions;
        }
        catch (InvalidOperationException e)
        {
            messages.Add(e.Message);
        }

        try
        {
            _ = summary.ThresholdHitCount;
        }
        catch (InvalidOperationException e)
        {
            messages.Add(e.Message);
        }

        try
        {
            summary.ToEvaluation();
        }
        catch (InvalidOperationException e)
        {
            messages.Add(e.Message);
        }

        Assert.Equal(3, messages.Count);
        Assert.Single(messages.Distinct());
        return messages[0];
    }

    [Fact]
    public void An_arrival_the_policy_cannot_classify_leaves_the_buffer_usable_for_the_next_pupil()
    {
        // Hall Green has no afternoon window, so an afternoon arrival with no code cannot be classified.
        var (compiled, registers) = Cohort("hall-green-primary");
        var buffer = new EvaluationBuffer();
        var big = registers.OrderByDescending(r => r.Marks.Length).First();
        var day = big.Marks[^1].Session.Date;
        var unclassifiable = PupilRegister.Create("bad", [SessionMark.Create(Session.Morning(day), "O"), SessionMark.Arrived(Session.Afternoon(day), new LocalTime(13, 30))]);
        compiled.Evaluate(big, YearEnd, buffer);
        var error = Assert.Throws<ArgumentException>(() => compiled.Evaluate(unclassifiable, YearEnd, buffer));
        Assert.Equal("register", error.ParamName);
        foreach (var register in registers.Take(30))
        {
            Assert.Equal(compiled.Evaluate(register, YearEnd), compiled.Evaluate(register, YearEnd, buffer).ToEvaluation());
        }
    }

    /// <summary>Nothing of one pupil's evaluation survives into the next: after any other register, a buffer gives what a fresh one gives.</summary>
    [Property(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 60)]
    public void A_used_buffer_evaluates_as_a_fresh_one(RegisterCase first, RegisterCase second)
    {
        var policies = RepositoryPaths.AllPolicies().Select(p => PolicyEvaluator.Compile(PolicyLoader.Load(p))).ToArray();
        var policy = policies[second.PolicyIndex % policies.Length];
        var used = new EvaluationBuffer();
        policy.Evaluate(first.Register, first.AsOf, used);
        var expected = policy.Evaluate(second.Register, second.AsOf, new EvaluationBuffer()).ToEvaluation();
        Assert.Equal(expected, policy.Evaluate(second.Register, second.AsOf, used).ToEvaluation());
    }

    /// <summary>
    /// The bytes this thread allocates over a pass, the least of three: an allocation per pupil shows
    /// in every pass, while the runtime's own work on the thread (a method recompiled at its optimised
    /// tier partway through a pass, as when the whole suite loads the machine) can add bytes to one.
    /// (One such pass failed this test once in a full run; alone, and in repeated runs, none did.)
    /// </summary>
    private static long LeastAllocatedOverAPass(Action pass)
    {
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    internal static (CompiledPolicy Compiled, PupilRegister[] Registers) Cohort(string school)
    {
        var sample = SampleSchool.All.Single(s => s.Id == school);
        var policy = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, school + ".yaml"));
        var generated = SampleRegisterGenerator.Generate(sample, policy, SampleRegisterGenerator.DefaultSeed);
        var years = generated.Pupils.ToDictionary(p => p.Id, p => p.YearGroup, StringComparer.Ordinal);
        var registers = generated.Rows
            .GroupBy(r => r.Pupil, StringComparer.Ordinal)
            .Select(g => PupilRegister.Create(g.Key, g.Select(Mark), years[g.Key]))
            .ToArray();
        return (PolicyEvaluator.Compile(policy), registers);
    }

    private static SessionMark Mark(SampleRow row)
    {
        var session = row.Afternoon ? Session.Afternoon(row.Date) : Session.Morning(row.Date);
        var facts = row.Evidence ? MarkFacts.MedicalEvidence : MarkFacts.None;
        return row.Code.Length == 0
            ? SessionMark.Arrived(session, row.Arrival!.Value, facts)
            : SessionMark.Create(session, NationalCodeTable.Get(row.Code, row.Date), row.Arrival, facts);
    }
}
