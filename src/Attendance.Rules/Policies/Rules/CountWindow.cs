namespace Attendance.Rules.Policies.Rules;

/// <summary>The window a session count is taken over.</summary>
/// <param name="Kind">The kind of window.</param>
/// <param name="SchoolWeeks">For a rolling window, its length in school weeks; 0 otherwise.</param>
public sealed record CountWindow(CountWindowKind Kind, int SchoolWeeks)
{
    /// <summary>A rolling window of school weeks.</summary>
    /// <param name="schoolWeeks">Its length, at least 1.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The length is below 1.</exception>
    public static CountWindow Rolling(int schoolWeeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(schoolWeeks, 1);
        return new(CountWindowKind.RollingSchoolWeeks, schoolWeeks);
    }

    /// <summary>The academic year to date.</summary>
    public static CountWindow AcademicYear { get; } = new(CountWindowKind.AcademicYear, 0);

    /// <summary>The current term to date.</summary>
    public static CountWindow Term { get; } = new(CountWindowKind.Term, 0);

    /// <summary>The previous and current term.</summary>
    public static CountWindow CurrentAndPreviousTerm { get; } = new(CountWindowKind.CurrentAndPreviousTerm, 0);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CountWindowKind.RollingSchoolWeeks => $"a rolling {SchoolWeeks} school weeks",
        CountWindowKind.AcademicYear => "the academic year",
        CountWindowKind.Term => "the term",
        _ => "the current and previous term",
    };
}
