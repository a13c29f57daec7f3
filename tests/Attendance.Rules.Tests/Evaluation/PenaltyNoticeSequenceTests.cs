using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Policies;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

public class PenaltyNoticeSequenceTests
{
    private static readonly PenaltyNotices National = PolicyLoader.LoadEmbedded("england-2024").PenaltyNotices
        ?? throw new InvalidOperationException("england-2024 has no penalty_notices");

    private static readonly PenaltyNoticeFine FirstFine = new(160m, 80m, 21, 28);

    private static LocalDate D(string iso) => LocalDate.FromDateTime(DateTime.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static PriorPenaltyNotice[] Prior(params string[] dates) => [.. dates.Select(d => new PriorPenaltyNotice(D(d)))];

    private static NextPenaltyNotice Next(string decision, params string[] prior) =>
        PenaltyNoticeSequence.Next(National, Prior(prior), D(decision));

    [Fact]
    public void The_national_policy_lists_the_2024_fines()
    {
        Assert.Equal(2, National.Notices.Count);
        Assert.Equal(FirstFine, National.Notices[0]);
        Assert.Equal(new PenaltyNoticeFine(160m, null, null, 28), National.Notices[1]);
        Assert.Equal(3, National.PeriodYears);
        Assert.Equal("another measure, such as prosecution", National.AfterLimit);
    }

    [Fact]
    public void No_prior_notice_gives_a_first_notice_of_160_reduced_to_80_within_21_days_28_days_to_pay()
    {
        var next = Next("2025-03-03");

        Assert.True(next.HasNotice);
        Assert.Equal(1, next.Ordinal);
        Assert.Equal(160m, next.Fine!.Amount);
        Assert.Equal(80m, next.Fine.ReducedAmount);
        Assert.Equal(21, next.Fine.ReducedIfPaidWithinDays);
        Assert.Equal(28, next.Fine.PayWithinDays);
        Assert.Null(next.AfterLimit);
        Assert.True(next.StartsNewSequence);
        Assert.Equal(0, next.PriorNoticesInPeriod);
        Assert.Null(next.LapsedPeriodStart);
        Assert.Equal(D("2025-03-03"), next.PeriodStart);
        Assert.Equal(D("2028-03-03"), next.PeriodEnd);
        Assert.Equal("no earlier notice: a first notice, £160 (£80 if paid within 21 days)", next.Explanation);
    }

    [Fact]
    public void One_prior_notice_gives_a_second_notice_of_160_with_no_reduction()
    {
        var next = Next("2025-06-02", "2025-01-10");

        Assert.Equal(2, next.Ordinal);
        Assert.Equal(160m, next.Fine!.Amount);
        Assert.Null(next.Fine.ReducedAmount);
        Assert.Null(next.Fine.ReducedIfPaidWithinDays);
        Assert.Equal(28, next.Fine.PayWithinDays);
        Assert.False(next.StartsNewSequence);
        Assert.Equal(1, next.PriorNoticesInPeriod);
        Assert.Equal(D("2025-01-10"), next.PeriodStart);
        Assert.Equal(D("2028-01-10"), next.PeriodEnd);
        Assert.Equal("second notice within 3 years of the first (2025-01-10): £160, no reduction", next.Explanation);
    }

    [Fact]
    public void Two_prior_notices_within_3_years_give_no_notice_but_another_measure()
    {
        var next = Next("2026-03-02", "2025-01-10", "2025-09-15");

        Assert.False(next.HasNotice);
        Assert.Null(next.Ordinal);
        Assert.Null(next.Fine);
        Assert.Equal("another measure, such as prosecution", next.AfterLimit);
        Assert.Equal(2, next.PriorNoticesInPeriod);
        Assert.Equal(D("2025-01-10"), next.PeriodStart);
        Assert.Equal(D("2028-01-10"), next.PeriodEnd);
        Assert.Equal(
            "2 notices already within 3 years of the first (2025-01-10): no third notice; another measure, such as prosecution, instead",
            next.Explanation);
    }

    [Theory]
    [InlineData("2025-01-09", 2)] // the day before the anniversary: within
    [InlineData("2025-01-10", 2)] // the anniversary itself: within (inclusive)
    [InlineData("2025-01-11", 1)] // the day after: a new sequence
    public void Three_years_from_the_first_notice_include_the_anniversary(string decision, int ordinal)
    {
        var next = Next(decision, "2022-01-10");

        Assert.Equal(ordinal, next.Ordinal);
        Assert.Equal(ordinal == 1, next.StartsNewSequence);
        Assert.Equal(ordinal == 1 ? D(decision) : D("2022-01-10"), next.PeriodStart);
    }

    [Theory]
    [InlineData("2025-01-09", false)]
    [InlineData("2025-01-10", false)]
    [InlineData("2025-01-11", true)]
    public void After_two_notices_a_new_first_notice_is_possible_only_the_day_after_the_anniversary(string decision, bool notice)
    {
        var next = Next(decision, "2022-01-10", "2023-05-02");

        Assert.Equal(notice, next.HasNotice);
        Assert.Equal(notice ? 1 : (int?)null, next.Ordinal);
        Assert.Equal(D("2025-01-10"), Next("2024-06-03", "2022-01-10", "2023-05-02").PeriodEnd);
    }

    [Theory]
    [InlineData("2025-01-09", false)]
    [InlineData("2025-01-10", false)]
    [InlineData("2025-01-11", true)]
    public void A_prior_notice_on_the_anniversary_belongs_to_the_sequence_and_one_after_starts_a_new_one(string secondIssued, bool startedNewSequence)
    {
        var next = Next("2025-02-03", "2022-01-10", secondIssued);

        if (startedNewSequence)
        {
            Assert.Equal(2, next.Ordinal);
            Assert.Equal(D(secondIssued), next.PeriodStart);
            Assert.Equal($"second notice within 3 years of the first ({secondIssued}): £160, no reduction", next.Explanation);
        }
        else
        {
            // 2025-02-03 is after the first notice's period, so the answer is a new first notice either way;
            // what differs is which notice the lapsed period began with.
            Assert.Equal(1, next.Ordinal);
            Assert.Equal(D("2022-01-10"), next.LapsedPeriodStart);
        }
    }

    [Fact]
    public void A_new_first_notice_after_3_years_says_which_period_has_passed()
    {
        var next = Next("2025-02-03", "2022-01-10", "2023-05-02");

        Assert.Equal(1, next.Ordinal);
        Assert.Equal(FirstFine, next.Fine);
        Assert.True(next.StartsNewSequence);
        Assert.Equal(D("2022-01-10"), next.LapsedPeriodStart);
        Assert.Equal(D("2025-02-03"), next.PeriodStart);
        Assert.Equal(D("2028-02-03"), next.PeriodEnd);
        Assert.Equal(
            "3 years since the first notice (2022-01-10) have passed: a new first notice, £160 (£80 if paid within 21 days)",
            next.Explanation);
    }

    [Fact]
    public void A_new_sequence_has_its_own_second_notice_and_limit()
    {
        // 2020-03-02 and 2021-06-01 form one sequence; 2023-04-03 is after 2023-03-02, so it is a new first notice.
        string[] prior = ["2020-03-02", "2021-06-01", "2023-04-03"];

        var second = Next("2024-01-08", prior);
        Assert.Equal(2, second.Ordinal);
        Assert.Equal(D("2023-04-03"), second.PeriodStart);
        Assert.Equal("second notice within 3 years of the first (2023-04-03): £160, no reduction", second.Explanation);

        var none = Next("2024-09-09", [.. prior, "2024-01-08"]);
        Assert.False(none.HasNotice);
        Assert.Equal(D("2023-04-03"), none.PeriodStart);
    }

    [Fact]
    public void The_period_is_measured_from_the_first_notice_not_the_latest()
    {
        // From the latest notice (2024-12-02) this would be a third notice within 3 years, refused;
        // from the first (2022-01-10) the period ended on 2025-01-10.
        var next = Next("2025-02-03", "2022-01-10", "2024-12-02");

        Assert.Equal(1, next.Ordinal);
        Assert.Equal(D("2022-01-10"), next.LapsedPeriodStart);
    }

    [Theory]
    [InlineData("2027-02-27", 2)]
    [InlineData("2027-02-28", 2)]
    [InlineData("2027-03-01", 1)]
    public void The_anniversary_of_a_29_February_notice_is_28_February(string decision, int ordinal)
    {
        var next = Next(decision, "2024-02-29");

        Assert.Equal(ordinal, next.Ordinal);
        Assert.Equal(D(ordinal == 2 ? "2027-02-28" : "2030-03-01"), next.PeriodEnd);
    }

    [Fact]
    public void A_prior_notice_on_the_decision_date_counts()
    {
        Assert.Equal(2, Next("2025-01-10", "2025-01-10").Ordinal);
    }

    [Fact]
    public void Prior_notices_may_come_in_any_order()
    {
        var ordered = Next("2026-03-02", "2022-01-10", "2023-05-02", "2025-02-03");
        var unordered = Next("2026-03-02", "2025-02-03", "2022-01-10", "2023-05-02");

        Assert.Equal(2, ordered.Ordinal);
        Assert.Equal(D("2025-02-03"), ordered.PeriodStart);
        Assert.Equal(ordered, unordered);
    }

    [Fact]
    public void A_prior_notice_after_the_decision_date_is_an_argument_error_naming_its_date()
    {
        var ex = Assert.Throws<ArgumentException>(() => Next("2025-03-01", "2025-01-10", "2025-03-02"));

        Assert.Equal("prior", ex.ParamName);
        Assert.Contains("2025-03-02", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-03-01", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-01-10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_notices_in_a_period_than_the_policy_lists_are_counted_and_refuse_a_further_one()
    {
        // Notices from before the 2024 limit, say: three within 3 years of the first.
        var next = Next("2022-06-01", "2020-09-07", "2021-03-01", "2022-01-10");

        Assert.False(next.HasNotice);
        Assert.Equal(3, next.PriorNoticesInPeriod);
        Assert.Equal(
            "3 notices already within 3 years of the first (2020-09-07): no further notice; another measure, such as prosecution, instead",
            next.Explanation);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => PenaltyNoticeSequence.Next(null!, [], D("2025-01-10")));
        Assert.Throws<ArgumentNullException>(() => PenaltyNoticeSequence.Next(National, null!, D("2025-01-10")));
    }

    [Fact]
    public void A_period_of_less_than_a_year_is_refused()
    {
        var rules = National with { PeriodYears = 0 };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PenaltyNoticeSequence.Next(rules, [], D("2025-01-10")));
        Assert.Equal("rules", ex.ParamName);
    }

    [Fact]
    public void A_policy_with_no_notices_never_gives_one()
    {
        var rules = National with { Notices = ValueList<PenaltyNoticeFine>.Empty, AfterLimit = "prosecution" };

        var next = PenaltyNoticeSequence.Next(rules, [], D("2025-01-10"));

        Assert.False(next.HasNotice);
        Assert.Equal("the policy lists no penalty notices: prosecution instead", next.Explanation);
    }

    [Fact]
    public void A_one_year_period_and_odd_amounts_read_naturally()
    {
        var rules = new PenaltyNotices(
            ValueList.Of(new PenaltyNoticeFine(1250.5m, 600m, 1, 28), new PenaltyNoticeFine(90m, 45m, null, null)),
            1, "alternative action", ValueList<SupersededFines>.Empty, ValueList<string>.Empty);

        Assert.Equal("no earlier notice: a first notice, £1,250.50 (£600 if paid within 1 day)",
            PenaltyNoticeSequence.Next(rules, [], D("2025-01-10")).Explanation);
        Assert.Equal("second notice within 1 year of the first (2025-01-10): £90 (£45 if paid early)",
            PenaltyNoticeSequence.Next(rules, Prior("2025-01-10"), D("2025-06-02")).Explanation);
        Assert.Equal("2 notices already within 1 year of the first (2025-01-10): no third notice; alternative action instead",
            PenaltyNoticeSequence.Next(rules, Prior("2025-01-10", "2025-06-02"), D("2025-09-01")).Explanation);
        Assert.Equal("1 year since the first notice (2025-01-10) has passed: a new first notice, £1,250.50 (£600 if paid within 1 day)",
            PenaltyNoticeSequence.Next(rules, Prior("2025-01-10", "2025-06-02"), D("2026-01-12")).Explanation);
    }

    [Fact]
    public void An_earlier_notice_can_move_the_current_sequence_later_and_lower_the_ordinal()
    {
        // The case the property below allows for. Without 2019-01-07: 2021-01-04 is the first and
        // 2022-06-01 the second, so no third. With it: 2019-01-07 and 2021-01-04 form one sequence,
        // 2022-06-01 (after 2022-01-07) starts the next, and a second notice is possible.
        var without = Next("2023-06-01", "2021-01-04", "2022-06-01");
        var with = Next("2023-06-01", "2019-01-07", "2021-01-04", "2022-06-01");

        Assert.Null(without.Ordinal);
        Assert.Equal(2, with.Ordinal);
        Assert.True(with.PeriodStart > without.PeriodStart);
    }

    [Fact]
    public void Results_are_immutable_and_compare_by_value()
    {
        foreach (var property in typeof(NextPenaltyNotice).GetProperties())
        {
            Assert.True(property.SetMethod is null, $"NextPenaltyNotice.{property.Name} has a setter");
        }

        Assert.Empty(typeof(NextPenaltyNotice).GetConstructors());
        Assert.True(typeof(PriorPenaltyNotice).IsValueType);
        Assert.NotNull(typeof(PriorPenaltyNotice).GetCustomAttributes(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute), false).SingleOrDefault());
        Assert.Equal(Next("2025-06-02", "2025-01-10"), Next("2025-06-02", "2025-01-10"));
        Assert.NotEqual(Next("2025-06-02", "2025-01-10"), Next("2025-06-03", "2025-01-10"));
    }

    [Fact]
    public void Aycliffe_Drive_uses_the_national_amounts_not_its_superseded_60_and_120()
    {
        var aycliffe = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, "aycliffe-drive-primary.yaml")).PenaltyNotices;

        Assert.NotNull(aycliffe);
        Assert.Contains(aycliffe.Superseded, s => s.Amounts.Contains(60m) && s.Amounts.Contains(120m));
        Assert.Equal(National.Notices, aycliffe.Notices);

        var first = PenaltyNoticeSequence.Next(aycliffe, [], D("2025-10-06"));
        var second = PenaltyNoticeSequence.Next(aycliffe, Prior("2025-10-06"), D("2026-02-02"));
        var third = PenaltyNoticeSequence.Next(aycliffe, Prior("2025-10-06", "2026-02-02"), D("2026-06-01"));
        Assert.Equal(FirstFine, first.Fine);
        Assert.Equal(160m, second.Fine!.Amount);
        Assert.Null(second.Fine.ReducedAmount);
        Assert.False(third.HasNotice);
        foreach (var next in new[] { first, second })
        {
            Assert.DoesNotContain("£60", next.Explanation, StringComparison.Ordinal);
            Assert.DoesNotContain("£120", next.Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> SchoolPolicies()
    {
        var files = new TheoryData<string>();
        foreach (var path in RepositoryPaths.SchoolPolicies())
        {
            files.Add(Path.GetFileName(path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SchoolPolicies))]
    public void Every_school_has_the_national_sequence_inherited_or_restated(string file)
    {
        var school = PolicyLoader.Load(Path.Combine(RepositoryPaths.Policies, file)).PenaltyNotices;

        Assert.NotNull(school);
        Assert.Equal(National.Notices, school.Notices);
        Assert.Equal(National.PeriodYears, school.PeriodYears);
        string[][] histories = [[], ["2025-01-10"], ["2025-01-10", "2025-06-02"], ["2021-01-11", "2022-02-07"]];
        foreach (var prior in histories)
        {
            var expected = Next("2025-09-01", prior);
            var actual = PenaltyNoticeSequence.Next(school, Prior(prior), D("2025-09-01"));
            Assert.Equal(expected.Ordinal, actual.Ordinal);
            Assert.Equal(expected.Fine, actual.Fine);
            Assert.Equal(expected.PeriodStart, actual.PeriodStart);
        }
    }
}

/// <summary>A penalty-notice history to test against: a policy's sequence, the notices on file, a decision date, and one more notice on or before it.</summary>
public sealed record NoticeHistory(PenaltyNotices Rules, ValueList<LocalDate> Prior, LocalDate Decision, LocalDate Added)
{
    public IEnumerable<PriorPenaltyNotice> PriorNotices => Prior.Select(d => new PriorPenaltyNotice(d));

    public override string ToString() =>
        $"rules: {Rules.Notices.Count} notices in {Rules.PeriodYears} years; prior: {Prior}; decision: {Decision:uuuu-MM-dd}; added: {Added:uuuu-MM-dd}";
}

/// <summary>
/// Histories over 2015–2030 with up to (size / 5 + 1) prior notices, for the national sequence or a
/// random one; decision dates and the added notice land on or next to an anniversary a third of the time.
/// </summary>
public static class NoticeHistoryArbitraries
{
    private static readonly LocalDate Origin = new(2015, 1, 5);

    public static Arbitrary<NoticeHistory> Histories() =>
        Gen.Sized(size =>
            from rules in RulesGen()
            from count in Gen.Choose(0, Math.Min(size / 5 + 1, 8))
            from offsets in Gen.Choose(0, 4000).ListOf(count)
            let prior = offsets.Select(o => Origin.PlusDays(o)).ToList()
            let latest = prior.Count == 0 ? Origin : prior.Max()
            from decision in DateOnOrAfter(latest, prior, rules.PeriodYears)
            from added in DateOnOrBefore(decision, prior, rules.PeriodYears)
            select new NoticeHistory(rules, prior.ToValueList(), decision, added))
        .ToArbitrary();

    private static Gen<PenaltyNotices> RulesGen()
    {
        var national = PolicyLoader.LoadEmbedded("england-2024").PenaltyNotices!;
        var fine = from amount in Gen.Elements(60m, 90m, 120m, 160m, 175.5m)
                   from reduced in Gen.Elements<decimal?>(null, 30m, 50m, 80m)
                   from days in Gen.Elements<int?>(null, 14, 21)
                   select new PenaltyNoticeFine(amount, reduced, reduced is null ? null : days, 28);
        var random = from notices in Gen.Choose(0, 4).SelectMany(n => fine.ListOf(n))
                     from years in Gen.Choose(1, 5)
                     select national with { Notices = notices.ToValueList(), PeriodYears = years };
        return Gen.Frequency((1, Gen.Constant(national)), (1, random));
    }

    private static Gen<LocalDate> NearAnniversary(List<LocalDate> prior, int years) =>
        from first in Gen.Elements<LocalDate>(prior.ToArray())
        from shift in Gen.Choose(-1, 1)
        select first.PlusYears(years).PlusDays(shift);

    private static Gen<LocalDate> DateOnOrAfter(LocalDate latest, List<LocalDate> prior, int years)
    {
        var anyAfter = Gen.Choose(0, 2500).Select(latest.PlusDays);
        return prior.Count == 0
            ? anyAfter
            : Gen.Frequency((2, anyAfter), (1, NearAnniversary(prior, years).Select(d => d < latest ? latest : d)));
    }

    private static Gen<LocalDate> DateOnOrBefore(LocalDate decision, List<LocalDate> prior, int years)
    {
        var span = Period.Between(Origin.PlusDays(-400), decision, PeriodUnits.Days).Days;
        var anyBefore = Gen.Choose(0, span).Select(decision.PlusDays(-span).PlusDays);
        return prior.Count == 0
            ? anyBefore
            : Gen.Frequency((2, anyBefore), (1, NearAnniversary(prior, years).Select(d => d > decision ? decision : d)));
    }
}

[Properties(Arbitrary = [typeof(NoticeHistoryArbitraries)], MaxTest = 500)]
public class PenaltyNoticeSequenceProperties
{
    private static NextPenaltyNotice Next(NoticeHistory h) => PenaltyNoticeSequence.Next(h.Rules, h.PriorNotices, h.Decision);

    private static NextPenaltyNotice NextWithAdded(NoticeHistory h) =>
        PenaltyNoticeSequence.Next(h.Rules, h.PriorNotices.Append(new PriorPenaltyNotice(h.Added)), h.Decision);

    /// <summary>No notice ranks after every notice: it is what comes after the last one.</summary>
    private static int Rank(NextPenaltyNotice n) => n.Ordinal ?? int.MaxValue;

    /// <summary>
    /// Adding a prior notice (on or before the decision date) never lowers the next notice's ordinal
    /// (no notice counting as higher than any) unless the current sequence now begins later: the
    /// added notice, earlier than the old sequence's first, re-partitions the history so that a
    /// later notice becomes the first of the current sequence, or the current period lapses and the
    /// next notice starts a new one. And the sequence can begin later only when the added notice is
    /// before the old sequence's first.
    /// </summary>
    [Property]
    public Property Adding_a_prior_notice_never_lowers_the_ordinal_unless_the_current_sequence_begins_later(NoticeHistory h)
    {
        var before = Next(h);
        var after = NextWithAdded(h);
        var later = after.PeriodStart > before.PeriodStart;
        var holds = (later || Rank(after) >= Rank(before)) && (!later || h.Added < before.PeriodStart);
        return holds.Label($"before: {before}; after: {after}")
            .Classify(later, "sequence begins later")
            .Classify(Rank(after) < Rank(before), "ordinal lowered");
    }

    [Property]
    public bool The_fine_is_the_policys_notice_at_the_ordinal_or_there_is_none(NoticeHistory h)
    {
        var next = Next(h);
        var amounts = h.Rules.Notices.Select(n => n.Amount).ToHashSet();
        return next.Fine is { } fine
            ? next.Ordinal is { } o && o >= 1 && o <= h.Rules.Notices.Count && fine == h.Rules.Notices[o - 1]
              && amounts.Contains(fine.Amount) && next.AfterLimit is null && next.PriorNoticesInPeriod == o - 1
            : next.Ordinal is null && next.AfterLimit == h.Rules.AfterLimit && next.PriorNoticesInPeriod >= h.Rules.Notices.Count;
    }

    [Property]
    public bool The_decision_date_is_within_the_period_which_runs_from_its_first_notice(NoticeHistory h)
    {
        var next = Next(h);
        return next.PeriodStart <= h.Decision && h.Decision <= next.PeriodEnd
            && next.PeriodEnd == next.PeriodStart.PlusYears(h.Rules.PeriodYears)
            && (next.StartsNewSequence
                ? next.PeriodStart == h.Decision
                : h.Prior.Contains(next.PeriodStart) && h.Prior.Count(d => d >= next.PeriodStart) == next.PriorNoticesInPeriod);
    }

    [Property]
    public bool The_order_of_prior_notices_does_not_matter(NoticeHistory h, int seed)
    {
        var shuffled = h.Prior.ToArray();
        new Random(seed).Shuffle(shuffled);
        return PenaltyNoticeSequence.Next(h.Rules, shuffled.Select(d => new PriorPenaltyNotice(d)), h.Decision) == Next(h);
    }

    [Property]
    public bool The_explanation_names_the_amount_or_what_happens_instead(NoticeHistory h)
    {
        var next = Next(h);
        return next.Fine is { } fine
            ? next.Explanation.Contains("£" + fine.Amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : next.Explanation.Contains(h.Rules.AfterLimit, StringComparison.Ordinal);
    }
}
