using Attendance.Rules.Codes;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Registers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Attendance.Rules.Tests.Evaluation;

/// <summary>Random registers across the 2024 code change: each mark a random code valid on its date.</summary>
public static class RegisterArbitraries
{
    private static readonly LocalDate First = new(2023, 9, 4);
    private const int Days = 700;

    public static Arbitrary<PupilRegister> Registers()
    {
        var mark = from day in Gen.Choose(0, Days)
                   from part in Gen.Elements(SessionOfDay.AM, SessionOfDay.PM)
                   from pick in Gen.Choose(0, 1000)
                   select MarkFor(First.PlusDays(day), part, pick);
        var gen = mark.ListOf().Select(marks => PupilRegister.Create("p1",
            marks.GroupBy(m => m.Session).Select(g => g.First())));
        return gen.ToArbitrary();
    }

    /// <summary>Mostly present, like a real register, with every code of the date's set possible.</summary>
    internal static SessionMark MarkFor(LocalDate date, SessionOfDay part, int pick)
    {
        var codes = NationalCodeTable.ValidOn(date);
        var code = pick < 600 ? (part == SessionOfDay.AM ? "/" : "\\") : codes[pick % codes.Length].Code;
        return SessionMark.Create(new Session(date, part), code);
    }
}

[Properties(Arbitrary = [typeof(RegisterArbitraries)], MaxTest = 200)]
public class AttendanceFiguresProperties
{
    private static readonly DateInterval All = new(new LocalDate(2023, 8, 1), new LocalDate(2025, 12, 31));

    private static AttendanceFigures Figures(PupilRegister r) => AttendanceFigures.For(r, All);

    [Property]
    public bool Attendance_and_absence_make_up_the_possible_sessions(PupilRegister register)
    {
        var f = Figures(register);
        return f.PossibleSessions == 0
            ? f.AttendancePercent is null && f.AbsencePercent is null
            : f.AttendedSessions + f.AbsenceSessions == f.PossibleSessions
              && Math.Abs(f.AttendancePercent!.Value + f.AbsencePercent!.Value - 100m) <= 0.01m;
    }

    [Property]
    public bool Severe_absence_implies_persistent_absence(PupilRegister register)
    {
        var f = Figures(register);
        return !f.IsSevereAbsence || f.IsPersistentAbsence;
    }

    [Property]
    public bool Adding_a_present_mark_never_raises_absence(PupilRegister register)
    {
        var before = Figures(register);
        var free = FreeSession(register);
        var after = Figures(register.WithMarks([SessionMark.Create(free, free.Part == SessionOfDay.AM ? "/" : "\\")]));
        // absence/possible never rises: after.Absent * before.Possible <= before.Absent * after.Possible
        return after.AbsenceSessions == before.AbsenceSessions
            && (long)after.AbsenceSessions * before.PossibleSessions <= (long)before.AbsenceSessions * after.PossibleSessions
            && after.PossibleSessions == before.PossibleSessions + 1;
    }

    [Property]
    public bool Turning_an_authorised_absence_unauthorised_moves_one_session(PupilRegister register)
    {
        var index = register.Marks.IndexOf(register.Marks.FirstOrDefault(m => m.Code!.IsAuthorisedAbsence));
        if (index < 0)
        {
            return true;
        }

        var mark = register.Marks[index];
        var changed = PupilRegister.Create(register.PupilId, register.Marks.SetItem(index, SessionMark.Create(mark.Session, "O")));
        var before = Figures(register);
        var after = Figures(changed);
        return after.AbsencePercent == before.AbsencePercent
            && after.UnauthorisedAbsenceSessions == before.UnauthorisedAbsenceSessions + 1
            && after.AuthorisedAbsenceSessions == before.AuthorisedAbsenceSessions - 1;
    }

    [Property]
    public bool Figures_do_not_depend_on_the_order_marks_were_given_in(PupilRegister register, int seed)
    {
        var shuffled = register.Marks.OrderBy(_ => new Random(seed).Next()).ToArray();
        new Random(seed).Shuffle(shuffled);
        return Figures(PupilRegister.Create(register.PupilId, shuffled)) == Figures(register);
    }

    private static Session FreeSession(PupilRegister register)
    {
        var session = Session.Morning(new LocalDate(2025, 9, 1));
        while (register.Marks.Any(m => m.Session == session))
        {
            session = session.Next;
        }

        return session;
    }
}
