using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>The timeline against a day-by-day reading of the register and the calendar.</summary>
[Properties(Arbitrary = [typeof(EvaluationArbitraries)], MaxTest = 100)]
public class TimelineProperties
{
    [Property]
    public void With_a_calendar_the_days_are_the_marked_days_and_the_calendar_s_school_days_from_the_first_mark(RegisterCase c)
    {
        var calendar = EvaluationArbitraries.Calendar;
        var timeline = new Timeline();
        timeline.Fill(c.Register.Marks.AsSpan(), c.AsOf, calendar);

        var marked = c.Register.Marks.Select(m => m.Session.Date).Where(d => d <= c.AsOf).ToHashSet();
        var expected = new List<LocalDate>();
        if (marked.Count > 0)
        {
            for (var d = marked.Min(); d <= c.AsOf; d = d.PlusDays(1))
            {
                if (marked.Contains(d) || calendar.IsSchoolDay(d))
                {
                    expected.Add(d);
                }
            }
        }

        Assert.Equal(expected, timeline.Dates.Take(timeline.Count));
        for (var i = 0; i < timeline.Count; i++)
        {
            var d = timeline.Dates[i];
            var marks = c.Register.Marks.Where(m => m.Session.Date == d).ToList();
            // The register outranks the calendar for the days it marks (decisions.md, "Calendar and school weeks").
            var schoolDay = marks.Count == 0 ? calendar.IsSchoolDay(d) : marks.Any(m => m.Code?.IsSchoolOpen ?? true);
            Assert.Equal(schoolDay, timeline.SchoolDay[i]);
        }
    }

    [Property]
    public void A_calendar_s_school_days_are_its_weekdays_in_term_that_are_not_closures(int seed)
    {
        var calendar = EvaluationArbitraries.Calendar;
        var first = calendar.Terms[0].Start;
        var last = calendar.Terms[^1].End;
        var random = new Random(seed);
        var date = first.PlusDays(random.Next(Period.DaysBetween(first, last) + 1));

        var index = calendar.FirstSchoolDayFrom(date);
        var next = date;
        while (next <= last && !calendar.IsSchoolDay(next))
        {
            next = next.PlusDays(1);
        }

        if (next > last)
        {
            Assert.Equal(calendar.SchoolDays.Length, index);
        }
        else
        {
            Assert.Equal(next, calendar.SchoolDays[index]);
            Assert.Equal(calendar.TermIndex(next), calendar.SchoolDayTerms[index]);
        }
    }
}
