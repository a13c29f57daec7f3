using System.Globalization;
using System.Text;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// What a host keeps between overnight runs for one pupil: the policy it was evaluated under, the
/// marks fed so far and the date evaluated to. Immutable; <see cref="Serialize"/> and
/// <see cref="Deserialize"/> turn it into text and back. Feed it with
/// <see cref="CompiledPolicy.Advance(EvaluationState, IEnumerable{SessionMark}, LocalDate, SchoolCalendar?)"/>.
/// </summary>
public sealed record EvaluationState
{
    private const string Header = "attendance-rules-state 1";

    /// <summary>The policy's id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's version; advancing under another version is refused.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The pupil.</summary>
    public required string PupilId { get; init; }

    /// <summary>The pupil's year group, where known.</summary>
    public string? YearGroup { get; init; }

    /// <summary>The pupil's date of birth, admission and leaving dates, where known.</summary>
    public PupilRoll Roll { get; init; } = PupilRoll.Unknown;

    /// <summary>The marks fed so far, in session order.</summary>
    public ValueList<SessionMark> Marks { get; init; } = ValueList<SessionMark>.Empty;

    /// <summary>The date evaluated to, or null before the first advance.</summary>
    public LocalDate? EvaluatedTo { get; init; }

    /// <summary>The last session fed; a new mark must come after it.</summary>
    public Session? LastSession => Marks.Count == 0 ? null : Marks[^1].Session;

    /// <summary>The state as text: a header line, then one line per field and per mark.</summary>
    /// <returns>The text; <see cref="Deserialize"/> reads it back.</returns>
    public string Serialize()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("policy ").Append(PolicyId).Append('\n');
        text.Append("version ").Append(PolicyVersion).Append('\n');
        text.Append("pupil ").Append(PupilId).Append('\n');
        text.Append("year-group ").Append(YearGroup ?? "-").Append('\n');
        text.Append("evaluated-to ").Append(EvaluatedTo is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-").Append('\n');
        if (Roll != PupilRoll.Unknown)
        {
            text.Append("roll ").Append(Date(Roll.DateOfBirth)).Append(' ').Append(Date(Roll.AdmissionDate)).Append(' ').Append(Date(Roll.LeavingDate)).Append('\n');
        }
        foreach (var mark in Marks)
        {
            text.Append("mark ").Append(mark.Session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(' ').Append(mark.Session.Part)
                .Append(' ').Append(mark.Code?.Code ?? "?")
                .Append(' ').Append(mark.Arrival is { } a ? a.ToString("HH:mm", CultureInfo.InvariantCulture) : "-")
                .Append(' ').Append(((int)mark.Facts).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static string Date(LocalDate? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";

    /// <summary>Reads a state written by <see cref="Serialize"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="FormatException">The text is not a state; the message names the line.</exception>
    public static EvaluationState Deserialize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 6 || lines[0] != Header)
        {
            throw new FormatException($"line 1: expected '{Header}' and the policy, version, pupil, year-group and evaluated-to lines");
        }

        string Field(int index, string name) => lines[index].StartsWith(name + " ", StringComparison.Ordinal)
            ? lines[index][(name.Length + 1)..]
            : throw new FormatException($"line {index + 1}: expected '{name} …'");
        var yearGroup = Field(4, "year-group");
        var evaluatedTo = Field(5, "evaluated-to");
        var marks = new List<SessionMark>();
        var roll = PupilRoll.Unknown;
        var first = 6;
        if (lines.Length > 6 && lines[6].StartsWith("roll ", StringComparison.Ordinal))
        {
            var r = lines[6].Split(' ');
            LocalDate? Read(string t) => t == "-" ? null : LocalDatePattern.Iso.Parse(t) is { Success: true } ok ? ok.Value : throw new FormatException("line 7: expected 'roll yyyy-MM-dd|- yyyy-MM-dd|- yyyy-MM-dd|-' (date of birth, admission, leaving)");
            roll = r.Length == 4
                ? PupilRoll.Create(Read(r[1]), Read(r[2]), Read(r[3]))
                : throw new FormatException("line 7: expected 'roll yyyy-MM-dd|- yyyy-MM-dd|- yyyy-MM-dd|-' (date of birth, admission, leaving)");
            first = 7;
        }

        for (var i = first; i < lines.Length; i++)
        {
            var f = lines[i].Split(' ');
            var date = f.Length == 6 && f[0] == "mark" ? LocalDatePattern.Iso.Parse(f[1]) : null;
            if (date is null || !date.Success || f[2] is not ("AM" or "PM") || !int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var facts))
            {
                throw new FormatException($"line {i + 1}: expected 'mark yyyy-MM-dd AM|PM code HH:mm|- facts'");
            }

            var session = new Session(date.Value, f[2] == "AM" ? SessionOfDay.AM : SessionOfDay.PM);
            LocalTime? arrival = f[4] == "-" ? null : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(f[4]).GetValueOrThrow();
            marks.Add(f[3] == "?" && arrival is { } at
                ? SessionMark.Arrived(session, at, (MarkFacts)facts)
                : SessionMark.Create(session, f[3], arrival, (MarkFacts)facts));
        }

        return new EvaluationState
        {
            PolicyId = Field(1, "policy"),
            PolicyVersion = Field(2, "version"),
            PupilId = Field(3, "pupil"),
            YearGroup = yearGroup == "-" ? null : yearGroup,
            Roll = roll,
            EvaluatedTo = evaluatedTo == "-" ? null : LocalDatePattern.Iso.Parse(evaluatedTo).GetValueOrThrow(),
            Marks = marks.ToValueList(),
        };
    }
}
