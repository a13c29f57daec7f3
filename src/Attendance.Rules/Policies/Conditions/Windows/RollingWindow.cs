using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>What a <see cref="RollingWindow"/> is counted in.</summary>
public enum RollingUnit
{
    /// <summary>School weeks: Monday–Sunday weeks with a school day (holiday weeks are passed over).</summary>
    SchoolWeeks,

    /// <summary>Calendar weeks, Monday to Sunday, holidays included.</summary>
    Weeks,

    /// <summary>School days.</summary>
    SchoolDays,

    /// <summary>Calendar months back from the day judged.</summary>
    Months,

    /// <summary>Sessions: the last N marks counted, the point's own included ("this session" is 1).</summary>
    Sessions,
}

/// <summary>
/// <c>{ rolling: { school_weeks: N } }</c> and the like: the point's own week (or day) and the
/// N − 1 before it; for months, the days after the same date N months earlier.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Length">How many, at least 1.</param>
public sealed record RollingWindow(RollingUnit Unit, int Length) : Window
{
    /// <inheritdoc />
    public override string ToString() => $"the last {Length} {Unit switch
    {
        RollingUnit.SchoolWeeks => Length == 1 ? "school week" : "school weeks",
        RollingUnit.Weeks => Length == 1 ? "week" : "weeks",
        RollingUnit.SchoolDays => Length == 1 ? "school day" : "school days",
        RollingUnit.Months => Length == 1 ? "month" : "months",
        _ => Length == 1 ? "session" : "sessions",
    }}";

    private static SyntaxDeclaration Declare(RollingUnit unit, string word, int max, string doc) =>
        new($"rolling.{word}", doc, new KeySpec("rolling", KeyType.Unit, "the length", Min: 1, Max: max, Word: word), [], typeof(RollingWindow),
            a => new RollingWindow(unit, a.Count("rolling")),
            w => new SyntaxArgs().Set("rolling", ((RollingWindow)w).Length),
            w => w is RollingWindow r && r.Unit == unit);

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        Declare(RollingUnit.SchoolWeeks, "school_weeks", 60, "the point's school week and the N − 1 school weeks before it (holiday weeks passed over)"),
        Declare(RollingUnit.Weeks, "weeks", 260, "the point's calendar week and the N − 1 calendar weeks before it, holidays included"),
        Declare(RollingUnit.SchoolDays, "school_days", 1300, "the last N school days, the point's own included"),
        Declare(RollingUnit.Months, "months", 60, "the days after the same date N months before the point"),
        Declare(RollingUnit.Sessions, "sessions", 2600, "the last N marked sessions to the point, its own included (1: this session, for \"each late\")"),
    ];
}
