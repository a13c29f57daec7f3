using System.Collections.Immutable;

namespace Attendance.Rules.Registers;

/// <summary>
/// One pupil's register: at most one mark per session, held in session order whatever order the
/// marks arrived in. Immutable; built with <see cref="Create"/>, which validates.
/// </summary>
public sealed class PupilRegister
{
    private PupilRegister(string pupilId, string? yearGroup, ImmutableArray<SessionMark> marks)
    {
        PupilId = pupilId;
        YearGroup = yearGroup;
        Marks = marks;
    }

    /// <summary>The pupil's identifier in the school's records.</summary>
    public string PupilId { get; }

    /// <summary>The pupil's National Curriculum year group (<c>R</c>, <c>1</c>…<c>13</c>), where known.</summary>
    public string? YearGroup { get; }

    /// <summary>The marks in session order.</summary>
    public ImmutableArray<SessionMark> Marks { get; }

    /// <summary>Builds a register from marks in any order.</summary>
    /// <param name="pupilId">The pupil's identifier; not empty.</param>
    /// <param name="marks">The marks; at most one per session.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>The register, marks in session order.</returns>
    /// <exception cref="ArgumentException">The pupil id is empty.</exception>
    /// <exception cref="RegisterException">Two marks share a session; the message names both.</exception>
    public static PupilRegister Create(string pupilId, IEnumerable<SessionMark> marks, string? yearGroup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pupilId);
        ArgumentNullException.ThrowIfNull(marks);
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

        if (problems is not null)
        {
            throw new RegisterException(problems);
        }

        return new PupilRegister(pupilId, yearGroup, ImmutableArray.Create(sorted));
    }

    /// <summary>A register from marks already known to be in session order, one per session (an incremental state's).</summary>
    internal static PupilRegister FromSorted(string pupilId, ImmutableArray<SessionMark> marks, string? yearGroup) => new(pupilId, yearGroup, marks);

    /// <summary>This register with more marks added (an overnight feed), validated as by <see cref="Create"/>.</summary>
    /// <param name="marks">The new marks.</param>
    /// <returns>A new register.</returns>
    /// <exception cref="RegisterException">A new mark's session is already marked.</exception>
    public PupilRegister WithMarks(IEnumerable<SessionMark> marks) => Create(PupilId, Marks.Concat(marks), YearGroup);

    /// <inheritdoc />
    public override string ToString() => $"{PupilId} ({Marks.Length} marks)";
}
