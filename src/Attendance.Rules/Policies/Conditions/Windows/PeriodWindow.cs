using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>The school periods a <see cref="PeriodWindow"/> covers, to the point judged.</summary>
public enum WindowPeriod
{
    /// <summary>The academic year (1 August to 31 July) to date.</summary>
    AcademicYear,

    /// <summary>The current term to date.</summary>
    Term,

    /// <summary>The current half term to date.</summary>
    HalfTerm,

    /// <summary>The previous term and the current one to date, as one count.</summary>
    CurrentAndPreviousTerm,
}

/// <summary>A school period to date: <c>academic_year</c> (the default), <c>term</c>, <c>half_term</c>, <c>current_and_previous_term</c>.</summary>
/// <param name="Period">The period.</param>
public sealed record PeriodWindow(WindowPeriod Period) : Window
{
    /// <summary>The academic year to date.</summary>
    public static PeriodWindow AcademicYear { get; } = new(WindowPeriod.AcademicYear);

    /// <summary>The term to date.</summary>
    public static PeriodWindow Term { get; } = new(WindowPeriod.Term);

    /// <summary>The half term to date.</summary>
    public static PeriodWindow HalfTerm { get; } = new(WindowPeriod.HalfTerm);

    /// <summary>The previous and current term.</summary>
    public static PeriodWindow CurrentAndPreviousTerm { get; } = new(WindowPeriod.CurrentAndPreviousTerm);

    /// <inheritdoc />
    public override string ToString() => Period switch
    {
        WindowPeriod.AcademicYear => "the academic year",
        WindowPeriod.Term => "the term",
        WindowPeriod.HalfTerm => "the half term",
        _ => "the current and previous term",
    };

    internal static readonly SyntaxDeclaration[] Syntax =
    [
        SyntaxDeclaration.Word("academic_year", "the academic year (1 August–31 July) to the point judged; the default", AcademicYear),
        SyntaxDeclaration.Word("term", "the current term to date (terms from the calendar, else inferred from breaks of 10 weekdays)", Term),
        SyntaxDeclaration.Word("half_term", "the current half term to date (from the calendar, else breaks of 5 weekdays)", HalfTerm),
        SyntaxDeclaration.Word("current_and_previous_term", "the previous term and the current one to date, as one count", CurrentAndPreviousTerm),
    ];
}
