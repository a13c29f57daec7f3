// The README's main job until the attendance-rules tool exists: reads a register export (CSV:
// pupil,date,session,code) and prints each pupil's attendance figures for the academic year to
// the last date in the file, with the persistent and severe absence flags.
using System.Globalization;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using CsvHelper;
using NodaTime;
using NodaTime.Text;

var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "registers", "sample-registers.csv");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"{path}: no such register file");
    return 2;
}

var marksByPupil = new Dictionary<string, List<SessionMark>>(StringComparer.Ordinal);
var order = new List<string>();
var lastDate = LocalDate.MinIsoValue;
using (var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }))
{
    csv.ReadHeader();
    if (Array.Find(["pupil", "date", "session", "code"], column => !csv.TryGetFieldIndex(column, out _)) is { } missing)
    {
        Console.Error.WriteLine($"{path}:1: the header has no '{missing}' column (expected pupil,date,session,code)");
        return 2;
    }

    while (csv.Read())
    {
        var row = csv.LineNumber;
        var pupil = csv.GetString("pupil");
        var date = LocalDatePattern.Iso.Parse(csv.GetString("date"));
        var part = csv.GetString("session");
        if (!date.Success || part is not ("AM" or "PM") || pupil.Length == 0)
        {
            Console.Error.WriteLine($"{path}:{row}: expected pupil, a date as yyyy-MM-dd and a session AM or PM");
            return 2;
        }

        try
        {
            var mark = SessionMark.Create(new Session(date.Value, part == "AM" ? SessionOfDay.AM : SessionOfDay.PM), csv.GetString("code"));
            if (!marksByPupil.TryGetValue(pupil, out var marks))
            {
                marksByPupil[pupil] = marks = [];
                order.Add(pupil);
            }

            marks.Add(mark);
            lastDate = LocalDate.Max(lastDate, date.Value);
        }
        catch (RegisterException e)
        {
            Console.Error.WriteLine($"{path}:{row}: {e.Message}");
            return 2;
        }
    }
}

Console.WriteLine($"Attendance figures, academic year {AcademicYear.Containing(lastDate)} to {lastDate:yyyy-MM-dd} ({Path.GetFileName(path)})");
Console.WriteLine($"{"pupil",-8}{"possible",9}{"present",9}{"late",6}{"auth",6}{"unauth",8}{"attend %",10}  flags");
foreach (var pupil in order)
{
    var f = AttendanceFigures.ForAcademicYear(PupilRegister.Create(pupil, marksByPupil[pupil]), lastDate);
    var flags = f.IsSevereAbsence ? "severe, persistent" : f.IsPersistentAbsence ? "persistent" : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{pupil,-8}{f.PossibleSessions,9}{f.AttendedSessions,9}{f.LateSessions,6}{f.AuthorisedAbsenceSessions,6}{f.UnauthorisedAbsenceSessions,8}{f.AttendancePercent,10:0.00}  {flags}"));
}

return 0;
