// An MIS vendor's nightly job: the application registers the policies of the schools it serves
// once at start-up, then each night reads a school's register export, evaluates every pupil as of
// the last date in it and lists the actions falling due that day.
//   dotnet run --project samples/MisIntegration [-- <school>]   (default: stanborough)
using System.Globalization;
using Attendance.Rules.DependencyInjection;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("cannot find the repository root (Attendance.Rules.sln)");
var school = args.Length > 0 ? args[0] : "stanborough";

// Start-up: the schools this installation serves. Invalid policies fail here, not at night.
var services = new ServiceCollection();
services.AddAttendanceRules(options => options
    .AddPolicy(Path.Combine(root, "policies", "stanborough.yaml"))
    .AddPolicy(Path.Combine(root, "policies", "laurence-jackson.yaml")));
using var provider = services.BuildServiceProvider();

// The nightly job.
var policies = provider.GetRequiredService<IAttendancePolicies>();
if (!policies.TryGet(school, out var policy))
{
    Console.Error.WriteLine($"{school}: not a school this installation serves ({string.Join(", ", policies.Ids)})");
    return 2;
}

var yearGroups = ReadYearGroups(Path.Combine(root, "samples", "data", school + "-pupils.csv"));
var (marks, lastDate) = ReadMarks(Path.Combine(root, "samples", "data", school + ".csv"));
var due = new List<(string Pupil, PolicyAction Action)>();
var persistent = 0;

// One buffer for the whole run: each pupil is evaluated into it without allocating, and the full
// result, evidence text and all, is made only for the pupils with something due tonight.
var buffer = new EvaluationBuffer();
foreach (var (pupil, pupilMarks) in marks)
{
    var summary = policy.Evaluate(PupilRegister.Create(pupil, pupilMarks, yearGroups.GetValueOrDefault(pupil)), lastDate, buffer);
    persistent += summary.IsPersistentAbsence ? 1 : 0;
    var dueTonight = false;
    foreach (var action in summary.Actions)
    {
        dueTonight |= action.Date == lastDate;
    }

    if (dueTonight)
    {
        due.AddRange(summary.ToEvaluation().Actions.Where(a => a.Date == lastDate).Select(a => (pupil, a)));
    }
}

Console.WriteLine($"{policy.Policy.Name} ({policy.Version}), nightly run for {lastDate:yyyy-MM-dd}: {marks.Count} pupils, {persistent} persistently absent, {due.Count} actions due today");
foreach (var group in due.GroupBy(d => (d.Action.Kind, d.Action.Title)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Title, StringComparer.Ordinal))
{
    var pupils = group.Select(d => d.Pupil).Distinct().ToList();
    Console.WriteLine($"  {group.Key.Kind,-13} {group.Count(),4} x {group.Key.Title} ({string.Join(", ", pupils.Take(4))}{(pupils.Count > 4 ? ", ..." : string.Empty)})");
}

return 0;

static Dictionary<string, string> ReadYearGroups(string path)
{
    using var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { Separator = ',' });
    return csv.GetRecords<PupilRow>().ToDictionary(p => p.Pupil, p => p.YearGroup, StringComparer.Ordinal);
}

static (Dictionary<string, List<SessionMark>> Marks, LocalDate LastDate) ReadMarks(string path)
{
    var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    var marks = new Dictionary<string, List<SessionMark>>(StringComparer.Ordinal);
    var last = LocalDate.MinIsoValue;
    using var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { Separator = ',' });
    foreach (var row in csv.GetRecords<MarkRow>())
    {
        var date = LocalDatePattern.Iso.Parse(row.Date).GetValueOrThrow();
        var session = new Session(date, row.Session == "PM" ? SessionOfDay.PM : SessionOfDay.AM);
        LocalTime? arrival = string.IsNullOrEmpty(row.Arrival) ? null : time.Parse(row.Arrival).GetValueOrThrow();
        var facts = row.Evidence == "yes" ? MarkFacts.MedicalEvidence : MarkFacts.None;
        var mark = string.IsNullOrEmpty(row.Code) ? SessionMark.Arrived(session, arrival!.Value, facts) : SessionMark.Create(session, row.Code, arrival, facts);
        if (!marks.TryGetValue(row.Pupil, out var list))
        {
            marks[row.Pupil] = list = [];
        }

        list.Add(mark);
        last = LocalDate.Max(last, date);
    }

    return (marks, last);
}

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Attendance.Rules.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}

[CsvRecord]
internal sealed partial class PupilRow
{
    [CsvColumn("pupil")]
    public string Pupil { get; set; } = "";

    [CsvColumn("year_group")]
    public string YearGroup { get; set; } = "";
}

[CsvRecord]
internal sealed partial class MarkRow
{
    [CsvColumn("pupil")]
    public string Pupil { get; set; } = "";

    [CsvColumn("date")]
    public string Date { get; set; } = "";

    [CsvColumn("session")]
    public string Session { get; set; } = "";

    [CsvColumn("code")]
    public string Code { get; set; } = "";

    [CsvColumn("arrival")]
    public string Arrival { get; set; } = "";

    [CsvColumn("evidence")]
    public string Evidence { get; set; } = "";
}
