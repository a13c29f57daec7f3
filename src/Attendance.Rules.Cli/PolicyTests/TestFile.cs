using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Cli.PolicyTests;

/// <summary>A parsed <c>*.tests.yaml</c>: the policy it tests (resolved beside the file) and its scenarios.</summary>
internal sealed record TestFile(string Path, string PolicyPath, IReadOnlyList<Scenario> Scenarios);

/// <summary>One scenario: a pupil's register, the evaluation date and what is expected.</summary>
internal sealed record Scenario(string Name, int Line, PupilRegister Register, LocalDate AsOf, Expectation Expect);

/// <summary>What a scenario expects; null or empty parts are not checked.</summary>
internal sealed record Expectation(
    IReadOnlyList<(string Name, string Value)> Figures,
    IReadOnlyList<ExpectedHit>? ThresholdHits,
    IReadOnlyList<ExpectedAction> Actions,
    IReadOnlyList<string> NoActions,
    bool ExactActions,
    IReadOnlyList<ExpectedIndicator> Indicators);

/// <summary>An indicator the scenario expects to hold (or not) as of <c>as_of</c>; <see cref="Location"/> is <c>file:line:column</c> of its id.</summary>
internal sealed record ExpectedIndicator(string Id, bool Holds, string Location);

/// <summary>An expected threshold hit.</summary>
internal sealed record ExpectedHit(string Rule, LocalDate Date)
{
    public override string ToString() => $"{Rule} on {Date:yyyy-MM-dd}";
}

/// <summary>An expected action; <see cref="Stage"/> null matches any stage.</summary>
internal sealed record ExpectedAction(string Rule, LocalDate Date, int? Stage)
{
    public override string ToString() => $"{Rule}{(Stage is { } s ? $" stage {s}" : string.Empty)} on {Date:yyyy-MM-dd}";
}

/// <summary>A scenario file that cannot be read: each message is located as <c>file:line:column: error: message</c>.</summary>
internal sealed class TestFileException(string message) : Exception(message);
