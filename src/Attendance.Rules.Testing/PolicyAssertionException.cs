namespace Attendance.Rules.Testing;

/// <summary>
/// A policy assertion failed. It derives from <see cref="Exception"/> only, so xunit, NUnit, MSTest
/// and any other framework report it as a test failure; the message says what was expected, what
/// was found, and prints the pupil's timeline.
/// </summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public PolicyAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected, what was found, and the timeline.</param>
    public PolicyAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
