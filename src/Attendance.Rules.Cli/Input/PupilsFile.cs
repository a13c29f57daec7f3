namespace Attendance.Rules.Cli.Input;

/// <summary>
/// The optional pupils CSV: <c>pupil,year_group</c>, giving each pupil's National Curriculum year
/// group, and optionally the columns <c>letters</c> merges (<see cref="DetailColumns"/>).
/// </summary>
internal sealed class PupilsFile
{
    /// <summary>Optional columns: the pupil's name and a contact's, for letters; absent columns are empty.</summary>
    public static readonly IReadOnlyList<string> DetailColumns = ["name", "contact_name", "contact_address", "contact_email"];

    /// <summary>The year groups a pupils file may give: National Curriculum year strings.</summary>
    public static readonly IReadOnlyList<string> YearGroups = ["N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];

    private PupilsFile(Dictionary<string, string> yearGroups, Dictionary<string, PupilDetails> details, List<RejectedRow> rejected)
    {
        YearGroupOf = yearGroups;
        DetailsOf = details;
        Rejected = rejected;
    }

    /// <summary>Each pupil's name and contact, where the file has those columns.</summary>
    public IReadOnlyDictionary<string, PupilDetails> DetailsOf { get; }

    /// <summary>Each pupil's year group.</summary>
    public IReadOnlyDictionary<string, string> YearGroupOf { get; }

    /// <summary>The rows that could not be used, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; }

    /// <summary>An empty pupils file (no year groups known).</summary>
    public static PupilsFile None { get; } = new([], [], []);

    /// <summary>Reads a pupils CSV.</summary>
    /// <exception cref="InputException">The file cannot be read, is empty or lacks a column.</exception>
    public static PupilsFile Read(string path, string encoding = CsvEncoding.Default)
    {
        using var table = CsvTable.Open(path, "pupils", ["pupil", "year_group"], encoding);
        int pupilAt = table.IndexOf("pupil"), yearAt = table.IndexOf("year_group");
        var detailAt = DetailColumns.Select(table.IndexOf).ToArray();
        var yearGroups = new Dictionary<string, string>(StringComparer.Ordinal);
        var details = new Dictionary<string, PupilDetails>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<RejectedRow>();
        foreach (var row in table.Rows())
        {
            var problem = row.Problem;
            string pupil = string.Empty, year = string.Empty;
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
        }

        return new PupilsFile(yearGroups, details, rejected);
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
