using NodaTime;

namespace SampleRegisters;

/// <summary>A seed school the samples are made for: its policy id, its pupils' id prefix, its phase and its second INSET day.</summary>
public sealed record SampleSchool(string Id, string Prefix, bool Secondary, LocalDate SecondInsetDay)
{
    /// <summary>The five seed schools, in the order they are written.</summary>
    public static IReadOnlyList<SampleSchool> All { get; } =
    [
        new("stanborough", "S", true, new(2026, 1, 5)),
        new("hall-green-primary", "H", false, new(2026, 2, 23)),
        new("laurence-jackson", "L", true, new(2025, 11, 3)),
        new("willoughby-primary", "W", false, new(2026, 4, 13)),
        new("aycliffe-drive-primary", "A", false, new(2026, 6, 1)),
    ];

    /// <summary>The year groups on roll: 7-11 at a secondary, R-6 at a primary.</summary>
    public IReadOnlyList<string> YearGroups => Secondary ? ["7", "8", "9", "10", "11"] : ["R", "1", "2", "3", "4", "5", "6"];

    /// <summary>The year groups that were at the school in July 2024 (two school years earlier).</summary>
    public IReadOnlyList<string> YearGroupsOnRollIn2024 => Secondary ? ["9", "10", "11"] : ["2", "3", "4", "5", "6"];

    /// <summary>INSET days: 1 September 2025 and one more; marked <c>#</c> for every pupil.</summary>
    public IReadOnlyList<LocalDate> InsetDays => [SampleCalendar.FirstDay, SecondInsetDay];
}

/// <summary>A pupil on a sample school's roll.</summary>
/// <param name="Id">The pupil's id.</param>
/// <param name="YearGroup">The year group in 2025/26.</param>
/// <param name="DateOfBirth">The date of birth, in the school year that matches the year group.</param>
/// <param name="AdmissionDate">The starting day: the first day of the year the pupil entered the school, or a mid-year day for a joiner.</param>
/// <param name="LeavingDate">The last day on roll, for a leaver.</param>
public sealed record SamplePupil(string Id, string YearGroup, LocalDate? DateOfBirth = null, LocalDate? AdmissionDate = null, LocalDate? LeavingDate = null);

/// <summary>One row of a marks file: a code (empty for an arrival the policy classifies), an arrival time, and whether medical evidence was given.</summary>
public sealed record SampleRow(string Pupil, LocalDate Date, bool Afternoon, string Code, LocalTime? Arrival, bool Evidence);

/// <summary>What the generator made for one school.</summary>
public sealed record GeneratedSchool(SampleSchool School, IReadOnlyList<SamplePupil> Pupils, IReadOnlyList<SampleRow> Rows);
