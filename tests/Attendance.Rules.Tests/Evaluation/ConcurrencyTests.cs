using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>
/// One compiled policy shared by 16 threads over 100,000 pupils gives exactly the evaluations one
/// thread gives. Registers are short (20 sessions) and generated deterministically from the pupil's
/// index, so the run stays quick.
/// </summary>
public class ConcurrencyTests
{
    private const int Pupils = 100_000;

    private static readonly LocalDate AsOf = new(2025, 9, 19);

    private static readonly string[] Codes = ["/", "\\", "/", "\\", "L", "O", "I", "M", "G", "U", "N", "B", "/", "\\", "C1", "/"];

    [Fact]
    public void Sixteen_threads_sharing_one_compiled_policy_give_the_same_evaluations_as_one_thread()
    {
        var policy = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "stanborough.yaml")));
        var registers = Enumerable.Range(0, Pupils).Select(Register).ToArray();

        var single = new PupilEvaluation[Pupils];
        for (var i = 0; i < Pupils; i++)
        {
            single[i] = policy.Evaluate(registers[i], AsOf);
        }

        var parallel = new PupilEvaluation[Pupils];
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            // Interleaved, and each thread walks its share backwards, so threads meet the same policy state in other orders.
            for (var i = Pupils - 1 - t; i >= 0; i -= 16)
            {
                parallel[i] = policy.Evaluate(registers[i], AsOf);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a thread did not finish within the hang guard"));

        Assert.All(parallel, Assert.NotNull);
        var differing = Enumerable.Range(0, Pupils).Where(i => !single[i].Equals(parallel[i])).Take(5).ToList();
        Assert.True(differing.Count == 0, $"pupils whose evaluations differ: {string.Join(", ", differing)}");

        // The cohort is varied: some pupils reach thresholds and some do not.
        Assert.Contains(single, e => e.ThresholdHits.Count > 0);
        Assert.Contains(single, e => e.ThresholdHits.Count == 0);
    }

    private static PupilRegister Register(int pupil)
    {
        var marks = new List<SessionMark>(20);
        var state = (uint)pupil * 2654435761u;
        for (var day = 0; day < 10; day++)
        {
            var date = new LocalDate(2025, 9, 8).PlusDays(day + (day >= 5 ? 2 : 0));
            foreach (var part in new[] { SessionOfDay.AM, SessionOfDay.PM })
            {
                state = (state * 1664525u) + 1013904223u;
                var code = pupil % 3 == 0 ? (part == SessionOfDay.AM ? "/" : "\\") : Codes[(int)(state >> 28)];
                marks.Add(SessionMark.Create(new Session(date, part), code));
            }
        }

        return PupilRegister.Create($"P{pupil:D6}", marks, (7 + (pupil % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
