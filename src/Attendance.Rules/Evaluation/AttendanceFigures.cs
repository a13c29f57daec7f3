using Attendance.Rules.Codes;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// A pupil's attendance figures over a period, as the DfE counts them: possible sessions and their
/// categories, attendance and absence rates, and the persistent and severe absence flags.
/// </summary>
public sealed record AttendanceFigures
{
    /// <summary>The dates the figures cover (inclusive).</summary>
    public required DateInterval Period { get; init; }

    /// <summary>Possible sessions: present + approved educational activity + authorised + unauthorised absence.</summary>
    public required int PossibleSessions { get; init; }

    /// <summary>Sessions present (<c>/</c>, <c>\</c>, <c>L</c>).</summary>
    public required int PresentSessions { get; init; }

    /// <summary>Sessions at an approved educational activity (<c>K</c>, <c>V</c>, <c>P</c>, <c>W</c>, <c>B</c>; 2006 <c>J</c>).</summary>
    public required int ApprovedEducationalActivitySessions { get; init; }

    /// <summary>Authorised absence sessions.</summary>
    public required int AuthorisedAbsenceSessions { get; init; }

    /// <summary>Unauthorised absence sessions.</summary>
    public required int UnauthorisedAbsenceSessions { get; init; }

    /// <summary>Late sessions (<c>L</c>), a part of <see cref="PresentSessions"/>.</summary>
    public required int LateSessions { get; init; }

    /// <summary>Whether absence % is at or above the persistent absence threshold (false with no possible sessions).</summary>
    public required bool IsPersistentAbsence { get; init; }

    /// <summary>Whether absence % is at or above the severe absence threshold (false with no possible sessions).</summary>
    public required bool IsSevereAbsence { get; init; }

    /// <summary>Sessions attended: present plus approved educational activity.</summary>
    public int AttendedSessions => PresentSessions + ApprovedEducationalActivitySessions;

    /// <summary>Absence sessions: authorised plus unauthorised.</summary>
    public int AbsenceSessions => AuthorisedAbsenceSessions + UnauthorisedAbsenceSessions;

    /// <summary>Attendance %, rounded to 2 places; null with no possible sessions.</summary>
    public decimal? AttendancePercent => Percent.Of(AttendedSessions, PossibleSessions);

    /// <summary>Absence %, rounded to 2 places; null with no possible sessions.</summary>
    public decimal? AbsencePercent => Percent.Of(AbsenceSessions, PossibleSessions);

    /// <summary>Figures over the academic year that contains <paramref name="asOf"/>, up to and including it.</summary>
    /// <param name="register">The pupil's register; every mark must have a code.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="thresholds">Persistent and severe thresholds; the national ones by default.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentException">A mark in the period has no code (classify arrivals with a policy first).</exception>
    public static AttendanceFigures ForAcademicYear(PupilRegister register, LocalDate asOf, AbsenceThresholds? thresholds = null) =>
        For(register, AcademicYear.ToDate(asOf), thresholds);

    /// <summary>Figures over a period.</summary>
    /// <param name="register">The pupil's register; every mark in the period must have a code.</param>
    /// <param name="period">The dates to count (inclusive).</param>
    /// <param name="thresholds">Persistent and severe thresholds; the national ones by default.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentException">A mark in the period has no code (classify arrivals with a policy first).</exception>
    public static AttendanceFigures For(PupilRegister register, DateInterval period, AbsenceThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(period);
        var counter = default(FigureCounter);
        foreach (var mark in register.Marks)
        {
            if (!period.Contains(mark.Session.Date))
            {
                continue;
            }

            var code = mark.Code ?? throw new ArgumentException(
                $"{mark.Session}: the mark has an arrival time and no code; classify it with a policy's registration window first",
                nameof(register));
            counter.Add(code);
        }

        return counter.ToFigures(period, thresholds ?? AbsenceThresholds.National);
    }
}
