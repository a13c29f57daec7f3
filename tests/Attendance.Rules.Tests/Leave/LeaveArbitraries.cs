using Attendance.Rules.Leave;
using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Attendance.Rules.Tests.Leave;

/// <summary>A leave request with the register and calendar it is judged with, under one of the policies.</summary>
public sealed record LeaveCase(LeaveRequest Request, PupilRegister? Register, bool WithCalendar, int PolicyIndex, int Later, int Longer)
{
    public override string ToString() =>
        $"policy #{PolicyIndex}, {Request.Type} {Request.FirstDay:yyyy-MM-dd}..{Request.LastDay:yyyy-MM-dd} asked {Request.RequestedOn:yyyy-MM-dd}, year {Request.YearGroup}, facts [{string.Join(", ", Request.Facts)}], licence [{string.Join(", ", Request.LicenceDates)}], notices [{string.Join(", ", Request.Notices)}], earlier {Request.EarlierRequests.Count}, register {Register?.Marks.Length ?? -1}, calendar {WithCalendar}; later by {Later}, longer by {Longer}";
}

/// <summary>Leave requests of every type, with facts, licences, notices, earlier requests and registers drawn at random.</summary>
public static class LeaveArbitraries
{
    private static readonly LocalDate YearStart = new(2025, 9, 1);

    public static Arbitrary<LeaveCase> Cases()
    {
        var gen =
            from type in Gen.Elements(Enum.GetValues<LeaveType>())
            from start in Gen.Choose(0, 320)
            from length in Gen.Choose(0, 12)
            from notice in Gen.Choose(-3, 60)
            from year in Gen.Elements("R", "5", "6", "7", "8", "10", (string?)null)
            from factMask in Gen.Choose(0, (1 << Enum.GetValues<LeaveFact>().Length) - 1)
            from licence in Gen.Choose(0, 2)
            from noticeDays in Gen.ListOf(Gen.Choose(1, 500))
            from earlier in Gen.ListOf(Gen.Elements(Enum.GetValues<LeaveType>()))
            from registerKind in Gen.Choose(0, 2)
            from seed in Gen.Choose(0, int.MaxValue)
            from calendar in Gen.Elements(true, false)
            from policy in Gen.Choose(0, 100)
            from later in Gen.Choose(1, 40)
            from longer in Gen.Choose(1, 10)
            select Build(type, start, length, notice, year, factMask, licence, noticeDays, earlier, registerKind, seed, calendar, policy, later, longer);
        return gen.ToArbitrary();
    }

    private static LeaveCase Build(LeaveType type, int start, int length, int notice, string? year, int factMask, int licence, IList<int> noticeDays, IList<LeaveType> earlier, int registerKind, int seed, bool calendar, int policy, int later, int longer)
    {
        var first = YearStart.PlusDays(start);
        var last = first.PlusDays(length);
        var facts = Enum.GetValues<LeaveFact>().Where((_, i) => (factMask & (1 << i)) != 0);
        var days = Enumerable.Range(0, length + 1).Select(first.PlusDays).ToList();
        IEnumerable<LocalDate> licenceDates = licence switch { 1 => days, 2 => days.Take(days.Count / 2), _ => [] };
        var notices = noticeDays.Take(3).Select((d, i) => new IssuedNotice(i % 2 == 0 ? NoticeKind.PenaltyNotice : NoticeKind.WarningLetter, first.PlusDays(-d)));
        var earlierRequests = earlier.Take(3).Select((t, i) => new EarlierLeaveRequest(t, first.PlusDays(-20 * (i + 1)), first.PlusDays((-20 * (i + 1)) + 1)));
        var request = LeaveRequest.Create("P1", type, first, last, first.PlusDays(-notice), year, facts, licenceDates, notices, earlierRequests);
        return new LeaveCase(request, registerKind == 0 ? null : RegisterBefore(first, seed, registerKind == 2), calendar, policy, later, longer);
    }

    /// <summary>A year of weekday marks before the first day of leave: present, with illness, truancy and religious observance at random (mostly absent when <paramref name="poor"/>).</summary>
    private static PupilRegister RegisterBefore(LocalDate first, int seed, bool poor)
    {
        var random = new Random(seed);
        var marks = new List<SessionMark>();
        for (var date = first.PlusDays(-400); date < first; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var session in new[] { Session.Morning(date), Session.Afternoon(date) })
            {
                var roll = random.Next(100);
                var code = roll < (poor ? 90 : 97) ? "/" : roll < 98 ? "I" : roll < 99 ? "O" : "R";
                if (date < NodaTime.LocalDate.FromDateTime(new DateTime(2024, 8, 19)) && code == "R")
                {
                    code = "I";
                }

                marks.Add(SessionMark.Create(session, code));
            }
        }

        return PupilRegister.Create("P1", marks, "9");
    }
}
