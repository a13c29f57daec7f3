using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// The optional pupils CSV: <c>pupil,year_group</c>, giving each pupil's National Curriculum year
/// group, and optionally <c>date_of_birth</c>, <c>admission_date</c> and <c>leaving_date</c>
/// (yyyy-MM-dd, each may be empty) from the admission register, and the columns <c>letters</c>
/// merges (<see cref="DetailColumns"/>).
/// </summary>
internal sealed class PupilsFile
{
    /// <summary>Optional columns: the pupil's name and a contact's, for letters; absent columns are empty.</summary>
    public static readonly IReadOnlyList<string> DetailColumns = ["name", "contact_name", "contact_address", "contact_email"];

    /// <summary>The year groups a pupils file may give: National Curriculum year strings.</summary>
    public static readonly IReadOnlyList<string> YearGroups = ["N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];

    /// <summary>The earliest date of birth accepted: earlier is taken for a typing or export error.</summary>
    public static readonly LocalDate EarliestBirth = new(1950, 1, 1);

    private PupilsFile(Dictionary<string, string> yearGroups, Dictionary<string, PupilDetails> details, Dictionary<string, PupilRoll> rolls, List<RejectedRow> rejected)
    {
        YearGroupOf = yearGroups;
        DetailsOf = details;
        RollOf = rolls;
        Rejected = rejected;
    }

    /// <summary>Each pupil's name and contact, where the file has those columns.</summary>
    public IReadOnlyDictionary<string, PupilDetails> DetailsOf { get; }

    /// <summary>Each pupil's year group.</summary>
    public IReadOnlyDictionary<string, string> YearGroupOf { get; }

    /// <summary>Each pupil's date of birth, admission and leaving dates, for the pupils whose row gives any.</summary>
    public IReadOnlyDictionary<string, PupilRoll> RollOf { get; }

    /// <summary>A pupil's roll entry (<see cref="PupilRoll.Unknown"/> where the file gives none).</summary>
    public PupilRoll Roll(string pupil) => RollOf.TryGetValue(pupil, out var roll) ? roll : PupilRoll.Unknown;

    /// <summary>The rows that could not be used, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; }

    /// <summary>An empty pupils file (no year groups known).</summary>
    public static PupilsFile None { get; } = new([], [], [], []);

    /// <summary>Reads a pupils CSV.</summary>
    /// <exception cref="InputException">The file cannot be read, is empty or lacks a column.</exception>
    public static PupilsFile Read(string path, string encoding = CsvEncoding.Default)
    {
        using var table = CsvTable.Open(path, "pupils", ["pupil", "year_group"], encoding);
        int pupilAt = table.IndexOf("pupil"), yearAt = table.IndexOf("year_group");
        var detailAt = DetailColumns.Select(table.IndexOf).ToArray();
        int bornAt = table.IndexOf("date_of_birth"), admittedAt = table.IndexOf("admission_date"), leftAt = table.IndexOf("leaving_date");
        var yearGroups = new Dictionary<string, string>(StringComparer.Ordinal);
        var details = new Dictionary<string, PupilDetails>(StringComparer.Ordinal);
        var rolls = new Dictionary<string, PupilRoll>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<RejectedRow>();
        foreach (var row in table.Rows())
        {
            var problem = row.Problem;
            string pupil = string.Empty, year = string.Empty;
            var roll = PupilRoll.Unknown;
            if (problem is null)
            {
                pupil = row.Fields[pupilAt];
                year = Normalise(row.Fields[yearAt]);
                if (pupil.Length == 0)
                {
                    problem = "pupil is empty";
                }
                else if (!YearGroups.Contains(year))
                {
                    problem = $"year_group {CsvTable.Quote(row.Fields[yearAt])} is not a National Curriculum year group (N1, N2, R, 1 to 13)";
                }
                else if (firstLine.TryGetValue(pupil, out var first))
                {
                    problem = $"pupil {pupil} is listed again (first on line {first})";
                }
                else
                {
                    (roll, problem) = ReadRoll(row.Fields, bornAt, admittedAt, leftAt);
                }
            }

            if (problem is not null)
            {
                rejected.Add(new RejectedRow(path, row.Line, problem));
                continue;
            }

            yearGroups[pupil] = year;
            firstLine[pupil] = row.Line;
            if (detailAt.Any(i => i >= 0))
            {
                string Field(int i) => detailAt[i] >= 0 ? row.Fields[detailAt[i]].Trim() : string.Empty;
                details[pupil] = new PupilDetails(Field(0), Field(1), Field(2), Field(3));
            }

            if (roll != PupilRoll.Unknown)
            {
                rolls[pupil] = roll;
            }
        }

        return new PupilsFile(yearGroups, details, rolls, rejected);
    }

    /// <summary>The row's date of birth, admission and leaving dates (each column optional, each field may be empty), or the first problem, naming its column.</summary>
    private static (PupilRoll Roll, string? Problem) ReadRoll(string[] fields, int bornAt, int admittedAt, int leftAt)
    {
        if (Date(fields, bornAt, "date_of_birth", EarliestBirth, out var born) is { } p1)
        {
            return (PupilRoll.Unknown, p1);
        }

        if (Date(fields, admittedAt, "admission_date", RegisterDates.Earliest, out var admitted) is { } p2)
        {
            return (PupilRoll.Unknown, p2);
        }

        if (Date(fields, leftAt, "leaving_date", RegisterDates.Earliest, out var left) is { } p3)
        {
            return (PupilRoll.Unknown, p3);
        }

        if (admitted is { } a && left is { } l && l < a)
        {
            return (PupilRoll.Unknown, $"leaving_date {l:uuuu-MM-dd} is before admission_date {a:uuuu-MM-dd}; expected the last day on roll, on or after admission");
        }

        if (born is { } b && ((admitted is { } a2 && a2 <= b) || (left is { } l2 && l2 <= b)))
        {
            return (PupilRoll.Unknown, $"date_of_birth {b:uuuu-MM-dd} is not before the {(admitted is { } a3 && a3 <= b ? "admission_date" : "leaving_date")}; expected a date of birth before the pupil's days on roll");
        }

        return (PupilRoll.Create(born, admitted, left), null);
    }

    private static string? Date(string[] fields, int index, string column, LocalDate earliest, out LocalDate? date)
    {
        date = null;
        if (index < 0 || fields[index].Trim().Length == 0)
        {
            return null;
        }

        var text = fields[index].Trim();
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            return $"{column} {CsvTable.Quote(fields[index])} is not a date as yyyy-MM-dd";
        }

        if (parsed.Value < earliest || parsed.Value > RegisterDates.Latest)
        {
            return $"{column} {text} is outside {earliest:uuuu-MM-dd} to {RegisterDates.Latest:uuuu-MM-dd}, the dates the tool accepts for it";
        }

        date = parsed.Value;
        return null;
    }

    /// <summary>Accepts <c>Year 7</c>, <c>Y7</c>, <c>07</c> and <c>r</c> as well as <c>7</c> and <c>R</c>.</summary>
    private static string Normalise(string value)
    {
        var v = value.Trim().ToUpperInvariant();
        if (v.StartsWith("YEAR", StringComparison.Ordinal))
        {
            v = v[4..].Trim();
        }
        else if (v.Length > 1 && v[0] == 'Y' && char.IsDigit(v[1]))
        {
            v = v[1..];
        }

        return v.Length > 1 && v[0] == '0' ? v.TrimStart('0') : v;
    }
}
