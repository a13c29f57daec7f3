using System.Globalization;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Testing;

/// <summary>
/// Builds a pupil's register session by session, from a cursor that moves forward through school
/// weekdays:
/// <code>
/// Register.For("p1").InYear("7").From(new LocalDate(2025, 9, 1))
///     .Present(days: 5)                      // Mon 1 - Fri 5 Sep, both sessions /\
///     .Absent("I", days: 2)                  // Mon 8 - Tue 9 Sep, both sessions I
///     .Session("O")                          // Wed 10 Sep AM
///     .Arrived(new LocalTime(12, 20))        // Wed 10 Sep PM: an arrival time, no code
///     .Skip(weekdays: 5)                     // Thu 11 - Wed 17 Sep unmarked
///     .Build();
/// </code>
/// <list type="bullet">
/// <item><description>The cursor is a session (a date and AM or PM). <see cref="From"/> sets it to a date's AM;
/// a Saturday or Sunday moves on to the Monday.</description></item>
/// <item><description>Day steps (<see cref="Present"/>, <see cref="Absent"/>, <see cref="Day"/>) mark both
/// sessions of each day and need the cursor at an AM: after a single <see cref="Session"/> or
/// <see cref="Arrived"/>, mark the PM too (or <see cref="Skip"/>) first.</description></item>
/// <item><description>Session steps (<see cref="Session"/>, <see cref="Arrived"/>) mark one session and move to the next.</description></item>
/// <item><description>Weekends are always skipped; holidays and closures are left unmarked with <see cref="Skip"/>,
/// or marked with a code such as <c>#</c> with <see cref="Absent"/> or <see cref="Day"/>.</description></item>
/// <item><description>Codes are checked against the national code table for each session's date when the mark is
/// added (a <see cref="RegisterException"/> names the session).</description></item>
/// </list>
/// A builder is mutable and not thread-safe; <see cref="Build"/> may be called more than once.
/// </summary>
public sealed class RegisterBuilder
{
    private readonly string pupil;
    private readonly List<SessionMark> marks = [];
    private string? yearGroup;
    private LocalDate? dateOfBirth;
    private LocalDate? admissionDate;
    private LocalDate? leavingDate;
    private Session? cursor;

    internal RegisterBuilder(string pupil)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pupil);
        this.pupil = pupil;
    }

    /// <summary>The session the next mark goes to; null until <see cref="From"/> is called.</summary>
    public Session? Next => cursor;

    /// <summary>Sets the pupil's year group, for example <c>7</c> or <c>R</c>; policies apply referrals only in compulsory year groups.</summary>
    /// <param name="yearGroup">The year group.</param>
    /// <returns>This builder.</returns>
    public RegisterBuilder InYear(string yearGroup)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(yearGroup);
        this.yearGroup = yearGroup;
        return this;
    }

    /// <summary>Sets the pupil's date of birth: compulsory school age is then worked out from it, day by day, rather than from the year group.</summary>
    /// <param name="date">The date of birth.</param>
    /// <returns>This builder.</returns>
    public RegisterBuilder BornOn(LocalDate date)
    {
        dateOfBirth = date;
        return this;
    }

    /// <summary>Sets the pupil's admission date (starting day): no mark but <c>Z</c> may come before it, and a new pupil return falls due on it.</summary>
    /// <param name="date">The first day on the admission register.</param>
    /// <returns>This builder.</returns>
    public RegisterBuilder AdmittedOn(LocalDate date)
    {
        admissionDate = date;
        return this;
    }

    /// <summary>Sets the pupil's leaving date: the last day on the admission register; no mark may come after it and nothing falls due after it.</summary>
    /// <param name="date">The last day on the admission register.</param>
    /// <returns>This builder.</returns>
    public RegisterBuilder LeftOn(LocalDate date)
    {
        leavingDate = date;
        return this;
    }

    /// <summary>Moves the cursor to a date's morning session (a weekend date moves on to the Monday). May be called again later to jump ahead, for example across a holiday.</summary>
    /// <param name="date">The first date to mark.</param>
    /// <returns>This builder.</returns>
    public RegisterBuilder From(LocalDate date)
    {
        cursor = Registers.Session.Morning(RegisterNotation.Weekday(date));
        return this;
    }

    /// <summary>Marks whole days present: <c>/</c> in the morning and <c>\</c> in the afternoon.</summary>
    /// <param name="days">How many school weekdays; at least 1.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set, or the cursor is at an afternoon session.</exception>
    public RegisterBuilder Present(int days = 1) => Day("/", "\\", days);

    /// <summary>Marks whole days with one code in both sessions, for example <c>I</c> (illness) or <c>O</c>.</summary>
    /// <param name="code">The national code, as written.</param>
    /// <param name="days">How many school weekdays; at least 1.</param>
    /// <param name="facts">Facts recorded with every mark, such as <see cref="MarkFacts.MedicalEvidence"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set, or the cursor is at an afternoon session.</exception>
    /// <exception cref="RegisterException">The code is not valid on a day's date.</exception>
    public RegisterBuilder Absent(string code, int days = 1, MarkFacts facts = MarkFacts.None) => Day(code, code, days, facts);

    /// <summary>Marks whole days with a morning code and an afternoon code, for example <c>Day("L", "\\")</c>.</summary>
    /// <param name="am">The morning code.</param>
    /// <param name="pm">The afternoon code.</param>
    /// <param name="days">How many school weekdays; at least 1.</param>
    /// <param name="facts">Facts recorded with every mark.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set, or the cursor is at an afternoon session.</exception>
    /// <exception cref="RegisterException">A code is not valid on a day's date.</exception>
    public RegisterBuilder Day(string am, string pm, int days = 1, MarkFacts facts = MarkFacts.None)
    {
        ArgumentNullException.ThrowIfNull(am);
        ArgumentNullException.ThrowIfNull(pm);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var at = RequireCursor();
        if (at.Part != SessionOfDay.AM)
        {
            throw new InvalidOperationException(
                $"the next session is {at}: a whole-day step starts at a morning; mark the afternoon with Session(...) or Arrived(...), or Skip(...), first");
        }

        for (var i = 0; i < days; i++)
        {
            Mark(SessionMark.Create(Registers.Session.Morning(at.Date), am, null, facts));
            Mark(SessionMark.Create(Registers.Session.Afternoon(at.Date), pm, null, facts));
            at = Registers.Session.Morning(RegisterNotation.Weekday(at.Date.PlusDays(1)));
        }

        cursor = at;
        return this;
    }

    /// <summary>Marks the next single session with a code and moves on to the session after it.</summary>
    /// <param name="code">The national code, as written.</param>
    /// <param name="facts">Facts recorded with the mark, such as <see cref="MarkFacts.MedicalEvidence"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set.</exception>
    /// <exception cref="RegisterException">The code is not valid on the session's date.</exception>
    public RegisterBuilder Session(string code, MarkFacts facts = MarkFacts.None)
    {
        ArgumentNullException.ThrowIfNull(code);
        var at = RequireCursor();
        Mark(SessionMark.Create(at, code, null, facts));
        cursor = Following(at);
        return this;
    }

    /// <summary>
    /// Records an arrival time with no code for the next single session and moves on: the policy's
    /// registration window decides the code (on time, <c>L</c> or <c>U</c>) when it is evaluated.
    /// </summary>
    /// <param name="arrival">The pupil's arrival time.</param>
    /// <param name="facts">Facts recorded with the mark, such as <see cref="MarkFacts.ReasonAccepted"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set.</exception>
    public RegisterBuilder Arrived(LocalTime arrival, MarkFacts facts = MarkFacts.None)
    {
        var at = RequireCursor();
        Mark(SessionMark.Arrived(at, arrival, facts));
        cursor = Following(at);
        return this;
    }

    /// <summary>
    /// Leaves school weekdays unmarked (a holiday, a closure, or days not yet registered). At an
    /// afternoon the rest of that day is left unmarked too, and the skip counts from the next weekday.
    /// </summary>
    /// <param name="weekdays">How many weekdays to leave unmarked; at least 1 (a half term is 5).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set.</exception>
    public RegisterBuilder Skip(int weekdays = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weekdays, 1);
        var at = RequireCursor();
        var date = at.Part == SessionOfDay.PM ? RegisterNotation.Weekday(at.Date.PlusDays(1)) : at.Date;
        for (var i = 0; i < weekdays; i++)
        {
            date = RegisterNotation.Weekday(date.PlusDays(1));
        }

        cursor = Registers.Session.Morning(date);
        return this;
    }

    /// <summary>Appends days written in the compact notation from the cursor, for example <c>Then("/\\ OO ~5 II")</c>; the notation may also start with a date of its own.</summary>
    /// <param name="notation">Day tokens in the notation (see <see cref="RegisterNotation"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No start date is set (and the notation has none), or the cursor is at an afternoon session.</exception>
    /// <exception cref="FormatException">A token is not a day.</exception>
    public RegisterBuilder Then(string notation)
    {
        ArgumentNullException.ThrowIfNull(notation);
        var trimmed = notation.TrimStart();
        var startsWithDate = trimmed.Length >= 10 && NodaTime.Text.LocalDatePattern.Iso.Parse(trimmed[..10]).Success;
        if (!startsWithDate)
        {
            var at = RequireCursor();
            if (at.Part != SessionOfDay.AM)
            {
                throw new InvalidOperationException($"the next session is {at}: notation days start at a morning");
            }

            trimmed = at.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + trimmed;
        }

        var added = RegisterNotation.Marks(trimmed, out var end);
        foreach (var mark in added)
        {
            Mark(mark);
        }

        cursor = Registers.Session.Morning(end);
        return this;
    }

    /// <summary>The register built so far.</summary>
    /// <returns>The register, marks in session order.</returns>
    /// <exception cref="RegisterException">Two marks share a session (for example after jumping back with <see cref="From"/>).</exception>
    /// <exception cref="ArgumentException">The leaving date is before the admission date, or the date of birth after either.</exception>
    public PupilRegister Build() => PupilRegister.Create(pupil, marks, yearGroup, PupilRoll.Create(dateOfBirth, admissionDate, leavingDate));

    private static Session Following(Session at) =>
        at.Part == SessionOfDay.AM ? Registers.Session.Afternoon(at.Date) : Registers.Session.Morning(RegisterNotation.Weekday(at.Date.PlusDays(1)));

    private void Mark(SessionMark mark) => marks.Add(mark);

    private Session RequireCursor() =>
        cursor ?? throw new InvalidOperationException("set the first date with From(date) before adding marks");
}
