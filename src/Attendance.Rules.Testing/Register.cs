using Attendance.Rules.Registers;

namespace Attendance.Rules.Testing;

/// <summary>
/// Where a fluent register starts: <c>Register.For("p1").InYear("7").From(new LocalDate(2025, 9, 1)).Present(days: 5).Build()</c>.
/// For a register written in the compact notation, see <see cref="RegisterNotation"/>.
/// </summary>
public static class Register
{
    /// <summary>Starts a register for a pupil.</summary>
    /// <param name="pupil">The pupil's id; not empty.</param>
    /// <returns>A builder with no marks and no start date yet (set one with <see cref="RegisterBuilder.From"/>).</returns>
    /// <exception cref="ArgumentException">The pupil id is empty.</exception>
    public static RegisterBuilder For(string pupil) => new(pupil);

    /// <summary>Reads a register from the compact notation (see <see cref="RegisterNotation"/>).</summary>
    /// <param name="notation">The register, for example <c>2025-09-08 /\ /\ O\ ~5 II</c>.</param>
    /// <param name="pupil">The pupil's id.</param>
    /// <param name="yearGroup">The pupil's year group, where known.</param>
    /// <returns>The register.</returns>
    public static PupilRegister FromNotation(string notation, string pupil = "p1", string? yearGroup = null) =>
        RegisterNotation.Parse(notation, pupil, yearGroup);
}
