using System.Globalization;
using Attendance.Rules.Policies;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// The penalty-notice sequence for one parent and one child: given the notices already issued,
/// which notice (if any) would be next on a date, and at what fine.
/// </summary>
/// <remarks>
/// <para>
/// The period is measured from the <em>first</em> notice of a sequence (decisions.md: "The 3-year
/// limit is measured from the first notice"), not rolled forward from the latest one. Within
/// <see cref="PenaltyNotices.PeriodYears"/> of the first notice, the policy's notices are issued in
/// order (nationally: first £160, £80 if paid within 21 days; second £160, no reduction) and no more
/// than it lists; after the limit, <see cref="PenaltyNotices.AfterLimit"/> applies instead. A notice
/// issued after the period has passed starts a new sequence with a new first notice.
/// </para>
/// <para>
/// "Within N years of the first" <b>includes the anniversary</b>: for a first notice on 10 January
/// 2022 and a 3-year period, a notice on 10 January 2025 is still within the period (a second notice,
/// or none), and 11 January 2025 is the first day of a new sequence. This follows the usual reading
/// of a period "of" or "from" a date in English law (the day of the event is excluded, so the period
/// ends at the end of the anniversary), and errs towards the limit rather than a fresh reduced fine.
/// The anniversary is NodaTime's <see cref="LocalDate.PlusYears(int)"/>: for a first notice on
/// 29 February it is 28 February in a year that is not a leap year.
/// </para>
/// <para>
/// Prior notices are taken as facts, in any order. More notices within one period than the policy
/// lists (for example notices issued before the 2024 limit came in) are counted, and the answer is
/// no notice until the period has passed. Two notices on one date count as two.
/// </para>
/// </remarks>
public static class PenaltyNoticeSequence
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>Decides the next penalty notice for one parent and one child on <paramref name="decisionDate"/>.</summary>
    /// <param name="rules">The policy's penalty-notice sequence, for example <c>policy.PenaltyNotices</c>.</param>
    /// <param name="prior">The notices already issued to this parent for this child, in any order, none after <paramref name="decisionDate"/> (one on that date counts).</param>
    /// <param name="decisionDate">The date the next notice would be issued.</param>
    /// <returns>The next notice and its fine, or no notice and what happens instead; with the period and a one-sentence explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or <paramref name="prior"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rules"/> has a period of less than 1 year.</exception>
    /// <exception cref="ArgumentException">A prior notice is dated after <paramref name="decisionDate"/>; the message names it.</exception>
    public static NextPenaltyNotice Next(PenaltyNotices rules, IEnumerable<PriorPenaltyNotice> prior, LocalDate decisionDate)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(prior);
        var years = rules.PeriodYears;
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), years, $"a penalty-notice period is at least 1 year, got {years}");
        }

        var dates = prior.Select(p => p.IssuedOn).Order().ToList();
        var late = dates.Where(d => d > decisionDate).Distinct().ToList();
        if (late.Count > 0)
        {
            var named = string.Join(", ", late.Take(5).Select(Format)) + (late.Count > 5 ? $" and {late.Count - 5} more" : string.Empty);
            throw new ArgumentException(
                $"a prior penalty notice is dated after the decision date {Format(decisionDate)}: {named}; pass only notices issued on or before the decision date",
                nameof(prior));
        }

        LocalDate? first = null;
        var count = 0;
        foreach (var date in dates)
        {
            if (first is { } f && date <= End(f, years))
            {
                count++;
            }
            else
            {
                first = date;
                count = 1;
            }
        }

        if (first is { } current && decisionDate <= End(current, years))
        {
            return Within(rules, current, count, decisionDate);
        }

        return NewSequence(rules, first, decisionDate);
    }

    private static LocalDate End(LocalDate first, int years) => first.PlusYears(years);

    private static NextPenaltyNotice Within(PenaltyNotices rules, LocalDate first, int count, LocalDate decisionDate)
    {
        var years = rules.PeriodYears;
        var end = End(first, years);
        var limit = rules.Notices.Count;
        var within = $"within {Years(years)} of the first ({Format(first)})";
        if (count < limit)
        {
            var ordinal = count + 1;
            var fine = rules.Notices[count];
            return NextPenaltyNotice.Notice(decisionDate, ordinal, fine, first, end, null, count,
                $"{Ordinal(ordinal)} notice {within}: {Describe(fine)}");
        }

        var already = $"{count} {(count == 1 ? "notice" : "notices")} already {within}";
        var refused = count == limit && limit > 0 ? $"no {Ordinal(limit + 1)} notice" : "no further notice";
        return NextPenaltyNotice.None(decisionDate, rules.AfterLimit, first, end, null, count,
            $"{already}: {refused}; {Instead(rules.AfterLimit)}");
    }

    private static NextPenaltyNotice NewSequence(PenaltyNotices rules, LocalDate? lapsed, LocalDate decisionDate)
    {
        var years = rules.PeriodYears;
        var end = End(decisionDate, years);
        if (rules.Notices.Count == 0)
        {
            return NextPenaltyNotice.None(decisionDate, rules.AfterLimit, decisionDate, end, lapsed, 0,
                $"the policy lists no penalty notices: {Instead(rules.AfterLimit)}");
        }

        var fine = rules.Notices[0];
        var explanation = lapsed is { } l
            ? $"{Years(years)} since the first notice ({Format(l)}) {(years == 1 ? "has" : "have")} passed: a new first notice, {Describe(fine)}"
            : $"no earlier notice: a first notice, {Describe(fine)}";
        return NextPenaltyNotice.Notice(decisionDate, 1, fine, decisionDate, end, lapsed, 0, explanation);
    }

    /// <summary>"another measure, such as prosecution, instead": a parenthetical in the text is closed before "instead".</summary>
    private static string Instead(string afterLimit) =>
        afterLimit.TrimEnd() + (afterLimit.Contains(',', StringComparison.Ordinal) ? ", instead" : " instead");

    private static string Describe(PenaltyNoticeFine fine)
    {
        if (fine.ReducedAmount is not { } reduced)
        {
            return $"{Money(fine.Amount)}, no reduction";
        }

        var when = fine.ReducedIfPaidWithinDays is { } days ? $"if paid within {days} {(days == 1 ? "day" : "days")}" : "if paid early";
        return $"{Money(fine.Amount)} ({Money(reduced)} {when})";
    }

    private static string Money(decimal amount) =>
        "£" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    private static string Years(int years) => years == 1 ? "1 year" : $"{years} years";

    private static string Format(LocalDate date) => IsoDate.Format(date);

    private static string Ordinal(int n)
    {
        string[] words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
        if (n >= 1 && n <= words.Length)
        {
            return words[n - 1];
        }

        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
