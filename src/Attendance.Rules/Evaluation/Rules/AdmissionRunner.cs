using System.Globalization;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation.Rules;

/// <summary>
/// A pupil added to the admission register: on the admission date where the register gives one
/// and it is not before the register's first mark (a pupil on roll before the marks begin gets
/// nothing), otherwise at each first session after a <c>Z</c> on which the school was open. Works
/// from the register alone, before the pass, so it costs nothing per session.
/// </summary>
internal sealed class AdmissionRunner(AdmissionRule rule, int order) : RuleRunner(rule, order)
{
    private const int ByAdmissionDate = 0;
    private const int AfterZ = 1;
    private readonly bool[] notOnRoll = Mask(new Policies.CodeSelection(null, Policies.ValueList<string>.From(["Z"])));

    public override void OnRegister(EvaluationRun run)
    {
        var marks = run.Marks;
        if (marks.Length == 0 || marks[0].Session.Date > run.AsOf)
        {
            return;
        }

        if (run.Register.AdmissionDate is { } admitted)
        {
            if (admitted <= run.AsOf && admitted >= marks[0].Session.Date)
            {
                var action = Due(Session.Morning(admitted));
                action.Variant = ByAdmissionDate;
                action.Date1 = admitted;
                Emit(run, action);
            }

            return;
        }

        var afterZ = false;
        var count = Timeline.MarksTo(marks, run.AsOf);
        for (var i = 0; i < count; i++)
        {
            var code = marks[i].Code;
            if (code is not null && notOnRoll[code.Index])
            {
                afterZ = true;
            }
            else if (afterZ && (code is null || code.IsSchoolOpen))
            {
                var action = Due(run, i);
                action.Variant = AfterZ;
                action.Date1 = marks[i].Session.Date;
                Emit(run, action);
                afterZ = false;
            }
        }
    }

    public override string Evidence(in ActionRecord action, EvaluationRun run)
    {
        var what = action.Variant == ByAdmissionDate
            ? $"admitted on {EvaluationRun.Date(action.Date1)} (the admission date)"
            : $"{run.Marks[action.Mark].WithCode(run.Codes[action.Mark])} follows a session marked Z: a new entry to the admission register";
        return rule.WithinDays is { } days
            ? string.Create(CultureInfo.InvariantCulture, $"{what}; due by the end of {EvaluationRun.Date(action.Date1.PlusDays(days))}, the {Ordinal(days)} day after")
            : what;
    }

    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
