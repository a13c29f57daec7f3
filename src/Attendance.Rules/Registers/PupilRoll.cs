using System.Globalization;
using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>
/// What the admission register says of a pupil, each where known: the date of birth (compulsory
/// school age follows from it), the day the pupil was entered in the admission register (their
/// starting day) and the last day on it. A register's marks lie from the admission date to the
/// leaving date, both included; before admission only <c>Z</c> ("not yet on the admission
/// register") may be marked.
/// </summary>
public sealed record PupilRoll
{
    private PupilRoll(LocalDate? dateOfBirth, LocalDate? admissionDate, LocalDate? leavingDate)
    {
        DateOfBirth = dateOfBirth;
        AdmissionDate = admissionDate;
        LeavingDate = leavingDate;
    }

    /// <summary>Nothing known: no date of birth, admission or leaving date.</summary>
    public static PupilRoll Unknown { get; } = new(null, null, null);

    /// <summary>The pupil's date of birth, where known.</summary>
    public LocalDate? DateOfBirth { get; }

    /// <summary>The pupil's starting day: the day they were entered in the admission register.</summary>
    public LocalDate? AdmissionDate { get; }

    /// <summary>The pupil's last day on the admission register, where they have left.</summary>
    public LocalDate? LeavingDate { get; }

    /// <summary>The first day of compulsory school age, where the date of birth is known.</summary>
    public LocalDate? CompulsoryFrom => DateOfBirth is { } dob ? CompulsorySchoolAge.StartsOn(dob) : null;

    /// <summary>The last day of compulsory school age, where the date of birth is known.</summary>
    public LocalDate? CompulsoryUntil => DateOfBirth is { } dob ? CompulsorySchoolAge.EndsOn(dob) : null;

    /// <summary>Makes a roll entry, validating the dates' order.</summary>
    /// <param name="dateOfBirth">The date of birth, where known.</param>
    /// <param name="admissionDate">The admission date (starting day), where known.</param>
    /// <param name="leavingDate">The last day on the admission register, where the pupil has left.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">The leaving date is before the admission date, or the date of birth is after either.</exception>
    public static PupilRoll Create(LocalDate? dateOfBirth = null, LocalDate? admissionDate = null, LocalDate? leavingDate = null)
    {
        if (admissionDate is { } admitted && leavingDate is { } left && left < admitted)
        {
            throw new ArgumentException($"the leaving date {Text(left)} is before the admission date {Text(admitted)}", nameof(leavingDate));
        }

        if (dateOfBirth is { } born && ((admissionDate is { } a && a < born) || (leavingDate is { } l && l < born)))
        {
            throw new ArgumentException($"the date of birth {Text(born)} is after the {(admissionDate is { } a2 && a2 < born ? "admission" : "leaving")} date", nameof(dateOfBirth));
        }

        return dateOfBirth is null && admissionDate is null && leavingDate is null ? Unknown : new PupilRoll(dateOfBirth, admissionDate, leavingDate);
    }

    /// <summary>Why a mark cannot be on this pupil's register, or null where it can: before admission (other than <c>Z</c>) or after leaving.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The reason, naming the date it is outside of.</returns>
    public string? OutsideRoll(SessionMark mark)
    {
        var date = mark.Session.Date;
        if (AdmissionDate is { } admitted && date < admitted && mark.Code?.Code != "Z")
        {
            return $"the mark '{mark}' is before the admission date {Text(admitted)}; before admission only Z (not yet on the admission register) may be marked";
        }

        if (LeavingDate is { } left && date > left)
        {
            return $"the mark '{mark}' is after the leaving date {Text(left)}; a pupil who has left the admission register has no marks";
        }

        return null;
    }

    /// <summary>Whether the pupil is on the admission register on a date (as far as the roll says).</summary>
    /// <param name="date">The day.</param>
    /// <returns>False before the admission date or after the leaving date.</returns>
    public bool IsOnRoll(LocalDate date) => !(AdmissionDate is { } a && date < a) && !(LeavingDate is { } l && date > l);

    private static string Text(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
