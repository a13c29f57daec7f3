using Attendance.Rules.Evaluation;
using Attendance.Rules.Leave;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Conditions;
using Attendance.Rules.Policies.Leave;
using Attendance.Rules.Registers;
using Attendance.Rules.Tests.Loading;
using NodaTime;

namespace Attendance.Rules.Tests.Leave;

/// <summary>Leave in the language v2 (issue 13): school-declared facts, limits over rolling periods, and actions a decision raises.</summary>
public class LeaveLanguageV2Tests
{
    internal const string Policy = """
        id: leave-v2
        version: "1"
        name: Leave V2 School
        document:
          title: Attendance Policy
        extends: england-2024
        leave:
          discretion: { id: headteacher-discretion, source: "at the headteacher's discretion" }
          facts: [wedding, family-event]
          codes:
            - { type: holiday, if_authorised: C, if_taken: G }
            - { type: exceptional, if_authorised: C, if_taken: O }
            - { type: religious_observance, if_authorised: R, if_taken: O }
            - { type: performance, if_authorised: C1, if_taken: O }
            - { type: sport, if_authorised: C, if_taken: O }
            - { type: traveller, if_authorised: T, if_taken: O }
            - { type: medical, if_authorised: M, if_taken: O }
            - { type: interview, if_authorised: J1, if_taken: O }
            - { type: study, if_authorised: S, if_taken: O }
            - { type: part_time_timetable, if_authorised: C2, if_taken: O }
          conditions:
            - id: notice
              kind: min_notice
              days: 10
              outcome: refer
              raises: { action: meeting, title: "Meeting about late notice" }
              source: "Requests should be made at least ten days ahead."
            - id: weddings
              kind: refused_facts
              types: [exceptional]
              facts: [wedding]
              unless_facts: [relative_critically_ill, family-event]
              outcome: refuse
              raises:
                action: letter
                title: "Warning letter: leave refused"
                source: "A warning letter is sent with every refusal."
              source: "Weddings are not exceptional circumstances."
            - id: form-for-events
              kind: required_facts
              types: [sport]
              facts: [in_writing, family-event]
              outcome: refer
              source: "Family events must be described in writing."
            - id: one-holiday
              kind: max_requests_per_year
              types: [holiday]
              at_most: 1
              over: { rolling: { months: 12 } }
              outcome: refuse
              source: "One holiday request in any twelve months."
            - id: two-religious-days
              kind: max_days_per_year
              types: [religious_observance]
              at_most_days: 1
              counts_codes: [R]
              over:
                rolling:
                  months: 12
              outcome: refuse
              source: "At most one day of religious observance in any twelve months."
        """;

    private static readonly Lazy<CompiledPolicy> Compiled = new(() => PolicyEvaluator.Compile(PolicyLoader.LoadFromString(Policy, "leave-v2.yaml")));

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static LeaveRequest Request(LeaveType type, LocalDate first, LocalDate last, LocalDate requested, IEnumerable<LeaveFact>? facts = null, IEnumerable<string>? schoolFacts = null, LocalDate? decidedOn = null, IEnumerable<EarlierLeaveRequest>? earlier = null) =>
        LeaveRequest.Create("P1", type, first, last, requested, "9", facts, earlierRequests: earlier, schoolFacts: schoolFacts, decidedOn: decidedOn);

    private static LeaveDecision Decide(LeaveRequest request, PupilRegister? register = null) =>
        Compiled.Value.EvaluateLeaveRequest(request, register);

    private static List<string> Errors(string find, string replace)
    {
        Assert.Contains(find, Policy, StringComparison.Ordinal);
        var result = PolicyLoader.ReadString(Policy.Replace(find, replace, StringComparison.Ordinal), "leave-v2.yaml");
        Assert.False(result.Succeeded);
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_reader_gives_the_declared_facts_the_rolling_periods_and_the_raised_actions()
    {
        var leave = Compiled.Value.Policy.Leave!;

        Assert.Equal(["wedding", "family-event"], leave.Facts);
        var weddings = Assert.IsType<RefusedFactsCondition>(leave.Conditions.Single(c => c.Id == "weddings"));
        Assert.Empty(weddings.Facts);
        Assert.Equal(["wedding"], weddings.SchoolFacts);
        Assert.Equal([LeaveFact.RelativeCriticallyIll], weddings.UnlessFacts);
        Assert.Equal(["family-event"], weddings.UnlessSchoolFacts);
        Assert.Equal(new LeaveRaise(ActionKind.Letter, "Warning letter: leave refused", ValueList.Of("A warning letter is sent with every refusal.")), weddings.Raises);
        Assert.Equal(new RollingWindow(RollingUnit.Months, 12), Assert.IsType<MaxRequestsPerYearCondition>(leave.Conditions.Single(c => c.Id == "one-holiday")).Over);
        Assert.Equal(new RollingWindow(RollingUnit.Months, 12), Assert.IsType<MaxDaysPerYearCondition>(leave.Conditions.Single(c => c.Id == "two-religious-days")).Over);
        Assert.Null(leave.Conditions.Single(c => c.Id == "form-for-events").Raises);
    }

    [Fact]
    public void The_writer_round_trips_the_new_keys_and_the_schema_accepts_them()
    {
        var policy = Compiled.Value.Policy;
        var written = PolicyWriter.Write(policy);

        Assert.Contains("facts: [wedding, family-event]", written, StringComparison.Ordinal);
        Assert.Contains("raises:", written, StringComparison.Ordinal);
        Assert.Contains("rolling:", written, StringComparison.Ordinal);
        Assert.Equal(policy.Leave, PolicyLoader.LoadFromString(written, "written.yaml").Leave);
        Assert.Empty(PolicySchemaTests.Schema.Value.Validate(PolicySchemaTests.YamlToJson(Policy)));
    }

    public static TheoryData<string, string, string> ReaderErrors() => new()
    {
        { "facts: [wedding, family-event]", "facts: [wedding, family-event, wedding]", "leave-v2.yaml:9:34: error: the school fact 'wedding' is declared twice (first at leave-v2.yaml:9)" },
        { "facts: [wedding, family-event]", "facts: [wedding, in-writing]", "leave-v2.yaml:9:20: error: the school fact 'in-writing' clashes with the national fact 'in_writing'" },
        { "facts: [wedding, family-event]", "facts: [wedding, Family]", "leave-v2.yaml:9:20: error: the school fact 'Family' must be lower-case letters" },
        { "facts: [wedding, family-event]", "facts: wedding", "leave-v2.yaml:9:10: error: 'facts' of leave must be a list of the school's own facts" },
        { "facts: [wedding]\n", "facts: [funeral]\n", "leave-v2.yaml:31:15: error: 'facts' of a refused_facts condition lists 'funeral', which is neither a national fact nor one the leave section declares in 'facts'" },
        { "unless_facts: [relative_critically_ill, family-event]", "unless_facts: [relative_critically_ill, relative_critically_ill]", "leave-v2.yaml:32:47: error: 'relative_critically_ill' is listed twice in 'unless_facts' of a refused_facts condition" },
        { "over: { rolling: { months: 12 } }", "over: { rolling: { weeks: 12 } }", "leave-v2.yaml:49:24: error: a leave limit rolls over months only; 'rolling' of 'over' of a max_requests_per_year condition gives weeks" },
        { "over: { rolling: { months: 12 } }", "over: { rolling: { months: 61 } }", "leave-v2.yaml:49:34: error:" },
        { "over: { rolling: { months: 12 } }", "over: academic_year", "leave-v2.yaml:49:13: error: 'over' of a max_requests_per_year condition must be a mapping" },
        { "over: { rolling: { months: 12 } }", "over: { months: 12 }", "leave-v2.yaml:49:15: error: unknown key 'months' in 'over' of a max_requests_per_year condition" },
        { "action: letter", "action: email", "leave-v2.yaml:35:17: error: 'action' of 'raises' of a refused_facts condition is 'email', which is not one of the allowed values" },
        { "        title: \"Warning letter: leave refused\"\n", string.Empty, "leave-v2.yaml:35:9: error: 'raises' of a refused_facts condition has no 'title'" },
        { "raises: { action: meeting, title: \"Meeting about late notice\" }", "raises: { action: meeting, title: x, when: refused }", "leave-v2.yaml:26:44: error: unknown key 'when' in 'raises' of a min_notice condition" },
        { "      kind: min_notice\n", "      kind: min_notice\n      over: { rolling: { months: 12 } }\n", "leave-v2.yaml:24:7: error: unknown key 'over' in a min_notice condition" },
    };

    [Theory]
    [MemberData(nameof(ReaderErrors))]
    public void The_reader_locates_every_mistake_in_the_new_keys(string find, string replace, string expected)
    {
        var errors = Errors(find, replace);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_school_fact_refuses_and_raises_a_warning_letter_dated_the_decision_day()
    {
        var request = Request(LeaveType.Exceptional, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), schoolFacts: ["wedding"], decidedOn: D(2026, 2, 5));

        var decision = Decide(request);

        Assert.Equal(LeaveOutcome.Refuse, decision.Outcome);
        Assert.Equal("the request states wedding, and not relative_critically_ill or family-event", LeaveKit.Reason(decision, "weddings").Text);
        var action = Assert.Single(decision.Actions);
        Assert.Equal(new LeaveAction("weddings", ActionKind.Letter, "Warning letter: leave refused", D(2026, 2, 5), ValueList.Of("A warning letter is sent with every refusal.")), action);
        Assert.Equal(D(2026, 2, 2), Assert.Single(Decide(request with { DecidedOn = null }).Actions).Date);
    }

    [Fact]
    public void A_declared_unless_fact_lifts_the_refusal_and_its_action()
    {
        var decision = Decide(Request(LeaveType.Exceptional, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), schoolFacts: ["wedding", "family-event"]));

        Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
        LeaveKit.NoReason(decision, "weddings");
        Assert.Empty(decision.Actions);
    }

    [Fact]
    public void A_condition_raises_its_action_only_when_its_outcome_is_the_decision()
    {
        // Late notice refers and raises a meeting; with a wedding the refusal decides, and only the letter is raised.
        var late = Request(LeaveType.Exceptional, D(2026, 3, 10), D(2026, 3, 10), D(2026, 3, 5));

        Assert.Equal(["notice"], Decide(late).Actions.Select(a => a.Rule));
        Assert.Equal(["weddings"], Decide(late with { SchoolFacts = new[] { "wedding" }.ToValueList() }).Actions.Select(a => a.Rule));
    }

    [Fact]
    public void Required_facts_mix_national_and_school_facts()
    {
        var missing = Decide(Request(LeaveType.Sport, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), facts: [LeaveFact.InWriting]));
        var stated = Decide(Request(LeaveType.Sport, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), facts: [LeaveFact.InWriting], schoolFacts: ["family-event"]));

        Assert.Equal("the request does not state family-event, which the policy requires for sport leave", LeaveKit.Reason(missing, "form-for-events").Text);
        LeaveKit.NoReason(stated, "form-for-events");
    }

    [Fact]
    public void A_school_fact_the_policy_does_not_declare_is_an_error()
    {
        var request = Request(LeaveType.Exceptional, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), schoolFacts: ["funeral"]);

        var e = Assert.Throws<ArgumentException>(() => Decide(request));
        Assert.Contains("\"funeral\"", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Request(LeaveType.Exceptional, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), schoolFacts: ["in_writing"]));
        Assert.Throws<ArgumentException>(() => Request(LeaveType.Exceptional, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), decidedOn: D(2026, 2, 1)));
    }

    [Theory]
    [InlineData(2025, 3, 10, false)] // exactly 12 months before the first day: outside the window
    [InlineData(2025, 3, 11, true)]
    public void A_rolling_request_limit_counts_earlier_requests_in_the_months_up_to_the_first_day(int year, int month, int day, bool refused)
    {
        var earlier = new EarlierLeaveRequest(LeaveType.Holiday, D(year, month, day), D(year, month, day));

        var decision = Decide(Request(LeaveType.Holiday, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2), earlier: [earlier]));

        if (refused)
        {
            Assert.Equal(LeaveOutcome.Refuse, decision.Outcome);
            Assert.Equal("this is 2nd holiday request starting within 12 months (2025-03-11 to 2026-03-10; 1 earlier); the policy allows at most 1 in any 12 months", LeaveKit.Reason(decision, "one-holiday").Text);
        }
        else
        {
            Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
            LeaveKit.NoReason(decision, "one-holiday");
        }
    }

    [Theory]
    [InlineData(2025, 3, 10, false)] // exactly 12 months before the leave day: outside the window
    [InlineData(2025, 3, 11, true)] // a day later: inside, though in the previous academic year
    public void A_rolling_day_limit_counts_the_sessions_in_the_months_to_each_leave_day(int year, int month, int day, bool refused)
    {
        var taken = D(year, month, day);
        var register = PupilRegister.Create("P1", [SessionMark.Create(Session.Morning(taken), "R"), SessionMark.Create(Session.Afternoon(taken), "R")], "9");

        var decision = Decide(Request(LeaveType.ReligiousObservance, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2)), register);

        if (refused)
        {
            Assert.Equal(LeaveOutcome.Refuse, decision.Outcome);
            Assert.Equal("1 school day requested to 2026-03-10 and 2 sessions of R already in the 12 months to that day (from 2025-03-11): 2 days; the policy allows at most 1 in any 12 months", LeaveKit.Reason(decision, "two-religious-days").Text);
        }
        else
        {
            Assert.Equal(LeaveOutcome.Refer, decision.Outcome);
            LeaveKit.NoReason(decision, "two-religious-days");
        }
    }

    [Fact]
    public void A_rolling_day_limit_without_a_register_refers_within_the_limit_and_refuses_beyond_it()
    {
        var one = Decide(Request(LeaveType.ReligiousObservance, D(2026, 3, 10), D(2026, 3, 10), D(2026, 2, 2)));
        var two = Decide(Request(LeaveType.ReligiousObservance, D(2026, 3, 10), D(2026, 3, 11), D(2026, 2, 2)));

        Assert.Equal(LeaveOutcome.Refer, LeaveKit.Reason(one, "two-religious-days").Outcome);
        Assert.Equal(LeaveOutcome.Refuse, LeaveKit.Reason(two, "two-religious-days").Outcome);
    }

    [Fact]
    public void The_seed_policies_declare_no_facts_and_raise_nothing()
    {
        foreach (var path in RepositoryPaths.SchoolPolicies())
        {
            var school = Path.GetFileNameWithoutExtension(path);
            Assert.Empty(LeaveKit.Policy(school).Policy.Leave?.Facts ?? ValueList<string>.Empty);
            Assert.Empty(LeaveKit.Decide(school, LeaveKit.Holiday()).Actions);
        }
    }
}
