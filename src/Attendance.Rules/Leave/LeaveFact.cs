namespace Attendance.Rules.Leave;

/// <summary>
/// A fact a parent states in a leave request, which a policy's conditions may test. The set is
/// closed; the policy format and the request JSON name each in snake_case.
/// </summary>
public enum LeaveFact
{
    /// <summary>The request was made in writing (<c>in_writing</c>).</summary>
    InWriting,

    /// <summary>The request was made on the school's own form (<c>on_school_form</c>).</summary>
    OnSchoolForm,

    /// <summary>The local authority has granted a licence for the performance or activity (<c>licence</c>); its dates, if any, are <see cref="LeaveRequest.LicenceDates"/>.</summary>
    Licence,

    /// <summary>The leave is taken in term time because of its cost (<c>cost</c>).</summary>
    Cost,

    /// <summary>The leave is to visit a relative (<c>visiting_relative</c>).</summary>
    VisitingRelative,

    /// <summary>The relative visited is critically ill (<c>relative_critically_ill</c>).</summary>
    RelativeCriticallyIll,

    /// <summary>The death of an immediate family member (<c>bereavement</c>).</summary>
    Bereavement,

    /// <summary>A sporting event is organised by a club or group, its timing out of the parents' control (<c>organised_by_club</c>).</summary>
    OrganisedByClub,

    /// <summary>The day is exclusively set apart for religious observance by the religious body to which the parents belong (<c>day_set_apart</c>).</summary>
    DaySetApart,

    /// <summary>The parents are travelling for occupational purposes (<c>occupational_travel</c>).</summary>
    OccupationalTravel,

    /// <summary>The leave is to take part in protest activity (<c>protest</c>).</summary>
    Protest,
}
