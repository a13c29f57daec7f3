using System.Collections.Immutable;
using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>The seed policies, and a small policy with year-group windows, loaded once for these tests.</summary>
internal static class ArrivalPolicies
{
    /// <summary>
    /// Year 7 has its own, earlier morning window; everyone else the general one. The afternoon has a
    /// window for year 7 only. One sanction has no session and an upper bound (09:00, 09:30]; one is
    /// afternoon-only and unbounded.
    /// </summary>
    public const string YearGroupYaml = """
        id: year-group-school
        version: "1"
        name: Year Group School
        document: { title: Test policy }
        extends: england-2024
        registration:
          windows:
            - session: AM
              opens: "08:45"
              late_after: "08:45"
              closes: "09:00"
              source: "general morning"
            - session: AM
              year_groups: ["7"]
              opens: "08:30"
              late_after: "08:30"
              closes: "08:40"
              source: "year 7 morning"
            - session: PM
              year_groups: ["7"]
              opens: "13:00"
              late_after: "13:00"
              closes: "13:10"
              source: "year 7 afternoon"
          sanctions:
            - id: bounded-detention
              title: Detention for arriving between 9.00 and 9.30
              arrival_after: "09:00"
              arrival_until: "09:30"
              source: "bounded"
            - id: afternoon-detention
              title: Afternoon detention
              session: PM
              arrival_after: "13:10"
              exempt_with_accepted_reason: true
              source: "afternoon"

        """;

    public static Policy HallGreen { get; } = Seed("hall-green-primary");

    public static Policy Willoughby { get; } = Seed("willoughby-primary");

    public static Policy LaurenceJackson { get; } = Seed("laurence-jackson");

    public static Policy Aycliffe { get; } = Seed("aycliffe-drive-primary");

    public static Policy Stanborough { get; } = Seed("stanborough");

    public static Policy YearGroups { get; } = PolicyLoader.LoadFromString(YearGroupYaml, "year-groups.yaml");

    /// <summary>Every policy file in policies/ (RepositoryPaths.AllPolicies), then the year-group policy.</summary>
    public static ImmutableArray<Policy> ForProperties { get; } =
        [.. RepositoryPaths.AllPolicies().Select(p => PolicyLoader.Load(p)), YearGroups];

    public static Policy Seed(string id) => PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, id + ".yaml"));

    public static LocalTime Time(string text) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;
}

public class ArrivalClassifierTests
{
    private static readonly Session MondayAm = Session.Morning(new LocalDate(2025, 9, 8));
    private static readonly Session MondayPm = Session.Afternoon(new LocalDate(2025, 9, 8));

    private static LocalTime T(string text) => ArrivalPolicies.Time(text);

    [Theory]
    // Hall Green: late after 08:55, closes 09:10.
    [InlineData("hall-green-primary", SessionOfDay.AM, "08:55", "/", ArrivalStatus.OnTime)]
    [InlineData("hall-green-primary", SessionOfDay.AM, "08:56", "L", ArrivalStatus.Late)]
    [InlineData("hall-green-primary", SessionOfDay.AM, "09:10", "L", ArrivalStatus.Late)]
    [InlineData("hall-green-primary", SessionOfDay.AM, "09:11", "U", ArrivalStatus.AfterClose)]
    // Willoughby morning: late after 09:00, closes 09:25.
    [InlineData("willoughby-primary", SessionOfDay.AM, "09:00", "/", ArrivalStatus.OnTime)]
    [InlineData("willoughby-primary", SessionOfDay.AM, "09:01", "L", ArrivalStatus.Late)]
    [InlineData("willoughby-primary", SessionOfDay.AM, "09:25", "L", ArrivalStatus.Late)]
    [InlineData("willoughby-primary", SessionOfDay.AM, "09:26", "U", ArrivalStatus.AfterClose)]
    // Willoughby afternoon: late after 13:00, closes 13:15.
    [InlineData("willoughby-primary", SessionOfDay.PM, "13:00", "\\", ArrivalStatus.OnTime)]
    [InlineData("willoughby-primary", SessionOfDay.PM, "13:01", "L", ArrivalStatus.Late)]
    [InlineData("willoughby-primary", SessionOfDay.PM, "13:15", "L", ArrivalStatus.Late)]
    [InlineData("willoughby-primary", SessionOfDay.PM, "13:16", "U", ArrivalStatus.AfterClose)]
    // Laurence Jackson afternoon: late after 12:05, closes 13:05.
    [InlineData("laurence-jackson", SessionOfDay.PM, "12:05", "\\", ArrivalStatus.OnTime)]
    [InlineData("laurence-jackson", SessionOfDay.PM, "12:06", "L", ArrivalStatus.Late)]
    [InlineData("laurence-jackson", SessionOfDay.PM, "13:05", "L", ArrivalStatus.Late)]
    [InlineData("laurence-jackson", SessionOfDay.PM, "13:06", "U", ArrivalStatus.AfterClose)]
    // Laurence Jackson morning: late after 08:30, closes 09:00.
    [InlineData("laurence-jackson", SessionOfDay.AM, "08:30", "/", ArrivalStatus.OnTime)]
    [InlineData("laurence-jackson", SessionOfDay.AM, "09:01", "U", ArrivalStatus.AfterClose)]
    // Aycliffe Drive: late after 08:30, closes 09:00.
    [InlineData("aycliffe-drive-primary", SessionOfDay.AM, "08:30", "/", ArrivalStatus.OnTime)]
    [InlineData("aycliffe-drive-primary", SessionOfDay.AM, "08:31", "L", ArrivalStatus.Late)]
    [InlineData("aycliffe-drive-primary", SessionOfDay.AM, "09:00", "L", ArrivalStatus.Late)]
    [InlineData("aycliffe-drive-primary", SessionOfDay.AM, "09:01", "U", ArrivalStatus.AfterClose)]
    public void An_arrival_at_a_seed_school_gets_the_code_of_where_it_falls_in_the_window(
        string policyId, SessionOfDay session, string arrival, string code, ArrivalStatus status)
    {
        var policy = ArrivalPolicies.Seed(policyId);
        var outcome = ArrivalClassifier.Classify(policy, session, T(arrival), yearGroup: "3", reasonAccepted: false);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(code, outcome.ArrivalCode);
        Assert.Equal(status, outcome.Status);
        Assert.Equal(status != ArrivalStatus.OnTime, outcome.IsLate);
        Assert.Same(Assert.Single(policy.Registration.Windows, w => w.Session == session), outcome.Window);
        Assert.False(outcome.Disagrees);
    }

    [Theory]
    [InlineData("M")]
    [InlineData("C")]
    [InlineData("C1")]
    public void Aycliffe_Drive_after_close_with_an_accepted_reason_records_the_callers_authorised_code(string accepted)
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T("09:01"), null, reasonAccepted: true, accepted);
        Assert.Equal(accepted, outcome.Code);
        Assert.Equal(ArrivalStatus.AfterClose, outcome.Status);
        Assert.True(outcome.IsLate);
        Assert.True(outcome.Window!.AcceptedReasonAuthorises);
    }

    [Fact]
    public void Aycliffe_Drive_after_close_without_an_accepted_reason_is_U_even_with_a_code_offered()
    {
        Assert.Equal("U", ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T("09:01"), null, reasonAccepted: false, "M").Code);
        Assert.Equal("U", ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T("09:01"), null, reasonAccepted: false).Code);
    }

    [Fact]
    public void Aycliffe_Drive_after_close_with_an_accepted_reason_but_no_code_is_U()
    {
        Assert.Equal("U", ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T("09:30"), null, reasonAccepted: true).Code);
    }

    [Fact]
    public void An_accepted_code_does_not_change_an_arrival_before_close()
    {
        Assert.Equal("L", ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T("09:00"), null, reasonAccepted: true, "M").Code);
        Assert.Equal("/", ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T("08:00"), null, reasonAccepted: true, "M").Code);
    }

    [Fact]
    public void At_a_school_whose_window_does_not_authorise_an_accepted_reason_after_close_is_still_U()
    {
        Assert.False(ArrivalPolicies.HallGreen.Registration.Windows[0].AcceptedReasonAuthorises);
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, SessionOfDay.AM, T("09:11"), null, reasonAccepted: true, "M");
        Assert.Equal("U", outcome.Code);
    }

    [Theory]
    [InlineData("L", "is not an authorised-absence code")]
    [InlineData("U", "is not an authorised-absence code")]
    [InlineData("/", "is not an authorised-absence code")]
    [InlineData("J", "is not a code of the 2024 set")]
    [InlineData("XX", "is not a code of the 2024 set")]
    public void An_accepted_code_that_is_not_an_authorised_absence_code_of_the_2024_set_is_rejected_whenever_given(string code, string why)
    {
        // Rejected even where the arrival is on time and the code would not be used.
        foreach (var time in new[] { "08:00", "09:30" })
        {
            var error = Assert.Throws<ArgumentException>(() =>
                ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionOfDay.AM, T(time), null, reasonAccepted: true, code));
            Assert.Equal("acceptedCode", error.ParamName);
            Assert.Contains($"accepted code '{code}' {why}", error.Message, StringComparison.Ordinal);
            Assert.Contains(" C1 ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(" L ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_table_rejects_an_authorised_code_of_the_2006_set()
    {
        Assert.True(NationalCodeTable.TryFind("M", CodeSet.Regulations2006, out var m2006));
        var table = RegistrationTable.For(ArrivalPolicies.Aycliffe);
        var error = Assert.Throws<ArgumentException>(() => table.Classify(SessionOfDay.AM, T("09:30"), null, true, m2006));
        Assert.Contains("is not a code of the 2024 set", error.Message, StringComparison.Ordinal);
        Assert.Equal("M", table.Classify(SessionOfDay.AM, T("09:30"), null, true, ArrivalClassifier.AuthorisedCode("M")).Code);
    }

    [Theory]
    [InlineData("08:35", new string[0])]
    [InlineData("08:36", new[] { "lunchtime-detention" })]
    [InlineData("09:00", new[] { "lunchtime-detention" })]
    [InlineData("09:01", new[] { "lunchtime-detention", "one-hour-detention" })]
    [InlineData("10:30", new[] { "lunchtime-detention", "one-hour-detention" })]
    public void Stanborough_sanctions_follow_the_arrival_time(string arrival, string[] sanctions)
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Stanborough, SessionOfDay.AM, T(arrival), "9", reasonAccepted: false);
        Assert.Equal(sanctions, outcome.Sanctions.Select(s => s.Id));
    }

    [Theory]
    [InlineData("08:36")]
    [InlineData("09:00")]
    [InlineData("09:01")]
    public void Stanborough_sanctions_do_not_apply_with_an_accepted_reason(string arrival)
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Stanborough, SessionOfDay.AM, T(arrival), "9", reasonAccepted: true);
        Assert.Empty(outcome.Sanctions);
        Assert.True(outcome.IsLate);
    }

    [Fact]
    public void Stanborough_morning_sanctions_do_not_apply_in_the_afternoon()
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Stanborough, SessionOfDay.PM, T("14:00"), "9", reasonAccepted: false);
        Assert.Empty(outcome.Sanctions);
    }

    [Theory]
    [InlineData("hall-green-primary")]
    [InlineData("stanborough")]
    [InlineData("aycliffe-drive-primary")]
    public void A_PM_arrival_at_a_school_with_no_PM_window_has_no_window_and_no_code(string policyId)
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Seed(policyId), SessionOfDay.PM, T("13:30"), "5", reasonAccepted: false);
        Assert.Null(outcome.Window);
        Assert.Null(outcome.Code);
        Assert.Null(outcome.ArrivalCode);
        Assert.Equal(ArrivalStatus.NoWindow, outcome.Status);
        Assert.False(outcome.IsLate);
        Assert.False(outcome.Disagrees);
    }

    [Fact]
    public void Without_a_window_sanctions_still_follow_the_arrival_time()
    {
        // The year-group policy has no afternoon window for year 8, but an unbounded afternoon sanction after 13:10.
        var before = ArrivalClassifier.Classify(ArrivalPolicies.YearGroups, SessionOfDay.PM, T("13:10"), "8", reasonAccepted: false);
        var after = ArrivalClassifier.Classify(ArrivalPolicies.YearGroups, SessionOfDay.PM, T("13:11"), "8", reasonAccepted: false);
        Assert.Null(after.Window);
        Assert.Null(after.Code);
        Assert.Empty(before.Sanctions);
        Assert.Equal(["afternoon-detention"], after.Sanctions.Select(s => s.Id));
    }

    [Theory]
    [InlineData("7", "08:30", "/", "year 7 morning")]
    [InlineData("7", "08:40", "L", "year 7 morning")]
    [InlineData("7", "08:41", "U", "year 7 morning")]
    [InlineData("8", "08:41", "/", "general morning")]
    [InlineData("8", "09:00", "L", "general morning")]
    [InlineData("8", "09:01", "U", "general morning")]
    [InlineData(null, "08:41", "/", "general morning")]
    [InlineData("07", "08:41", "/", "general morning")]
    public void A_window_listing_the_pupils_year_group_wins_over_the_general_one(string? yearGroup, string arrival, string code, string source)
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.YearGroups, SessionOfDay.AM, T(arrival), yearGroup, reasonAccepted: false);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(source, Assert.Single(outcome.Window!.Sources));
    }

    [Theory]
    [InlineData("7", "13:11", "U")]
    [InlineData("8", "13:11", null)]
    [InlineData(null, "13:11", null)]
    public void A_session_with_only_a_year_group_window_has_no_window_for_other_pupils(string? yearGroup, string arrival, string? code)
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.YearGroups, SessionOfDay.PM, T(arrival), yearGroup, reasonAccepted: false);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(code is not null, outcome.Window is not null);
    }

    [Fact]
    public void A_bounded_sanction_applies_only_up_to_and_including_its_until_time_in_both_sessions()
    {
        string[] Ids(SessionOfDay s, string t) =>
            [.. ArrivalClassifier.Classify(ArrivalPolicies.YearGroups, s, T(t), "8", false).Sanctions.Select(x => x.Id)];
        Assert.Empty(Ids(SessionOfDay.AM, "09:00"));
        Assert.Equal(["bounded-detention"], Ids(SessionOfDay.AM, "09:01"));
        Assert.Equal(["bounded-detention"], Ids(SessionOfDay.AM, "09:30"));
        Assert.Empty(Ids(SessionOfDay.AM, "09:31"));
        Assert.Equal(["bounded-detention"], Ids(SessionOfDay.PM, "09:30"));
        // Not exempt with an accepted reason.
        Assert.Equal(["bounded-detention"], ArrivalClassifier.Classify(ArrivalPolicies.YearGroups, SessionOfDay.AM, T("09:15"), "8", true).Sanctions.Select(x => x.Id));
    }

    [Fact]
    public void A_codeless_mark_gets_the_code_its_arrival_gives()
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, SessionMark.Arrived(MondayAm, T("09:00")), "3");
        Assert.Equal("L", outcome.Code);
        Assert.Equal("L", outcome.ArrivalCode);
        Assert.False(outcome.Disagrees);
    }

    [Fact]
    public void A_mark_with_a_code_keeps_it_and_flags_an_arrival_that_gives_another()
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, SessionMark.Create(MondayAm, "/", T("09:20")), "3");
        Assert.Equal("/", outcome.Code);
        Assert.Equal("U", outcome.ArrivalCode);
        Assert.True(outcome.Disagrees);
    }

    [Fact]
    public void A_mark_whose_code_matches_its_arrival_does_not_disagree()
    {
        var late = ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, SessionMark.Create(MondayAm, "L", T("09:00")), "3");
        Assert.False(late.Disagrees);
        Assert.Equal("L", late.Code);
    }

    [Fact]
    public void Morning_and_afternoon_present_marks_agree_with_each_other()
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Willoughby, SessionMark.Create(MondayPm, "/", T("12:50")), "3");
        Assert.Equal("/", outcome.Code);
        Assert.Equal("\\", outcome.ArrivalCode);
        Assert.False(outcome.Disagrees);
    }

    [Fact]
    public void A_mark_uses_its_reason_accepted_fact_for_the_authorised_code_and_the_sanctions()
    {
        var accepted = ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionMark.Create(MondayAm, "M", T("09:05"), MarkFacts.ReasonAccepted), "3");
        Assert.Equal("M", accepted.Code);
        Assert.Equal("M", accepted.ArrivalCode);
        Assert.False(accepted.Disagrees);

        var notAccepted = ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionMark.Create(MondayAm, "M", T("09:05")), "3");
        Assert.Equal("M", notAccepted.Code);
        Assert.Equal("U", notAccepted.ArrivalCode);
        Assert.True(notAccepted.Disagrees);

        var codeless = ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionMark.Arrived(MondayAm, T("09:05"), MarkFacts.ReasonAccepted), "3");
        Assert.Equal("U", codeless.Code);

        Assert.Empty(ArrivalClassifier.Classify(ArrivalPolicies.Stanborough, SessionMark.Arrived(MondayAm, T("09:01"), MarkFacts.ReasonAccepted), "9").Sanctions);
        Assert.Equal(2, ArrivalClassifier.Classify(ArrivalPolicies.Stanborough, SessionMark.Arrived(MondayAm, T("09:01")), "9").Sanctions.Count);
    }

    [Fact]
    public void A_mark_before_the_2024_code_change_agrees_with_its_own_sets_authorised_code()
    {
        var session = Session.Morning(new LocalDate(2024, 3, 4));
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Aycliffe, SessionMark.Create(session, "C", T("09:05"), MarkFacts.ReasonAccepted), null);
        Assert.Equal(CodeSet.Regulations2006, NationalCodeTable.SetInForce(session.Date));
        Assert.Equal("C", outcome.Code);
        Assert.False(outcome.Disagrees);
    }

    [Fact]
    public void A_mark_with_a_code_at_a_session_without_a_window_keeps_its_code_and_does_not_disagree()
    {
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, SessionMark.Create(MondayPm, "L", T("13:30")), "3");
        Assert.Equal("L", outcome.Code);
        Assert.Null(outcome.ArrivalCode);
        Assert.Null(outcome.Window);
        Assert.False(outcome.Disagrees);
    }

    [Fact]
    public void A_mark_without_an_arrival_time_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, SessionMark.Create(MondayAm, "/"), "3"));
        Assert.Equal("mark", error.ParamName);
        Assert.Contains("has no arrival time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tables_struct_result_matches_the_outcome_record()
    {
        var table = RegistrationTable.For(ArrivalPolicies.Stanborough);
        var fast = table.Classify(SessionOfDay.AM, T("09:01"), "9", reasonAccepted: false);
        var outcome = ArrivalClassifier.Classify(ArrivalPolicies.Stanborough, SessionOfDay.AM, T("09:01"), "9", reasonAccepted: false);
        Assert.Equal(outcome, fast.ToOutcome());
        Assert.Equal("U", fast.Code);
        Assert.Equal(outcome.Sanctions, fast.Sanctions);
        Assert.Equal("stanborough", table.PolicyId);
    }

    [Fact]
    public void Classifying_with_a_table_allocates_nothing()
    {
        var table = RegistrationTable.For(ArrivalPolicies.YearGroups);
        var accepted = ArrivalClassifier.AuthorisedCode("M");
        var mark = SessionMark.Create(MondayAm, "/", T("09:20"), MarkFacts.ReasonAccepted);
        var times = new[] { T("08:00"), T("08:35"), T("08:41"), T("09:00"), T("09:15"), T("09:45") };
        var count = 0;
        void Run()
        {
            foreach (var time in times)
            {
                count += table.Classify(SessionOfDay.AM, time, "7", false).Sanctions.Length;
                count += table.Classify(SessionOfDay.PM, time, "8", true, accepted).IsLate ? 1 : 0;
                count += table.Classify(mark, null).Disagrees ? 1 : 0;
            }
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(count > 0);
    }

    [Fact]
    public void A_default_classification_has_no_sanctions_rather_than_failing()
    {
        var none = default(ArrivalClassification);
        Assert.Empty(none.Sanctions);
        Assert.Equal(ArrivalStatus.NoWindow, none.ToOutcome().Status);
    }

    [Fact]
    public void An_unknown_session_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrivalClassifier.Classify(ArrivalPolicies.HallGreen, (SessionOfDay)2, T("09:00"), null, false));
    }

    [Fact]
    public void Outcomes_are_immutable()
    {
        foreach (var property in typeof(ArrivalOutcome).GetProperties())
        {
            Assert.True(property.SetMethod is null, $"ArrivalOutcome.{property.Name} has a setter");
        }

        foreach (var field in typeof(RegistrationTable).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public))
        {
            Assert.True(field.IsInitOnly, $"RegistrationTable.{field.Name} is not readonly");
        }
    }
}

/// <summary>Two arrivals, earlier first, for one policy, session, year group and accepted-reason flag.</summary>
public sealed record ArrivalPair(string PolicyId, SessionOfDay Session, string? YearGroup, bool ReasonAccepted, LocalTime Earlier, LocalTime Later)
{
    public override string ToString() =>
        $"{PolicyId} {Session} year {YearGroup ?? "(none)"} reason {ReasonAccepted}: {Earlier:HH:mm:ss.fffffffff} then {Later:HH:mm:ss.fffffffff}";
}

/// <summary>
/// Random arrival pairs over every policy in policies/ and the year-group policy. Times are a mix of
/// uniform seconds of the day and times at, one nanosecond either side of, and one minute either
/// side of every boundary any policy has (late_after, closes, arrival_after, arrival_until).
/// </summary>
public static class ArrivalArbitraries
{
    private static readonly ImmutableArray<LocalTime> NearBoundaries = Boundaries();

    public static Arbitrary<ArrivalPair> Pairs()
    {
        var policies = ArrivalPolicies.ForProperties;
        var yearGroups = new string?[] { null, "R", "1", "6", "7", "8", "11", "13" };
        var time = Gen.Frequency(
            (1, Gen.Choose(0, 86399).Select(s => LocalTime.FromSecondsSinceMidnight(s))),
            (2, Gen.Elements<LocalTime>(NearBoundaries)));
        var gen = from index in Gen.Choose(0, policies.Length - 1)
                  from session in Gen.Elements(SessionOfDay.AM, SessionOfDay.PM)
                  from yearGroup in Gen.Elements(yearGroups)
                  from reason in Gen.Elements(false, true)
                  from a in time
                  from b in time
                  select new ArrivalPair(policies[index].Id, session, yearGroup, reason, a <= b ? a : b, a <= b ? b : a);
        return gen.ToArbitrary();
    }

    private static ImmutableArray<LocalTime> Boundaries()
    {
        var times = new SortedSet<LocalTime>();
        foreach (var policy in ArrivalPolicies.ForProperties)
        {
            var edges = policy.Registration.Windows.SelectMany(w => w.Closes is { } c ? new[] { w.LateAfter, c } : [w.LateAfter])
                .Concat(policy.Registration.Sanctions.SelectMany(s => s.ArrivalUntil is { } u ? new[] { s.ArrivalAfter, u } : [s.ArrivalAfter]));
            foreach (var edge in edges)
            {
                times.UnionWith([edge, edge.PlusNanoseconds(1), edge.PlusNanoseconds(-1), edge.PlusMinutes(1), edge.PlusMinutes(-1)]);
            }
        }

        return [.. times];
    }
}

/// <summary>
/// Properties of classification over every policy in policies/ (and the year-group policy), for
/// random pairs of arrival times in the same session with the same year group and accepted-reason flag.
/// </summary>
[Properties(Arbitrary = [typeof(ArrivalArbitraries)], MaxTest = 1000)]
public class ArrivalClassifierProperties
{
    private static readonly ImmutableDictionary<string, RegistrationTable> Tables =
        ArrivalPolicies.ForProperties.ToImmutableDictionary(p => p.Id, RegistrationTable.For);

    private static readonly ImmutableDictionary<string, Policy> Policies =
        ArrivalPolicies.ForProperties.ToImmutableDictionary(p => p.Id);

    /// <summary>
    /// The window does not depend on the time, and a later arrival's status is never earlier in the
    /// order on time &lt; late (L) &lt; after close (U or the authorised code): status is monotone
    /// non-decreasing in arrival time.
    /// </summary>
    [Property]
    public bool Status_never_goes_backwards_as_arrival_gets_later(ArrivalPair pair)
    {
        var table = Tables[pair.PolicyId];
        var earlier = table.Classify(pair.Session, pair.Earlier, pair.YearGroup, pair.ReasonAccepted);
        var later = table.Classify(pair.Session, pair.Later, pair.YearGroup, pair.ReasonAccepted);
        return ReferenceEquals(earlier.Window, later.Window)
            && (earlier.Status == ArrivalStatus.NoWindow) == (earlier.Window is null)
            && earlier.Status <= later.Status;
    }

    /// <summary>
    /// Precisely: every sanction WITHOUT an arrival_until that applies to the earlier arrival also
    /// applies to the later one (same session, same accepted-reason flag). Sanctions with an
    /// arrival_until are left out: they stop applying after that time, so the whole set is not monotone.
    /// </summary>
    [Property]
    public bool An_unbounded_sanction_for_an_arrival_applies_to_every_later_arrival(ArrivalPair pair)
    {
        var table = Tables[pair.PolicyId];
        var earlier = table.SanctionsFor(pair.Session, pair.Earlier, pair.ReasonAccepted);
        var later = table.SanctionsFor(pair.Session, pair.Later, pair.ReasonAccepted);
        return earlier.Where(s => s.ArrivalUntil is null).All(later.Contains);
    }

    /// <summary>
    /// The compiled table gives what the rules say read directly off the policy: the window by the
    /// year-group rule, the code by the late_after and closes boundaries, and exactly the sanctions
    /// for which <see cref="LatenessSanction.AppliesTo"/> is true, in the policy's order.
    /// </summary>
    [Property]
    public bool The_table_agrees_with_the_rules_read_directly_off_the_policy(ArrivalPair pair)
    {
        var policy = Policies[pair.PolicyId];
        var accepted = ArrivalClassifier.AuthorisedCode("M");
        foreach (var time in new[] { pair.Earlier, pair.Later })
        {
            var actual = Tables[pair.PolicyId].Classify(pair.Session, time, pair.YearGroup, pair.ReasonAccepted, accepted);
            var windows = policy.Registration.Windows.Where(w => w.Session == pair.Session).ToList();
            var window = windows.FirstOrDefault(w => w.YearGroups.Count > 0 && w.AppliesTo(pair.YearGroup))
                ?? windows.FirstOrDefault(w => w.YearGroups.Count == 0);
            string? code = window is null ? null
                : time <= window.LateAfter ? (pair.Session == SessionOfDay.AM ? "/" : "\\")
                : window.Closes is not { } closes || time <= closes ? "L"
                : pair.ReasonAccepted && window.AcceptedReasonAuthorises ? "M" : "U";
            var sanctions = policy.Registration.Sanctions.Where(s => s.AppliesTo(pair.Session, time, pair.ReasonAccepted));
            if (!ReferenceEquals(window, actual.Window) || code != actual.Code || !sanctions.SequenceEqual(actual.Sanctions))
            {
                return false;
            }
        }

        return true;
    }
}
