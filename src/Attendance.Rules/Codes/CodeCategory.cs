namespace Attendance.Rules.Codes;

/// <summary>What a national attendance code means for the attendance figures.</summary>
public enum CodeCategory
{
    /// <summary>Present at registration (<c>/</c>, <c>\</c>, <c>L</c>).</summary>
    Present,

    /// <summary>Attending an approved educational activity off site (<c>K</c>, <c>V</c>, <c>P</c>, <c>W</c>, <c>B</c>).</summary>
    ApprovedEducationalActivity,

    /// <summary>Authorised absence (leave of absence, illness, religious observance…).</summary>
    AuthorisedAbsence,

    /// <summary>Unauthorised absence (<c>G</c>, <c>N</c>, <c>O</c>, <c>U</c>).</summary>
    UnauthorisedAbsence,

    /// <summary>Unable to attend through exceptional circumstances (<c>Q</c>, <c>Y1</c>–<c>Y7</c>; 2006 <c>Y</c>).</summary>
    UnableToAttend,

    /// <summary>Not of compulsory school age and not required to attend (<c>X</c>).</summary>
    NotRequired,

    /// <summary>Dual registered and attending the other setting (<c>D</c>).</summary>
    DualRegistered,

    /// <summary>Administrative: not yet on roll, or a planned closure (<c>Z</c>, <c>#</c>).</summary>
    Administrative,
}
