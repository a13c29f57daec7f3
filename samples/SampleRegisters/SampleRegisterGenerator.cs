using System.Globalization;
using System.Text;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using CsvHelper;
using NodaTime;

namespace SampleRegisters;

/// <summary>
/// Makes the sample register exports: for each seed school 200 pupils over 2025/26 (and, for the
/// pupils then on roll, the last school days of July 2024 in 2006 codes), with a realistic spread
/// of attendance. The same seed gives byte-identical files.
/// </summary>
public static class SampleRegisterGenerator
{
    /// <summary>The seed the committed files were made with.</summary>
    public const int DefaultSeed = 20250901;

    /// <summary>Pupils per school.</summary>
    public const int PupilsPerSchool = 200;

    /// <summary>The marks file's header.</summary>
    public const string MarksHeader = "pupil,date,session,code,arrival,evidence";

    /// <summary>The pupils file's header.</summary>
    public const string PupilsHeader = "pupil,year_group,date_of_birth,admission_date,leaving_date";

    /// <summary>Pupils per school who join during the year (their rows start a few <c>Z</c> days before their admission date).</summary>
    public const int JoinersPerSchool = 3;

    private enum Profile
    {
        Excellent,
        Good,
        Fair,
        Persistent,
        Severe,
    }

    private enum Episode
    {
        IllnessRun,
        IllnessSession,
        Medical,
        Holiday,
        TruancyRun,
        TruancySession,
        Unexplained,
        Exceptional,
        Suspension,
    }

    /// <summary>Generates every seed school and writes <c>&lt;school&gt;.csv</c> and <c>&lt;school&gt;-pupils.csv</c> to a folder.</summary>
    /// <param name="policiesDirectory">The repository's <c>policies</c> folder (each school's registration windows are read from its policy).</param>
    /// <param name="outputDirectory">The folder to write to; created if missing.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The paths written, in order.</returns>
    public static IReadOnlyList<string> WriteAll(string policiesDirectory, string outputDirectory, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var school in SampleSchool.All)
        {
            var policy = PolicyLoader.Load(Path.Combine(policiesDirectory, school.Id + ".yaml"));
            var generated = Generate(school, policy, seed);
            written.Add(WriteMarks(generated, Path.Combine(outputDirectory, school.Id + ".csv")));
            written.Add(WritePupils(generated, Path.Combine(outputDirectory, school.Id + "-pupils.csv")));
        }

        return written;
    }

    /// <summary>Generates one school's pupils and marks.</summary>
    /// <param name="school">The school.</param>
    /// <param name="policy">Its policy, for the registration windows that arrival times must match.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The pupils and their rows, pupil by pupil, each in session order.</returns>
    public static GeneratedSchool Generate(SampleSchool school, Policy policy, int seed)
    {
        var rng = SeededRandom.For(seed, school.Id);
        var registration = RegistrationTable.For(policy);
        var groups = school.YearGroups;
        var pupils = Enumerable.Range(0, PupilsPerSchool)
            .Select(i => new SamplePupil(string.Create(CultureInfo.InvariantCulture, $"{school.Prefix}{i + 1:000}"), groups[i * groups.Count / PupilsPerSchool]))
            .ToArray();

        // Fixed numbers of each profile, shuffled over the roll, so every school has the spread.
        var profiles = Enumerable.Repeat(Profile.Severe, 6)
            .Concat(Enumerable.Repeat(Profile.Persistent, 22))
            .Concat(Enumerable.Repeat(Profile.Fair, 28))
            .Concat(Enumerable.Repeat(Profile.Good, 68))
            .Concat(Enumerable.Repeat(Profile.Excellent, PupilsPerSchool - 6 - 22 - 28 - 68))
            .ToList();
        rng.Shuffle(profiles);

        var years = pupils.Select(p => new PupilYear(p)).ToArray();
        foreach (var year in years)
        {
            foreach (var inset in school.InsetDays)
            {
                year.SetDay(SampleCalendar.IndexOf(inset), "#");
            }
        }

        PlaceSchoolEvents(school, years, profiles, rng);
        for (var i = 0; i < years.Length; i++)
        {
            FillAbsence(years[i], profiles[i], school, rng);
            AddLateness(years[i], profiles[i], registration, rng);
        }

        LeaveRecentAbsencesUnexplained(years, profiles, rng);

        var rows = new List<SampleRow>(PupilsPerSchool * (SampleCalendar.SchoolDays.Count + 8) * 2);
        for (var i = 0; i < years.Length; i++)
        {
            if (school.YearGroupsOnRollIn2024.Contains(pupils[i].YearGroup) && rng.Chance(0.85))
            {
                rows.AddRange(July2024(pupils[i], profiles[i], rng));
            }

            rows.AddRange(years[i].Rows());
        }

        return AddRoll(school, pupils, rows, seed);
    }

    /// <summary>
    /// The roll, drawn from a generator of its own so the marks of pupils who neither join nor leave
    /// stay as they were: a date of birth in the school year that fits the year group; an admission
    /// date on the first day of the year the pupil entered the school (Reception or Year 7); three
    /// pupils who join during the year (no marks before the week before their admission date, which
    /// is marked <c>Z</c>, "not yet on the admission register") and one who leaves (no marks after
    /// the leaving date). So no mark lies outside a pupil's days on roll.
    /// </summary>
    private static GeneratedSchool AddRoll(SampleSchool school, SamplePupil[] pupils, List<SampleRow> rows, int seed)
    {
        var rng = SeededRandom.For(seed, school.Id + "/roll");
        var with2024 = rows.Where(r => r.Date < SampleCalendar.FirstDay).Select(r => r.Pupil).ToHashSet(StringComparer.Ordinal);
        var days = SampleCalendar.SchoolDays;
        var candidates = pupils.Where(p => !with2024.Contains(p.Id)).Select(p => p.Id).ToList();
        rng.Shuffle(candidates);
        var joiners = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var id in candidates.Take(JoinersPerSchool))
        {
            joiners[id] = days[rng.Between(30, 150)];
        }

        var leaver = pupils[rng.Next(pupils.Length)].Id;
        while (joiners.ContainsKey(leaver))
        {
            leaver = pupils[rng.Next(pupils.Length)].Id;
        }

        var leaving = days[rng.Between(100, 160)];
        for (var i = 0; i < pupils.Length; i++)
        {
            var p = pupils[i];
            var index = YearIndex(p.YearGroup);

            // Year g (Reception 0) in 2025/26 was born from 1 September (2020 - g) to 31 August (2021 - g).
            var born = new LocalDate(2020 - index, 9, 1).PlusDays(rng.Next(365));
            var entryYear = 2025 - (index - (school.Secondary ? 7 : 0));
            var admitted = joiners.TryGetValue(p.Id, out var joined) ? joined : FirstWeekday(new LocalDate(entryYear, 9, 1));
            pupils[i] = p with { DateOfBirth = born, AdmissionDate = admitted, LeavingDate = p.Id == leaver ? leaving : null };
        }

        var kept = new List<SampleRow>(rows.Count);
        foreach (var row in rows)
        {
            if (joiners.TryGetValue(row.Pupil, out var admitted) && row.Date < admitted)
            {
                if (row.Date >= admitted.PlusDays(-7))
                {
                    kept.Add(row with { Code = "Z", Arrival = null, Evidence = false });
                }

                continue;
            }

            if (row.Pupil == leaver && row.Date > leaving)
            {
                continue;
            }

            kept.Add(row);
        }

        return new GeneratedSchool(school, pupils, kept);
    }

    private static int YearIndex(string yearGroup) => yearGroup == "R" ? 0 : int.Parse(yearGroup, CultureInfo.InvariantCulture);

    private static LocalDate FirstWeekday(LocalDate date) =>
        date.DayOfWeek switch { IsoDayOfWeek.Saturday => date.PlusDays(2), IsoDayOfWeek.Sunday => date.PlusDays(1), _ => date };

    /// <summary>LF line ends; a field with a leading or trailing space quoted, as CsvHelper 33 did, so the committed samples stay byte for byte.</summary>
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace };

    /// <summary>Writes a marks file: LF line ends, no BOM, invariant formatting.</summary>
    public static string WriteMarks(GeneratedSchool generated, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = CsvWriter.Create(writer, CsvOptions);
        foreach (var column in MarksHeader.Split(','))
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var row in generated.Rows)
        {
            csv.WriteField(row.Pupil);
            csv.WriteField(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.Afternoon ? "PM" : "AM");
            csv.WriteField(row.Code);
            csv.WriteField(row.Arrival is { } a ? a.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(row.Evidence ? "yes" : string.Empty);
            csv.EndRecord();
        }

        return path;
    }

    private static string Date(LocalDate? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Writes a pupils file (<c>pupil,year_group,date_of_birth,admission_date,leaving_date</c>).</summary>
    public static string WritePupils(GeneratedSchool generated, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = CsvWriter.Create(writer, CsvOptions);
        foreach (var column in PupilsHeader.Split(','))
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var pupil in generated.Pupils)
        {
            csv.WriteField(pupil.Id);
            csv.WriteField(pupil.YearGroup);
            csv.WriteField(Date(pupil.DateOfBirth));
            csv.WriteField(Date(pupil.AdmissionDate));
            csv.WriteField(Date(pupil.LeavingDate));
            csv.EndRecord();
        }

        return path;
    }

    /// <summary>
    /// What happens to groups of pupils: work experience or a residential trip, a snow day without
    /// buses (<c>Y1</c>), dual registration (<c>D</c>), part-time Reception children (<c>X</c>),
    /// part-time timetables (<c>C2</c>) and religious festivals (<c>R</c>).
    /// </summary>
    private static void PlaceSchoolEvents(SampleSchool school, PupilYear[] years, List<Profile> profiles, SeededRandom rng)
    {
        var days = SampleCalendar.SchoolDays;
        int Index(LocalDate d) => SampleCalendar.IndexOf(d);

        if (school.Secondary)
        {
            // Year 10 work experience, the week of 6 July 2026.
            foreach (var year in years.Where(y => y.Pupil.YearGroup == "10"))
            {
                for (var d = Index(new LocalDate(2026, 7, 6)); d <= Index(new LocalDate(2026, 7, 10)); d++)
                {
                    year.SetDay(d, "W");
                }
            }
        }
        else
        {
            // Year 6 residential trip, 10-12 June 2026.
            foreach (var year in years.Where(y => y.Pupil.YearGroup == "6" && rng.Chance(0.85)))
            {
                for (var d = Index(new LocalDate(2026, 6, 10)); d <= Index(new LocalDate(2026, 6, 12)); d++)
                {
                    year.SetDay(d, "V");
                }
            }

            // Reception children below compulsory school age attending mornings only until half-term.
            foreach (var year in years.Where(y => y.Pupil.YearGroup == "R").Take(4))
            {
                for (var d = Index(new LocalDate(2025, 9, 2)); d < Index(new LocalDate(2025, 11, 3)); d++)
                {
                    year.Set(d, 1, "X");
                }
            }
        }

        // A snow day in January or February: the school is open but some pupils' buses did not run.
        var snow = rng.Between(Index(new LocalDate(2026, 1, 6)), Index(new LocalDate(2026, 2, 13)));
        foreach (var year in Pick(years, rng.Between(3, 7), rng))
        {
            year.SetDay(snow, "Y1");
        }

        // Dual registration: one pupil attends another setting on Fridays from November.
        var dual = Pick(years.Where((_, i) => profiles[i] is Profile.Fair or Profile.Persistent), 1, rng).Single();
        for (var d = Index(new LocalDate(2025, 11, 3)); d < days.Count; d++)
        {
            if (days[d].DayOfWeek == IsoDayOfWeek.Friday && dual.IsPresent(d, 0))
            {
                dual.SetDay(d, "D");
            }
        }

        // Part-time timetables: two pupils attend mornings only for four to eight weeks, then return full time.
        foreach (var year in Pick(years.Where((y, i) => profiles[i] is Profile.Persistent or Profile.Severe && y != dual), 2, rng))
        {
            var start = rng.Between(Index(new LocalDate(2025, 9, 15)), Index(new LocalDate(2026, 4, 20)));
            start -= (int)days[start].DayOfWeek - 1; // the Monday
            var weeks = rng.Between(4, 8);
            for (var d = start; d < days.Count && d < start + (weeks * 5); d++)
            {
                if (year.IsPresent(d, 1))
                {
                    year.Set(d, 1, "C2");
                }
            }
        }

        // Religious observance: festival days in term time.
        LocalDate[] festivals = [new(2025, 10, 2), new(2025, 10, 20), new(2026, 3, 20), new(2026, 4, 14)];
        var observing = Pick(years, rng.Between(10, 18), rng).ToList();
        foreach (var year in observing)
        {
            var festival = rng.Pick(festivals);
            year.SetDay(Index(festival), "R");
            if (rng.Chance(0.2))
            {
                // The day after as well.
                year.SetDay(Index(festival) + 1, "R");
            }
        }

        // One pupil observes three days, more than some policies allow.
        var three = observing[0];
        foreach (var festival in festivals.Take(3))
        {
            three.SetDay(Index(festival), "R");
        }
    }

    private static IEnumerable<PupilYear> Pick(IEnumerable<PupilYear> candidates, int count, SeededRandom rng)
    {
        var list = candidates.ToList();
        rng.Shuffle(list);
        return list.Take(count);
    }

    /// <summary>Adds absence episodes typical of the profile until the pupil's absence reaches a target share of possible sessions.</summary>
    private static void FillAbsence(PupilYear year, Profile profile, SampleSchool school, SeededRandom rng)
    {
        var share = profile switch
        {
            Profile.Excellent => rng.Chance(0.45) ? 0 : 0.003 + (rng.NextDouble() * 0.017),
            Profile.Good => 0.02 + (rng.NextDouble() * 0.03),
            Profile.Fair => 0.05 + (rng.NextDouble() * 0.045),
            Profile.Persistent => 0.105 + (rng.NextDouble() * 0.34),
            _ => 0.52 + (rng.NextDouble() * 0.33),
        };
        var target = (int)Math.Round(share * year.PossibleSessions);
        (Episode, double)[] weights = profile switch
        {
            Profile.Excellent => [(Episode.IllnessRun, 0.6), (Episode.IllnessSession, 0.2), (Episode.Medical, 0.2)],
            Profile.Good => [(Episode.IllnessRun, 0.45), (Episode.IllnessSession, 0.15), (Episode.Medical, 0.2), (Episode.Holiday, 0.1), (Episode.TruancySession, 0.05), (Episode.Exceptional, 0.05)],
            Profile.Fair => [(Episode.IllnessRun, 0.45), (Episode.Medical, 0.15), (Episode.Holiday, 0.15), (Episode.TruancyRun, 0.08), (Episode.TruancySession, 0.07), (Episode.Unexplained, 0.05), (Episode.Suspension, school.Secondary ? 0.05 : 0)],
            Profile.Persistent => [(Episode.IllnessRun, 0.4), (Episode.TruancyRun, 0.2), (Episode.TruancySession, 0.1), (Episode.Holiday, 0.1), (Episode.Medical, 0.1), (Episode.Unexplained, 0.05), (Episode.Suspension, school.Secondary ? 0.05 : 0)],
            _ => [(Episode.TruancyRun, 0.45), (Episode.IllnessRun, 0.35), (Episode.Unexplained, 0.08), (Episode.Holiday, 0.04), (Episode.Medical, 0.04), (Episode.Suspension, school.Secondary ? 0.04 : 0)],
        };

        var tries = 0;
        while (year.AbsenceSessions < target && tries++ < 2000)
        {
            var remainingDays = Math.Max(1, (target - year.AbsenceSessions + 1) / 2);
            var episode = rng.Pick(weights);
            var day = rng.Next(year.Days);
            switch (episode)
            {
                case Episode.IllnessRun:
                {
                    var length = Math.Min(remainingDays, profile switch
                    {
                        Profile.Excellent or Profile.Good => rng.Between(1, 3),
                        Profile.Fair => rng.Between(1, 5),
                        Profile.Persistent => rng.Between(2, 10),
                        _ => rng.Between(5, 20),
                    });
                    var evidence = length >= 5 ? rng.Chance(0.7) : rng.Chance(0.08);
                    year.Run(day, length, "I", evidence);
                    break;
                }

                case Episode.IllnessSession:
                    // Went home ill after the morning.
                    year.Mark(day, 1, "I", evidence: false);
                    break;
                case Episode.Medical:
                    year.Mark(day, rng.Next(2), "M", evidence: rng.Chance(0.4));
                    break;
                case Episode.Holiday:
                {
                    // A term-time holiday the school did not grant, next to a half-term or holiday.
                    if (remainingDays < 4)
                    {
                        break;
                    }

                    var length = Math.Min(remainingDays, rng.Between(4, 10));
                    var after = rng.Pick(SampleCalendar.FirstDaysAfterBreaks);
                    var start = rng.Chance(0.5) ? after : after - length;
                    year.Run(Math.Max(1, start), length, "G", evidence: false);
                    break;
                }

                case Episode.TruancyRun:
                {
                    var length = Math.Min(remainingDays, profile == Profile.Severe ? rng.Between(5, 20) : rng.Between(1, 5));
                    year.Run(day, length, rng.Chance(0.08) ? "N" : "O", evidence: false);
                    break;
                }

                case Episode.TruancySession:
                    year.Mark(day, 1, "O", evidence: false);
                    break;
                case Episode.Unexplained:
                    // Never explained: the N stays.
                    year.Run(day, Math.Min(remainingDays, rng.Between(1, 2)), "N", evidence: false);
                    break;
                case Episode.Exceptional:
                    year.Run(day, 1, "C", evidence: false);
                    break;
                case Episode.Suspension:
                    year.Run(day, Math.Min(remainingDays, rng.Between(1, 3)), "E", evidence: false);
                    break;
            }
        }
    }

    /// <summary>
    /// Late arrivals with times from the school's registration windows: after <c>late_after</c> up to
    /// <c>closes</c> is <c>L</c>, after <c>closes</c> is <c>U</c>; a quarter of them leave the code empty
    /// for the policy to classify.
    /// </summary>
    private static void AddLateness(PupilYear year, Profile profile, RegistrationTable registration, SeededRandom rng)
    {
        var frequentShare = profile is Profile.Persistent or Profile.Severe ? 0.4 : 0.1;
        var lates = rng.Chance(frequentShare) ? rng.Between(12, 40)
            : rng.Chance(0.45) ? rng.Between(2, 8)
            : rng.Between(0, 1);
        var afterCloseShare = lates >= 12 ? 0.15 : 0.04;
        var am = registration.WindowFor(SessionOfDay.AM, year.Pupil.YearGroup);
        var pm = registration.WindowFor(SessionOfDay.PM, year.Pupil.YearGroup);
        for (var i = 0; i < lates; i++)
        {
            var afternoon = pm is not null && (am is null || rng.Chance(0.25));
            var window = afternoon ? pm : am;
            if (window is null)
            {
                return;
            }

            var day = rng.Next(year.Days);
            var session = afternoon ? 1 : 0;
            if (!year.IsPresent(day, session))
            {
                continue;
            }

            string code;
            LocalTime arrival;
            if (rng.Chance(afterCloseShare))
            {
                code = "U";
                arrival = (window.Closes ?? window.LateAfter.PlusMinutes(30)).PlusMinutes(rng.Between(5, 80));
            }
            else
            {
                code = "L";
                var span = (int)Period.Between(window.LateAfter, window.Closes ?? window.LateAfter.PlusMinutes(30), PeriodUnits.Minutes).Minutes;
                var r = rng.NextDouble();
                arrival = window.LateAfter.PlusMinutes(1 + (int)((span - 1) * r * r));
            }

            year.Arrive(day, session, rng.Chance(0.25) ? string.Empty : code, arrival);
        }
    }

    /// <summary>
    /// The export is taken at the end of the last school day: absences of the last two days are not
    /// yet explained, so they are still <c>N</c>, and a few pupils are missing on the last day.
    /// </summary>
    private static void LeaveRecentAbsencesUnexplained(PupilYear[] years, List<Profile> profiles, SeededRandom rng)
    {
        foreach (var year in years)
        {
            for (var d = year.Days - 2; d < year.Days; d++)
            {
                year.Replace(d, ["I", "O"], "N");
            }
        }

        var missing = years.Where((_, i) => profiles[i] is not Profile.Excellent).ToList();
        rng.Shuffle(missing);
        foreach (var year in missing.Take(rng.Between(3, 6)))
        {
            year.Mark(year.Days - 1, 0, "N", evidence: false);
            year.Mark(year.Days - 1, 1, "N", evidence: false);
        }
    }

    /// <summary>The last school days of July 2024, in 2006 codes: agreed family holidays (<c>H</c>) before the end of term, some illness and lateness.</summary>
    private static IEnumerable<SampleRow> July2024(SamplePupil pupil, Profile profile, SeededRandom rng)
    {
        var days = SampleCalendar.July2024;
        var codes = new string[days.Count * 2];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = i % 2 == 0 ? "/" : "\\";
        }

        var poor = profile is Profile.Persistent or Profile.Severe;
        if (rng.Chance(0.08))
        {
            // An agreed holiday to the end of term.
            var length = rng.Between(2, 5);
            for (var i = (days.Count - length) * 2; i < codes.Length; i++)
            {
                codes[i] = "H";
            }
        }

        if (rng.Chance(poor ? 0.3 : 0.05))
        {
            var day = rng.Next(days.Count);
            codes[day * 2] = codes[(day * 2) + 1] = "I";
        }

        if (rng.Chance(poor ? 0.25 : 0.02))
        {
            codes[(rng.Next(days.Count) * 2) + 1] = "O";
        }

        if (rng.Chance(poor ? 0.2 : 0.04))
        {
            var am = rng.Next(days.Count) * 2;
            if (codes[am] == "/")
            {
                codes[am] = "L";
            }
        }

        if (rng.Chance(0.03))
        {
            codes[rng.Next(codes.Length)] = "M";
        }

        for (var i = 0; i < codes.Length; i++)
        {
            yield return new SampleRow(pupil.Id, days[i / 2], i % 2 == 1, codes[i], null, false);
        }
    }

    /// <summary>One pupil's 2025/26 sessions as the generator builds them.</summary>
    private sealed class PupilYear
    {
        private static readonly HashSet<string> Absences = ["I", "M", "G", "O", "N", "U", "C", "C2", "E", "R"];
        private static readonly HashSet<string> NotPossible = ["#", "X", "D", "Y1"];
        private readonly string[] codes;
        private readonly LocalTime?[] arrivals;
        private readonly bool[] evidence;

        public PupilYear(SamplePupil pupil)
        {
            Pupil = pupil;
            Days = SampleCalendar.SchoolDays.Count;
            codes = new string[Days * 2];
            arrivals = new LocalTime?[Days * 2];
            evidence = new bool[Days * 2];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = i % 2 == 0 ? "/" : "\\";
            }
        }

        public SamplePupil Pupil { get; }

        public int Days { get; }

        public int PossibleSessions => codes.Count(c => !NotPossible.Contains(c));

        public int AbsenceSessions => codes.Count(Absences.Contains);

        public bool IsPresent(int day, int session)
        {
            var i = (day * 2) + session;
            return day >= 0 && day < Days && codes[i] is "/" or "\\" && arrivals[i] is null;
        }

        public void Set(int day, int session, string code) => codes[(day * 2) + session] = code;

        public void SetDay(int day, string code)
        {
            Set(day, 0, code);
            Set(day, 1, code);
        }

        /// <summary>Marks a session absent if the pupil was present then.</summary>
        public void Mark(int day, int session, string code, bool evidence)
        {
            if (day >= 0 && day < Days && (IsPresent(day, session) || (codes[(day * 2) + session] is "I" or "O" && code == "N")))
            {
                var i = (day * 2) + session;
                codes[i] = code;
                arrivals[i] = null;
                this.evidence[i] = evidence;
            }
        }

        /// <summary>Marks whole days absent from a day on, skipping days already otherwise marked.</summary>
        public void Run(int day, int length, string code, bool evidence)
        {
            for (var d = day; d < day + length && d < Days; d++)
            {
                Mark(d, 0, code, evidence);
                Mark(d, 1, code, evidence);
            }
        }

        public void Arrive(int day, int session, string code, LocalTime arrival)
        {
            var i = (day * 2) + session;
            codes[i] = code;
            arrivals[i] = arrival;
        }

        public void Replace(int day, IReadOnlyList<string> from, string to)
        {
            for (var i = day * 2; i < (day * 2) + 2; i++)
            {
                if (from.Contains(codes[i]))
                {
                    codes[i] = to;
                    evidence[i] = false;
                }
            }
        }

        public IEnumerable<SampleRow> Rows()
        {
            for (var i = 0; i < codes.Length; i++)
            {
                yield return new SampleRow(Pupil.Id, SampleCalendar.SchoolDays[i / 2], i % 2 == 1, codes[i], arrivals[i], evidence[i]);
            }
        }
    }
}
