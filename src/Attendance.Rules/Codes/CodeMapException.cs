namespace Attendance.Rules.Codes;

/// <summary>A code map could not be made from its mappings. Carries every problem found, each naming its mapping and field.</summary>
public sealed class CodeMapException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    /// <param name="problems">The problems; at least one.</param>
    public CodeMapException(IReadOnlyList<CodeMapProblem> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<CodeMapProblem> Problems { get; }
}
