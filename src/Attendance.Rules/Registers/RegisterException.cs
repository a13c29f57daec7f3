namespace Attendance.Rules.Registers;

/// <summary>A register could not be built from its input. Carries every problem found, each located.</summary>
public sealed class RegisterException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public RegisterException(params RegisterDiagnostic[] diagnostics)
        : this((IEnumerable<RegisterDiagnostic>)diagnostics)
    {
    }

    /// <summary>Creates the exception for one or more problems.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public RegisterException(IEnumerable<RegisterDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics.ToArray();
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RegisterDiagnostic> Diagnostics { get; }

    private static string Describe(IEnumerable<RegisterDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
    }
}
