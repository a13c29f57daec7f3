using System.Collections.Frozen;

namespace Attendance.Rules.Leave;

/// <summary>The snake_case names of the leave vocabulary, shared by the policy format and the request JSON.</summary>
public static class LeaveNames
{
    /// <summary>Leave types by name.</summary>
    public static FrozenDictionary<string, LeaveType> Types { get; } = new Dictionary<string, LeaveType>(StringComparer.Ordinal)
    {
        ["holiday"] = LeaveType.Holiday,
        ["exceptional"] = LeaveType.Exceptional,
        ["religious_observance"] = LeaveType.ReligiousObservance,
        ["performance"] = LeaveType.Performance,
        ["sport"] = LeaveType.Sport,
        ["traveller"] = LeaveType.Traveller,
        ["medical"] = LeaveType.Medical,
        ["interview"] = LeaveType.Interview,
        ["study"] = LeaveType.Study,
        ["part_time_timetable"] = LeaveType.PartTimeTimetable,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Facts by name.</summary>
    public static FrozenDictionary<string, LeaveFact> Facts { get; } = new Dictionary<string, LeaveFact>(StringComparer.Ordinal)
    {
        ["in_writing"] = LeaveFact.InWriting,
        ["on_school_form"] = LeaveFact.OnSchoolForm,
        ["licence"] = LeaveFact.Licence,
        ["cost"] = LeaveFact.Cost,
        ["visiting_relative"] = LeaveFact.VisitingRelative,
        ["relative_critically_ill"] = LeaveFact.RelativeCriticallyIll,
        ["bereavement"] = LeaveFact.Bereavement,
        ["organised_by_club"] = LeaveFact.OrganisedByClub,
        ["day_set_apart"] = LeaveFact.DaySetApart,
        ["occupational_travel"] = LeaveFact.OccupationalTravel,
        ["protest"] = LeaveFact.Protest,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Outcomes by name.</summary>
    public static FrozenDictionary<string, LeaveOutcome> Outcomes { get; } = new Dictionary<string, LeaveOutcome>(StringComparer.Ordinal)
    {
        ["refuse"] = LeaveOutcome.Refuse,
        ["refer"] = LeaveOutcome.Refer,
        ["authorise"] = LeaveOutcome.Authorise,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Notice kinds by name.</summary>
    public static FrozenDictionary<string, NoticeKind> Notices { get; } = new Dictionary<string, NoticeKind>(StringComparer.Ordinal)
    {
        ["warning_letter"] = NoticeKind.WarningLetter,
        ["penalty_notice"] = NoticeKind.PenaltyNotice,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What a school fact's id must be, for messages.</summary>
    public const string SchoolFactIdRule = "lower-case letters, digits, '-' and '_', starting with a letter, and not a national fact's name (with '-' or '_')";

    /// <summary>
    /// Whether a name can be a school's own fact: lower-case letters, digits, <c>-</c> and <c>_</c>,
    /// starting with a letter, and not a national fact's name written with either separator
    /// (<c>in-writing</c> clashes with <c>in_writing</c>).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>True where it can.</returns>
    public static bool IsSchoolFactId(string name) =>
        name.Length is > 0 and <= 64
        && name[0] is >= 'a' and <= 'z'
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
        && !Facts.ContainsKey(name.Replace('-', '_'));

    /// <summary>The name of a leave type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its snake_case name, for example <c>religious_observance</c>.</returns>
    public static string Of(LeaveType type) => NameOf(Types, type);

    /// <summary>The name of a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Its snake_case name.</returns>
    public static string Of(LeaveFact fact) => NameOf(Facts, fact);

    /// <summary>The name of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns><c>refuse</c>, <c>refer</c> or <c>authorise</c>.</returns>
    public static string Of(LeaveOutcome outcome) => NameOf(Outcomes, outcome);

    /// <summary>The name of a notice kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its snake_case name.</returns>
    public static string Of(NoticeKind kind) => NameOf(Notices, kind);

    private static string NameOf<T>(FrozenDictionary<string, T> names, T value)
        where T : struct, Enum
    {
        foreach (var pair in names)
        {
            if (EqualityComparer<T>.Default.Equals(pair.Value, value))
            {
                return pair.Key;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "not a value of the leave vocabulary");
    }
}
