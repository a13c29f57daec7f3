using System.Collections.Concurrent;
using System.Globalization;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;
using SampleRegisters;

namespace Attendance.Rules.Tests.Samples;

/// <summary>
/// The committed sample exports in samples/data: every row parses, every pupil evaluates under the
/// school's policy, the cohort has the spread the README promises, and the generator made them.
/// The files are read here with plain string splitting, not with the generator's code.
/// </summary>
public class SampleDataTests
{
    private static readonly ConcurrentDictionary<string, Lazy<SchoolSample>> Loaded = new(StringComparer.Ordinal);

    private static readonly string[] SchoolIds = ["stanborough", "hall-green-primary", "laurence-jackson", "willoughby-primary", "aycliffe-drive-primary"];

    public static TheoryData<string> Schools => new(SchoolIds);

    private static string DataDirectory => Path.Combine(RepositoryPaths.Root, "samples", "data");

    [Theory]
    [MemberData(nameof(Schools))]
    public void Every_row_parses_and_every_pupil_evaluates_under_the_school_s_policy(string school)
    {
        var sample = Load(school);
        Assert.True(sample.Pupils.Count >= 200, $"{school}: {sample.Pupils.Count} pupils");
        Assert.Equal(sample.Pupils.Keys.Order(StringComparer.Ordinal), sample.Registers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(sample.Registers.Count, sample.Evaluations.Count);
        Assert.All(sample.Evaluations.Values, e => Assert.Equal(school, e.PolicyId));
        Assert.Equal(sample.RowCount, sample.Registers.Values.Sum(r => r.Marks.Length));
        Assert.Equal(new LocalDate(2026, 7, 22), sample.LastDate);
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void Most_pupils_attend_95_to_100_percent_and_some_are_persistently_or_severely_absent(string school)
    {
        var figures = Load(school).Evaluations.Values.Select(e => e.Figures).ToList();
        var good = figures.Count(f => f.AttendancePercent >= 95m);
        Assert.True(good > figures.Count / 2, $"{school}: {good} of {figures.Count} pupils at 95% or more");
        Assert.Contains(figures, f => f.AttendancePercent == 100m);
        var persistent = figures.Count(f => f.IsPersistentAbsence);
        var severe = figures.Count(f => f.IsSevereAbsence);
        Assert.InRange(persistent, 10, figures.Count / 3);
        Assert.InRange(severe, 3, persistent);
        Assert.All(figures, f => Assert.Equal(new DateInterval(new LocalDate(2025, 8, 1), new LocalDate(2026, 7, 22)), f.Period));
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void Arrival_times_agree_with_the_school_s_registration_windows_and_trigger_its_sanctions(string school)
    {
        var sample = Load(school);
        var outcomes = sample.Evaluations.Values.SelectMany(e => e.LatenessOutcomes).ToList();
        Assert.Contains(outcomes, o => o.Outcome.Code == "L");
        Assert.Contains(outcomes, o => o.Outcome.Code == "U");
        Assert.True(sample.CodelessRows > 0, $"{school}: no row has an arrival and no code");

        // A code that disagrees with its arrival time would be a data-quality action.
        Assert.DoesNotContain(sample.Evaluations.Values.SelectMany(e => e.Actions), a => a.RuleId == "registration");
        Assert.All(outcomes, o => Assert.NotEqual(ArrivalStatus.NoWindow, o.Outcome.Status));

        var sanctionIds = sample.Policy.Policy.Registration.Sanctions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var sanctions = sample.Evaluations.Values.SelectMany(e => e.Actions).Where(a => a.Kind == ActionKind.Sanction && sanctionIds.Contains(a.RuleId)).ToList();
        if (sanctionIds.Count > 0)
        {
            Assert.All(sanctionIds, id => Assert.Contains(sanctions, a => a.RuleId == id));
        }
        else
        {
            Assert.Empty(sanctions);
        }
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void No_marks_fall_on_weekends_half_terms_or_bank_holidays(string school)
    {
        (LocalDate First, LocalDate Last)[] closed =
        [
            (new(2025, 10, 27), new(2025, 10, 31)),
            (new(2025, 12, 22), new(2026, 1, 2)),
            (new(2026, 2, 16), new(2026, 2, 20)),
            (new(2026, 3, 30), new(2026, 4, 10)),
            (new(2026, 5, 4), new(2026, 5, 4)),
            (new(2026, 5, 25), new(2026, 5, 29)),
        ];
        var dates = Load(school).Registers.Values.SelectMany(r => r.Marks).Select(m => m.Session.Date).Distinct().ToList();
        Assert.DoesNotContain(dates, d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
        Assert.DoesNotContain(dates, d => closed.Any(c => d >= c.First && d <= c.Last));
        Assert.All(dates, d => Assert.True((d >= new LocalDate(2025, 9, 1) && d <= new LocalDate(2026, 7, 22)) || (d >= new LocalDate(2024, 7, 15) && d <= new LocalDate(2024, 7, 23)), $"{d:yyyy-MM-dd}"));

        // Every pupil has a mark for every session of the year's school days (197 weekdays, 2 INSET
        // days among them) while on roll; a joiner's week before admission is Z.
        var schoolDays = dates.Where(d => d.Year >= 2025).ToList();
        Assert.Equal(197, schoolDays.Count);
        Assert.All(Load(school).Registers.Values, r =>
        {
            var onRoll = schoolDays.Count(d => r.Roll.IsOnRoll(d));
            Assert.Equal(2 * onRoll, r.Marks.Count(m => m.Session.Date.Year >= 2025 && m.Code?.Code != "Z"));
        });
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void Every_pupil_has_a_date_of_birth_for_the_year_group_and_some_join_or_leave_during_the_year(string school)
    {
        var sample = Load(school);
        foreach (var r in sample.Registers.Values)
        {
            var index = r.YearGroup == "R" ? 0 : int.Parse(r.YearGroup!, System.Globalization.CultureInfo.InvariantCulture);

            // Year g (Reception 0) in 2025/26 was born from 1 September (2020 - g) to 31 August (2021 - g).
            Assert.InRange(r.DateOfBirth!.Value, new LocalDate(2020 - index, 9, 1), new LocalDate(2021 - index, 8, 31));
            Assert.NotNull(r.AdmissionDate);
            Assert.True(r.Marks.All(m => r.Roll.OutsideRoll(m) is null), r.PupilId);
        }

        var joiners = sample.Registers.Values.Where(r => r.AdmissionDate > new LocalDate(2025, 9, 1)).ToList();
        Assert.Equal(3, joiners.Count);
        Assert.All(joiners, r => Assert.True(r.Marks.TakeWhile(m => m.Session.Date < r.AdmissionDate).All(m => m.Code!.Code == "Z"), r.PupilId));
        Assert.Contains(joiners, r => r.Marks[0].Code!.Code == "Z");
        Assert.Single(sample.Registers.Values, r => r.LeavingDate is not null);
    }

    [Theory]
    [MemberData(nameof(Schools))]
    public void Some_pupils_have_the_last_weeks_of_July_2024_in_2006_codes(string school)
    {
        var before = Load(school).Registers.Values.SelectMany(r => r.Marks).Where(m => m.Session.Date < new LocalDate(2024, 8, 19)).ToList();
        var pupils = Load(school).Registers.Values.Count(r => r.Marks[0].Session.Date.Year == 2024);
        Assert.InRange(pupils, 1, Load(school).Registers.Count - 1);
        Assert.All(before, m => Assert.Equal(CodeSet.Regulations2006, m.Code!.Set));
        Assert.Contains(before, m => m.Code!.Code == "H");
    }

    [Fact]
    public void The_samples_use_every_kind_of_mark_the_README_describes()
    {
        var marks = SchoolIds.SelectMany(s => Load(s).Registers.Values).SelectMany(r => r.Marks).ToList();
        var codes = marks.Where(m => m.Code is not null && m.Session.Date.Year >= 2025).Select(m => m.Code!.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["/", "\\", "L", "U", "I", "M", "G", "O", "N", "R", "C2", "#", "X", "Y1", "D", "W", "V", "E", "C"], StringComparer.Ordinal), codes);
        Assert.Contains(marks, m => m.HasMedicalEvidence && m.Code!.Code == "I");
        Assert.Contains(marks, m => m.Code is null && m.Arrival is not null);
    }

    [Fact]
    public void The_sample_files_stay_under_10_MB_in_total()
    {
        var bytes = Directory.GetFiles(DataDirectory, "*.csv").Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1, 10_000_000);
    }

    [Fact]
    public void The_committed_files_are_what_the_generator_makes_with_the_default_seed()
    {
        var dir = TemporaryDirectory();
        try
        {
            var written = SampleRegisterGenerator.WriteAll(RepositoryPaths.Policies, dir);
            Assert.Equal(10, written.Count);
            foreach (var path in written)
            {
                var committed = Path.Combine(DataDirectory, Path.GetFileName(path));
                Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{committed} differs from the generator's output; run `dotnet run --project samples/SampleRegisters`");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_another_seed_other_files()
    {
        var first = TemporaryDirectory();
        var second = TemporaryDirectory();
        var other = TemporaryDirectory();
        try
        {
            var a = SampleRegisterGenerator.WriteAll(RepositoryPaths.Policies, first, seed: 7);
            var b = SampleRegisterGenerator.WriteAll(RepositoryPaths.Policies, second, seed: 7);
            var c = SampleRegisterGenerator.WriteAll(RepositoryPaths.Policies, other, seed: 8);
            Assert.Equal(a.Select(Path.GetFileName), b.Select(Path.GetFileName));
            Assert.All(a.Zip(b), p => Assert.True(File.ReadAllBytes(p.First).AsSpan().SequenceEqual(File.ReadAllBytes(p.Second)), p.First));
            var marks = a.Zip(c).Where(p => !p.First.EndsWith("-pupils.csv", StringComparison.Ordinal)).ToList();
            Assert.All(marks, p => Assert.False(File.ReadAllBytes(p.First).AsSpan().SequenceEqual(File.ReadAllBytes(p.Second)), p.First));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    private static string TemporaryDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "attendance-samples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    internal static SchoolSample Load(string school) =>
        Loaded.GetOrAdd(school, s => new Lazy<SchoolSample>(() => SchoolSample.Read(s))).Value;

    internal sealed record SchoolSample(
        CompiledPolicy Policy,
        IReadOnlyDictionary<string, string> Pupils,
        IReadOnlyDictionary<string, PupilRegister> Registers,
        IReadOnlyDictionary<string, PupilEvaluation> Evaluations,
        int RowCount,
        int CodelessRows,
        LocalDate LastDate)
    {
        private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

        public static SchoolSample Read(string school)
        {
            var policy = PolicyEvaluator.Compile(PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, school + ".yaml")));
            var pupils = new Dictionary<string, string>(StringComparer.Ordinal);
            var rolls = new Dictionary<string, PupilRoll>(StringComparer.Ordinal);
            var pupilLines = File.ReadAllLines(Path.Combine(DataDirectory, school + "-pupils.csv"));
            Assert.Equal("pupil,year_group,date_of_birth,admission_date,leaving_date", pupilLines[0]);
            foreach (var line in pupilLines.Skip(1))
            {
                var fields = line.Split(',');
                Assert.Equal(5, fields.Length);
                Assert.Contains(fields[1], (string[])["R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
                Assert.True(pupils.TryAdd(fields[0], fields[1]), $"{school}: pupil {fields[0]} listed twice");
                LocalDate? Date(string t) => t.Length == 0 ? null : LocalDatePattern.Iso.Parse(t).GetValueOrThrow();
                rolls[fields[0]] = PupilRoll.Create(Date(fields[2]), Date(fields[3]), Date(fields[4]));
            }

            var lines = File.ReadAllLines(Path.Combine(DataDirectory, school + ".csv"));
            var header = lines[0].Split(',');
            Assert.Equal(["arrival", "code", "date", "evidence", "pupil", "session"], header.Order(StringComparer.Ordinal));
            int Column(string name) => Array.IndexOf(header, name);
            int pupilAt = Column("pupil"), dateAt = Column("date"), sessionAt = Column("session"), codeAt = Column("code"), arrivalAt = Column("arrival"), evidenceAt = Column("evidence");

            var marks = new Dictionary<string, List<SessionMark>>(StringComparer.Ordinal);
            var last = LocalDate.MinIsoValue;
            var codeless = 0;
            for (var row = 1; row < lines.Length; row++)
            {
                var where = $"{school}.csv row {row + 1}";
                var fields = lines[row].Split(',');
                Assert.True(fields.Length == header.Length, $"{where}: {fields.Length} fields");
                var pupil = fields[pupilAt];
                Assert.True(pupils.ContainsKey(pupil), $"{where}: pupil '{pupil}' is not in the pupils file");
                var date = LocalDatePattern.Iso.Parse(fields[dateAt]);
                Assert.True(date.Success, $"{where}: date '{fields[dateAt]}'");
                Assert.True(fields[sessionAt] is "AM" or "PM", $"{where}: session '{fields[sessionAt]}'");
                Assert.True(fields[evidenceAt] is "" or "yes", $"{where}: evidence '{fields[evidenceAt]}'");
                var session = new Session(date.Value, fields[sessionAt] == "AM" ? SessionOfDay.AM : SessionOfDay.PM);
                LocalTime? arrival = null;
                if (fields[arrivalAt].Length > 0)
                {
                    var parsed = Time.Parse(fields[arrivalAt]);
                    Assert.True(parsed.Success, $"{where}: arrival '{fields[arrivalAt]}'");
                    arrival = parsed.Value;
                }

                var facts = fields[evidenceAt] == "yes" ? MarkFacts.MedicalEvidence : MarkFacts.None;
                SessionMark mark;
                if (fields[codeAt].Length == 0)
                {
                    Assert.True(arrival is not null, $"{where}: no code and no arrival");
                    mark = SessionMark.Arrived(session, arrival!.Value, facts);
                    codeless++;
                }
                else
                {
                    mark = SessionMark.Create(session, fields[codeAt], arrival, facts);
                }

                if (!marks.TryGetValue(pupil, out var list))
                {
                    marks[pupil] = list = [];
                }

                list.Add(mark);
                last = LocalDate.Max(last, date.Value);
            }

            var registers = marks.ToDictionary(p => p.Key, p => PupilRegister.Create(p.Key, p.Value, pupils[p.Key], rolls[p.Key]), StringComparer.Ordinal);
            var evaluations = registers.AsParallel()
                .Select(r => (r.Key, Evaluation: policy.Evaluate(r.Value, last)))
                .ToDictionary(x => x.Key, x => x.Evaluation, StringComparer.Ordinal);
            return new SchoolSample(policy, pupils, registers, evaluations, lines.Length - 1, codeless, last);
        }
    }
}
