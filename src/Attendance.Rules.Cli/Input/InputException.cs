namespace Attendance.Rules.Cli.Input;

/// <summary>Bad input: a policy, CSV or calendar the tool cannot use. The tool exits with 2 and prints each line.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message)
        : this([message])
    {
    }

    public InputException(IReadOnlyList<string> lines)
        : base(string.Join(Environment.NewLine, lines))
    {
        Lines = lines;
    }

    /// <summary>The messages, one a line, each naming its file (and row or line where there is one).</summary>
    public IReadOnlyList<string> Lines { get; }
}
