using System.Collections.Immutable;
using NodaTime;

namespace Attendance.Rules.Registers;

/// <summary>
/// One pupil's register: at most one mark per session, held in session order whatever order the
/// marks arrived in, with what the admission register says of the pupil where known (date of birth,
/// admission and leaving dates). Immutable; built with <see cref="Create"/>, which validates: every
/// mark lies between the admission and leaving dates (a <c>Z</c>, "not yet on the admission
/// register", may come before admission).
/// </summary>
public sealed class PupilRegister
{
    private PupilRegister(string pupilId, string? yearGroup, ImmutableArray<SessionMark> marks, PupilRoll roll)
    {
        PupilId = pupilId;
        YearGroup = yearGroup;
        Marks = marks;
        Roll = roll;
    }

    /// <summary>The pupil's identifier in the school's records.</summary>
    public string PupilId { get; }

    /// <summary>The pupil's National Curriculum year group (<c>R</c>, <c>1</c>…<c>13</c>), where known.</summary>
    public string? YearGroup { get; }

    /// <summary>The marks in session order.</summary>
    public ImmutableArray<SessionMark> Marks { get; }

    /// <summary>What the admission register says of the pupil: date of birth, admission and leaving dates, each where known.</summary>
    public PupilRoll Roll { get; }

    /// <summary>The pupil's date of birth, where known: compulsory school age is worked out from it (<see cref="CompulsorySchoolAge"/>).</summary>
    public LocalDate? DateOfBirth => Roll.DateOfBirth;

    /// <summary>The day the pupil was entered in the admission register (their starting day), where known.</summary>
    public LocalDate? AdmissionDate => Roll.AdmissionDate;

    /// <summary>The pupil's last day on the admission register, where they have left.</summary>
    public LocalDate? LeavingDate => Roll.LeavingDate;

    /// <summary>Builds a register from marks in any order.</summary>
    /// <param name="pupilId">The pupil's identifier; not empty.</param>
    /// <param name="marks">The marks; at most one per session.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <param name="roll">The pupil's date of birth, admission and leaving dates, where known.</param>
    /// <returns>The register, marks in session order.</returns>
    /// <exception cref="ArgumentException">The pupil id is empty.</exception>
    /// <exception cref="RegisterException">
    /// Two marks share a session (the message names both), or a mark lies before the admission date
    /// (other than a <c>Z</c>) or after the leaving date (the message names the mark and the date).
    /// </exception>
    public static PupilRegister Create(string pupilId, IEnumerable<SessionMark> marks, string? yearGroup = null, PupilRoll? roll = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pupilId);
        ArgumentNullException.ThrowIfNull(marks);
        roll ??= PupilRoll.Unknown;
        var array = marks.ToArray();

        // A stable sort keeps duplicates in their input order so the error names them as given.
        var sorted = array.Select((m, i) => (Mark: m, Index: i))
            .OrderBy(x => x.Mark.Session.Ordinal).ThenBy(x => x.Index)
            .Select(x => x.Mark).ToArray();
        List<RegisterDiagnostic>? problems = null;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Session == sorted[i - 1].Session)
            {
                (problems ??= []).Add(new RegisterDiagnostic(null, sorted[i].Session,
                    $"pupil {pupilId} has a second mark for the same session: '{sorted[i - 1]}' and '{sorted[i]}'; a session holds one mark"));
            }
        }

        foreach (var mark in sorted)
        {
            if (roll.OutsideRoll(mark) is { } outside)
            {
                (problems ??= []).Add(new RegisterDiagnostic(null, mark.Session, $"pupil {pupilId}: {outside}"));
            }
        }

        if (problems is not null)
        {
            throw new RegisterException(problems);
        }

        return new PupilRegister(pupilId, yearGroup, ImmutableArray.Create(sorted), roll);
    }

    /// <summary>A register from marks already known to be in session order, one per session, and within the roll (an incremental state's).</summary>
    internal static PupilRegister FromSorted(string pupilId, ImmutableArray<SessionMark> marks, string? yearGroup, PupilRoll roll) => new(pupilId, yearGroup, marks, roll);

    /// <summary>This register with more marks added (an overnight feed), validated as by <see cref="Create"/>.</summary>
    /// <param name="marks">The new marks.</param>
    /// <returns>A new register.</returns>
    /// <exception cref="RegisterException">A new mark's session is already marked.</exception>
    public PupilRegister WithMarks(IEnumerable<SessionMark> marks) => Create(PupilId, Marks.Concat(marks), YearGroup, Roll);

    /// <inheritdoc />
    public override string ToString() => $"{PupilId} ({Marks.Length} marks)";
}
