namespace Attendance.Rules.Policies.Rules;

/// <summary>Fires when a code starts (or ends) on the register: a part-time timetable, a new entry after <c>Z</c>.</summary>
public sealed record CodeChangeRule : Rule
{
    /// <summary>The codes watched.</summary>
    public required CodeSelection Codes { get; init; }

    /// <summary>True for <c>code_ends</c>, false for <c>code_starts</c>.</summary>
    public required bool Ends { get; init; }

    /// <summary>The deadline the document states, in school days, shown in evidence.</summary>
    public int? WithinSchoolDays { get; init; }

    /// <inheritdoc />
    public override string TypeName => Ends ? "code_ends" : "code_starts";
}
