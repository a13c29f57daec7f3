using NodaTime;

namespace Attendance.Rules.Codes;

/// <summary>
/// One national attendance code of one code set, with how it counts. Instances come from
/// <see cref="NationalCodeTable"/>; the same letter in the 2006 and 2024 sets is two instances
/// (2006 <c>J</c> is an approved educational activity, 2024 <c>J1</c> an authorised absence).
/// </summary>
public sealed class AttendanceCode
{
    internal AttendanceCode(
        int index,
        CodeSet set,
        string code,
        CodeCategory category,
        bool isPossibleSession,
        bool isAbsence,
        bool isSchoolOpen,
        string meaning,
        string? countedAs)
    {
        Index = index;
        Set = set;
        Code = code;
        Category = category;
        IsPossibleSession = isPossibleSession;
        IsAbsence = isAbsence;
        IsSchoolOpen = isSchoolOpen;
        Meaning = meaning;
        CountedAs = countedAs;
        IsLate = code == "L";
    }

    /// <summary>A small dense number, unique across both sets, for lookups by table.</summary>
    public int Index { get; }

    /// <summary>The code set this code belongs to.</summary>
    public CodeSet Set { get; }

    /// <summary>The code as written in a register, for example <c>/</c>, <c>L</c> or <c>C1</c>.</summary>
    public string Code { get; }

    /// <summary>What the code means for the figures.</summary>
    public CodeCategory Category { get; }

    /// <summary>Whether a session with this code is a possible session.</summary>
    public bool IsPossibleSession { get; }

    /// <summary>Whether a session with this code is an absence (authorised or unauthorised).</summary>
    public bool IsAbsence { get; }

    /// <summary>Whether the school was open to the pupil (false for <c>#</c>, <c>Z</c> and <c>Y4</c>).</summary>
    public bool IsSchoolOpen { get; }

    /// <summary>Whether the code is an authorised absence.</summary>
    public bool IsAuthorisedAbsence => Category == CodeCategory.AuthorisedAbsence;

    /// <summary>Whether the code is an unauthorised absence.</summary>
    public bool IsUnauthorisedAbsence => Category == CodeCategory.UnauthorisedAbsence;

    /// <summary>Whether the pupil attended: present or at an approved educational activity.</summary>
    public bool IsAttendance => Category is CodeCategory.Present or CodeCategory.ApprovedEducationalActivity;

    /// <summary>Whether the code is the late mark <c>L</c> (present, arrived before the register closed).</summary>
    public bool IsLate { get; }

    /// <summary>The code's meaning in its regulations.</summary>
    public string Meaning { get; }

    /// <summary>For a 2006 code, how it counts today; null for 2024 codes.</summary>
    public string? CountedAs { get; }

    /// <summary>The first date on which the code is valid, or null for no lower bound.</summary>
    public LocalDate? ValidFrom => Set == CodeSet.Regulations2024 ? NationalCodeTable.ChangeDate : null;

    /// <summary>The last date on which the code is valid, or null for no upper bound.</summary>
    public LocalDate? ValidTo => Set == CodeSet.Regulations2006 ? NationalCodeTable.ChangeDate.PlusDays(-1) : null;

    /// <summary>Whether the code may be recorded for a session on <paramref name="date"/>.</summary>
    /// <param name="date">The session's date.</param>
    /// <returns>True where the code's set is in force on that date.</returns>
    public bool IsValidOn(LocalDate date) => NationalCodeTable.SetInForce(date) == Set;

    /// <summary>Returns the code as written, for example <c>C1</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
