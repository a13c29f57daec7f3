using Attendance.Rules.Codes;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>Running counts of sessions by category: the one place figures are counted.</summary>
internal struct FigureCounter
{
    public int Present;
    public int Approved;
    public int Authorised;
    public int Unauthorised;
    public int Late;

    public readonly int Possible => Present + Approved + Authorised + Unauthorised;

    public readonly int Attended => Present + Approved;

    public readonly int Absent => Authorised + Unauthorised;

    public void Add(AttendanceCode code)
    {
        if (!code.IsPossibleSession)
        {
            return;
        }

        switch (code.Category)
        {
            case CodeCategory.Present:
                Present++;
                if (code.IsLate)
                {
                    Late++;
                }

                break;
            case CodeCategory.ApprovedEducationalActivity:
                Approved++;
                break;
            case CodeCategory.AuthorisedAbsence:
                Authorised++;
                break;
            case CodeCategory.UnauthorisedAbsence:
                Unauthorised++;
                break;
            default:
                // The code table's test guarantees every possible-session code is in one of the four categories.
                throw new InvalidOperationException($"code {code.Code} is a possible session but not of a counted category");
        }
    }

    public readonly AttendanceFigures ToFigures(DateInterval period, AbsenceThresholds thresholds)
    {
        var possible = Possible;
        var absent = Absent;
        return new AttendanceFigures
        {
            Period = period,
            PossibleSessions = possible,
            PresentSessions = Present,
            ApprovedEducationalActivitySessions = Approved,
            AuthorisedAbsenceSessions = Authorised,
            UnauthorisedAbsenceSessions = Unauthorised,
            LateSessions = Late,
            IsPersistentAbsence = possible > 0 && Percent.IsAtLeast(absent, possible, thresholds.PersistentPercent),
            IsSevereAbsence = possible > 0 && Percent.IsAtLeast(absent, possible, thresholds.SeverePercent),
        };
    }
}
