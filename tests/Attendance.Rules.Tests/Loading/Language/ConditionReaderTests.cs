using Attendance.Rules.Loading;

namespace Attendance.Rules.Tests.Loading.Language;

/// <summary>Malformed conditions: each a located error naming what was expected, all reported at once.</summary>
public class ConditionReaderTests
{
    private const string Header = "id: t\nversion: \"1\"\nname: T\ndocument: { title: T }\nrules:\n  - id: r\n    title: R\n    action: letter\n    source: \"s\"\n";

    [Theory]
    [InlineData("    when: { measure: attendence, below: 95 }\n", "t.yaml:10:22: error: rule 'r': unknown measure 'attendence' (expected one of: attendance, absence, unauthorised, punctuality, late, { count: ... }, { days: ... }, { run: ... }, { spells: ... }, { change: ... }, { projected: ... })")]
    [InlineData("    when: { measure: attendance, below: 95, at_least: 3 }\n", "t.yaml:10:11: error: rule 'r': 'when' has more than one operator (below, at_least) (expected exactly one of: below, at_or_below, above, at_or_above, at_least, more_than, at_most, equals)")]
    [InlineData("    when: { measure: attendance }\n", "t.yaml:10:11: error: rule 'r': 'when' has no comparison operator (expected exactly one of: below, at_or_below, above, at_or_above, at_least, more_than, at_most, equals)")]
    [InlineData("    when: { measure: attendance, below: 120 }\n", "t.yaml:10:41: error: rule 'r': 'below' compares attendance with '120' (expected a number from 0 to 100)")]
    [InlineData("    when: { measure: { count: [O] }, at_least: 2.5 }\n", "t.yaml:10:48: error: rule 'r': sessions of O is a count, compared with a whole number; got 2.5 (expected a whole number)")]
    [InlineData("    when: { measure: { count: [O] }, at_least: 2, min_possible_sessions: 10 }\n", "t.yaml:10:74: error: rule 'r': min_possible_sessions applies to a percentage of possible sessions, not to sessions of O (expected no min_possible_sessions here)")]
    [InlineData("    when: { measure: { run: [I] }, over: term, at_least: 3 }\n", "t.yaml:10:42: error: rule 'r': consecutive school days of I has no window: it is the run up to the point judged (expected no 'over')")]
    [InlineData("    when: { measure: attendance, over: { since: nothing }, below: 95 }\n", "t.yaml:10:11: error: rule 'r': a condition names the action 'nothing', which the policy does not have (expected the id of a rule of this policy)")]
    [InlineData("    when: { all: [] }\n", "t.yaml:10:18: error: rule 'r': 'all' must be a list of at least one condition, got an empty list (expected all: [ { measure: ... }, ... ])")]
    [InlineData("    when: { measure: { count: [O], with_fact: parent_called }, at_least: 1 }\n", "t.yaml:10:47: error: rule 'r': 'with_fact' of the measure 'count' is 'parent_called' (expected one of: medical_evidence, reason_accepted)")]
    [InlineData("    when: { measure: attendance, below: 95 }\n    after: previous\n", "t.yaml:11:12: error: rule 'r': 'after' is 'previous', which names the stage before, and there is none here (expected a rule id or { rule: <id>, stage: <n> })")]
    public void A_malformed_condition_is_one_located_error(string rule, string expected)
    {
        var result = PolicyLoader.ReadString(Header + rule, "t.yaml");

        Assert.Null(result.Policy);
        Assert.Equal([expected], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var yaml = Header + "    when:\n      any:\n        - { measure: attendence, below: 95 }\n        - { measure: late, over: { rolling: { fortnights: 2 } }, at_least: 1 }\n    judged: fortnight\n";

        var lines = PolicyLoader.ReadString(yaml, "t.yaml").Diagnostics.Select(d => $"{d.Line}:{d.Column}").ToList();

        Assert.Equal(["12:22", "13:45", "14:13"], lines.Order(StringComparer.Ordinal));
    }
}
