using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// A marks CSV: a header row, then one row per session mark with the columns
/// <c>pupil,date,session,code</c> in any order and optionally <c>arrival</c> (HH:mm),
/// <c>evidence</c> and <c>reason_accepted</c> (<c>yes</c> or empty). Every row is read and
/// validated; unusable rows are collected with their file line number and reason. With a code map
/// (<c>--code-map</c>) an MIS's own codes become the national codes they stand for before the
/// row is validated, and a code that is neither national nor mapped on its date is unusable.
/// </summary>
internal sealed class MarksFile
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["pupil", "date", "session", "code"];

    /// <summary>The earliest date a mark may have: earlier is taken for a typing or export error.</summary>
    public static readonly LocalDate EarliestDate = RegisterDates.Earliest;

    /// <summary>The latest date a mark may have: later is taken for a typing or export error.</summary>
    public static readonly LocalDate LatestDate = RegisterDates.Latest;

    private static readonly LocalTimePattern ArrivalPattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    private readonly Dictionary<string, List<SessionMark>> marks = new(StringComparer.Ordinal);
    private readonly List<string> pupils = [];
    private readonly List<RejectedRow> rejected = [];
    private readonly Dictionary<CodeMapping, int> mapped = [];

    private MarksFile(string path) => Path = path;

    /// <summary>The file's path as given.</summary>
    public string Path { get; }

    /// <summary>Data rows read (the header is not a data row): accepted plus rejected.</summary>
    public int RowsRead { get; private set; }

    /// <summary>The rows that could not be used, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected => rejected;

    /// <summary>The pupils, in the order of their first accepted row.</summary>
    public IReadOnlyList<string> Pupils => pupils;

    /// <summary>The latest date of an accepted row, or null when none was accepted.</summary>
    public LocalDate? LastDate { get; private set; }

    /// <summary>The code map's mappings used by accepted rows, in the map's order, with how many rows each mapped.</summary>
    public IReadOnlyList<(CodeMapping Mapping, int Rows)> MappingsUsed { get; private set; } = [];

    /// <summary>A pupil's accepted marks, in file order.</summary>
    public IReadOnlyList<SessionMark> MarksOf(string pupil) => marks.TryGetValue(pupil, out var list) ? list : [];

    /// <summary>Whether the file has accepted rows for a pupil.</summary>
    public bool Contains(string pupil) => marks.ContainsKey(pupil);

    /// <summary>Reads and validates every row of a marks CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="yearGroupOf">Each pupil's year group, where known (a codeless arrival is classified by its year group's window).</param>
    /// <param name="policy">The policy whose registration windows classify codeless arrivals.</param>
    /// <param name="progress">Called now and then with how far through the file reading is, 0–1.</param>
    /// <param name="encoding">The file's encoding (<see cref="CsvEncoding.Names"/>).</param>
    /// <param name="rollOf">Each pupil's admission and leaving dates, where known: a mark outside them is an unusable row.</param>
    /// <param name="codeMap">An MIS's codes mapped to the national codes, applied before each row is validated.</param>
    /// <exception cref="InputException">The file cannot be read, is empty or lacks a required column.</exception>
    public static MarksFile Read(string path, IReadOnlyDictionary<string, string> yearGroupOf, CompiledPolicy policy, Action<double>? progress = null, string encoding = CsvEncoding.Default, IReadOnlyDictionary<string, PupilRoll>? rollOf = null, CodeMapFile? codeMap = null)
    {
        using var table = CsvTable.Open(path, "marks", RequiredColumns, encoding);
        var file = new MarksFile(path);
        var columns = new Columns(table);
        var seen = new Dictionary<(string Pupil, Session Session), int>();
        foreach (var row in table.Rows())
        {
            file.RowsRead++;
            if (progress is not null && (file.RowsRead & 1023) == 0)
            {
                progress(table.Fraction);
            }

            var (pupil, mark, mapping, problem) = row.Problem is { } p ? (string.Empty, default, null, p) : Parse(row, columns, yearGroupOf, policy, codeMap);
            if (problem is null && rollOf is not null && rollOf.TryGetValue(pupil, out var roll) && roll.OutsideRoll(mark) is { } outside)
            {
                problem = $"pupil {pupil}: {outside}";
            }

            if (problem is null)
            {
                if (seen.TryGetValue((pupil, mark.Session), out var first))
                {
                    problem = $"pupil {pupil} already has a mark for {mark.Session} (line {first}); a session holds one mark";
                }
                else
                {
                    seen[(pupil, mark.Session)] = row.Line;
                }
            }

            if (problem is not null)
            {
                file.rejected.Add(new RejectedRow(path, row.Line, problem));
                continue;
            }

            if (!file.marks.TryGetValue(pupil, out var list))
            {
                file.marks[pupil] = list = [];
                file.pupils.Add(pupil);
            }

            list.Add(mark);
            if (mapping is not null)
            {
                file.mapped[mapping] = file.mapped.GetValueOrDefault(mapping) + 1;
            }

            if (file.LastDate is not { } last || mark.Session.Date > last)
            {
                file.LastDate = mark.Session.Date;
            }
        }

        progress?.Invoke(1);
        file.MappingsUsed = codeMap is null ? [] : [.. codeMap.Map.Mappings.Where(file.mapped.ContainsKey).Select(m => (m, file.mapped[m]))];
        return file;
    }

    private static (string Pupil, SessionMark Mark, CodeMapping? Mapping, string? Problem) Parse(CsvRow row, Columns c, IReadOnlyDictionary<string, string> yearGroupOf, CompiledPolicy policy, CodeMapFile? codeMap)
    {
        var f = row.Fields;
        var pupil = f[c.Pupil];
        if (pupil.Length == 0)
        {
            return Fail("pupil is empty");
        }

        var dateText = f[c.Date];
        var date = LocalDatePattern.Iso.Parse(dateText);
        if (!date.Success)
        {
            return Fail($"date {CsvTable.Quote(dateText)} is not a date as yyyy-MM-dd");
        }

        if (date.Value < EarliestDate || date.Value > LatestDate)
        {
            return Fail($"date {dateText} is outside 2000-01-01 to 2100-12-31, the dates a register may have");
        }

        SessionOfDay part;
        switch (f[c.Session].ToUpperInvariant())
        {
            case "AM":
                part = SessionOfDay.AM;
                break;
            case "PM":
                part = SessionOfDay.PM;
                break;
            default:
                return Fail($"session {CsvTable.Quote(f[c.Session])} is not AM or PM");
        }

        var session = new Session(date.Value, part);
        LocalTime? arrival = null;
        if (c.Arrival >= 0 && f[c.Arrival].Length > 0)
        {
            var parsed = ArrivalPattern.Parse(f[c.Arrival]);
            if (!parsed.Success)
            {
                return Fail($"arrival {CsvTable.Quote(f[c.Arrival])} is not a time as HH:mm");
            }

            arrival = parsed.Value;
        }

        var facts = MarkFacts.None;
        if (Flag(f, c.Evidence, "evidence", ref facts, MarkFacts.MedicalEvidence) is { } evidenceProblem)
        {
            return Fail(evidenceProblem);
        }

        if (Flag(f, c.ReasonAccepted, "reason_accepted", ref facts, MarkFacts.ReasonAccepted) is { } reasonProblem)
        {
            return Fail(reasonProblem);
        }

        var code = f[c.Code];
        if (code.Length == 0)
        {
            if (arrival is not { } time)
            {
                return Fail($"{session}: the code is empty and there is no arrival time");
            }

            var yearGroup = yearGroupOf.TryGetValue(pupil, out var yg) ? yg : null;
            if (policy.Registration.WindowFor(part, yearGroup) is null)
            {
                return Fail($"{session}: an arrival with no code is classified by the policy's {part} registration window, and policy {policy.Policy.Id} has none{(yearGroup is null ? string.Empty : $" for year {yearGroup}")}; give the code");
            }

            return (pupil, SessionMark.Arrived(session, time, facts), null, null);
        }

        // An MIS's own code becomes the national code it stands for, before the code is validated.
        CodeMapping? mapping = null;
        if (codeMap is not null && !NationalCodeTable.IsKnown(code))
        {
            mapping = codeMap.Map.Find(code, date.Value);
            if (mapping is null)
            {
                return Fail(codeMap.Map.Maps(code)
                    ? $"{session}: code {CsvTable.Quote(code)} (column {c.Code + 1}, code) is mapped by the code map {codeMap.Path} only from a later date; no mapping applies on {date.Value:yyyy-MM-dd}"
                    : $"{session}: code {CsvTable.Quote(code)} (column {c.Code + 1}, code) is neither a national attendance code nor in the code map {codeMap.Path}");
            }

            code = mapping.StatutoryCode;
        }

        try
        {
            return (pupil, SessionMark.Create(session, code, arrival, facts), mapping, null);
        }
        catch (RegisterException e)
        {
            var mappedBy = mapping is null ? string.Empty : $"code {CsvTable.Quote(mapping.VendorCode)} is mapped to '{mapping.StatutoryCode}' by the code map {codeMap!.Path}, and ";
            return Fail(mappedBy + string.Join("; ", e.Diagnostics.Select(d => d.ToString())));
        }

        static (string, SessionMark, CodeMapping?, string?) Fail(string problem) => (string.Empty, default, null, problem);
    }

    private static string? Flag(string[] fields, int index, string column, ref MarkFacts facts, MarkFacts fact)
    {
        if (index < 0 || fields[index].Length == 0)
        {
            return null;
        }

        if (fields[index].Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            facts |= fact;
            return null;
        }

        return $"{column} {CsvTable.Quote(fields[index])} is not 'yes' or empty";
    }

    private sealed class Columns(CsvTable table)
    {
        public int Pupil { get; } = table.IndexOf("pupil");
        public int Date { get; } = table.IndexOf("date");
        public int Session { get; } = table.IndexOf("session");
        public int Code { get; } = table.IndexOf("code");
        public int Arrival { get; } = table.IndexOf("arrival");
        public int Evidence { get; } = table.IndexOf("evidence");
        public int ReasonAccepted { get; } = table.IndexOf("reason_accepted");
    }
}
