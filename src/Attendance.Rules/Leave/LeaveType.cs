namespace Attendance.Rules.Leave;

/// <summary>What a leave-of-absence request is for. The set is closed; the policy format and the request JSON name each in snake_case.</summary>
public enum LeaveType
{
    /// <summary>A family holiday (<c>holiday</c>).</summary>
    Holiday,

    /// <summary>Exceptional circumstances other than a holiday, such as a funeral (<c>exceptional</c>).</summary>
    Exceptional,

    /// <summary>A day set apart for religious observance (<c>religious_observance</c>).</summary>
    ReligiousObservance,

    /// <summary>A performance or activity, including paid work, usually under a local authority licence (<c>performance</c>).</summary>
    Performance,

    /// <summary>A sporting event (<c>sport</c>).</summary>
    Sport,

    /// <summary>Gypsy, Roma and Traveller absence: travelling for occupational purposes (<c>traveller</c>).</summary>
    Traveller,

    /// <summary>A medical or dental appointment (<c>medical</c>).</summary>
    Medical,

    /// <summary>An interview with a prospective employer or educational establishment (<c>interview</c>).</summary>
    Interview,

    /// <summary>Study leave for a public examination (<c>study</c>).</summary>
    Study,

    /// <summary>A temporary, time-limited part-time timetable (<c>part_time_timetable</c>).</summary>
    PartTimeTimetable,
}
