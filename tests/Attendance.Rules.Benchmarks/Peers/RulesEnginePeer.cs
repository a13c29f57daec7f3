using System.Globalization;
using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;
using NodaTime;
using RulesEngine.Models;
using Rule = RulesEngine.Models.Rule;
using Workflow = RulesEngine.Models.Workflow;

namespace Attendance.Rules.Benchmarks.Peers;

/// <summary>What the RulesEngine peer gives for one register: the covered actions and the flags as of the evaluation date.</summary>
/// <param name="Actions">The covered rules' actions, in the order they fell due.</param>
/// <param name="Persistent">The persistent absence flag as of the evaluation date.</param>
/// <param name="Severe">The severe absence flag as of the evaluation date.</param>
public sealed record RulesEngineResult(IReadOnlyList<PeerAction> Actions, bool Persistent, bool Severe);

/// <summary>
/// Microsoft's RulesEngine run as an MIS vendor would run it to get the engine's dated actions for
/// the rules it can express (<see cref="RulesEngineCoverage"/>): the rules are a RulesEngine workflow
/// of lambda expressions over the running counts (<see cref="SessionFigures"/>); the vendor's code
/// walks the register session by session (the engine dates an action to the session at whose end
/// its condition first held, so each school day is evaluated after each of its two sessions),
/// keeps the running counts and the penalty-notice window, calls
/// <c>ExecuteAllRulesAsync</c> with them, and applies the repeat and once-per-year gating and the
/// compulsory-age filter to the rules that succeed. Codes only (no arrival times), no calendar
/// (school days and weeks are those with a school-open mark), like the reference evaluator.
/// Not thread-safe: one instance per thread.
/// </summary>
public sealed class RulesEnginePeer
{
    private const string PersistentRule = "flag:persistent";
    private const string SevereRule = "flag:severe";
    private const string Stage1Rule = "stage:1";
    private const string Stage2Rule = "stage:2";

    private readonly RulesEngine.RulesEngine engine;
    private readonly string workflowName;
    private readonly RulesEngineCoverage coverage;

    /// <summary>Builds the workflow for a policy's covered rules.</summary>
    /// <param name="policy">The policy.</param>
    public RulesEnginePeer(Policy policy)
    {
        coverage = RulesEngineCoverage.Of(policy);
        workflowName = policy.Id;
        Workflow = new Workflow { WorkflowName = workflowName, Rules = BuildRules(coverage).ToList() };
        engine = new RulesEngine.RulesEngine([Workflow], new ReSettings());
    }

    /// <summary>The workflow handed to RulesEngine (one rule per covered rule, stage and flag).</summary>
    public Workflow Workflow { get; }

    /// <summary>What the workflow covers.</summary>
    public RulesEngineCoverage Coverage => coverage;

    /// <summary>Evaluates a register of codes only as of a date.</summary>
    /// <param name="register">The register (no arrival times).</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The covered actions and the flags.</returns>
    public RulesEngineResult Evaluate(PupilRegister register, LocalDate asOf)
    {
        var policy = coverage.Policy;
        var actions = new List<PeerAction>();
        var compulsory = register.YearGroup is null || policy.CompulsoryYearGroups.Count == 0 || policy.CompulsoryYearGroups.Contains(register.YearGroup);
        var marks = register.Marks;
        var schoolDays = new HashSet<LocalDate>();
        foreach (var m in marks)
        {
            if (m.Session.Date <= asOf && m.Code!.IsSchoolOpen)
            {
                schoolDays.Add(m.Session.Date);
            }
        }

        var percentages = coverage.Percentages;
        var held = new bool[percentages.Count];
        var firedIn = new AcademicYear?[percentages.Count];
        AcademicYear? year = null;
        int attended = 0, possible = 0, absent = 0;
        LocalDate? stage1 = null, stage2 = null;
        var weeks = new List<LocalDate>();
        var pending = new List<LocalDate>(); // the Monday of each threshold session not yet counted
        bool persistent = false, severe = false;
        foreach (var m in marks)
        {
            var date = m.Session.Date;
            if (date > asOf)
            {
                break;
            }

            var code = m.Code!;
            var y = AcademicYear.Containing(date);
            if (y != year)
            {
                // Year-to-date conditions lapse on 1 August; stages restart.
                year = y;
                attended = possible = absent = 0;
                Array.Clear(held);
                stage1 = stage2 = null;
            }

            if (code.IsPossibleSession)
            {
                possible++;
                attended += code.IsAttendance ? 1 : 0;
                absent += code.IsAbsence ? 1 : 0;
            }

            var monday = date.PlusDays(1 - (int)date.DayOfWeek);
            var windowStart = monday;
            if (coverage.Threshold is { } threshold)
            {
                if (CountsForThreshold(threshold, m, stage1, stage2))
                {
                    pending.Add(monday);
                }

                if (code.IsSchoolOpen && (weeks.Count == 0 || weeks[^1] != monday))
                {
                    weeks.Add(monday);
                }

                // The rolling window: the latest N school weeks, this session's week among them.
                var n = threshold.Window.SchoolWeeks;
                var count = weeks.Count + (weeks.Count > 0 && weeks[^1] == monday ? 0 : 1);
                var firstIndex = count - n;
                windowStart = firstIndex <= 0 ? LocalDate.MinIsoValue : weeks[firstIndex];
                pending.RemoveAll(p => p < windowStart);
            }

            var input = new SessionFigures
            {
                Attended = attended,
                Possible = possible,
                Absent = absent,
                FreshInWindow = pending.Count,
                Compulsory = compulsory,
                Absence = code.IsAbsence,
                SchoolDay = schoolDays.Contains(date),
                AfterStage1 = stage1 is { } s1 && date > s1,
            };
            var results = engine.ExecuteAllRulesAsync(workflowName, input).GetAwaiter().GetResult();
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName}: {result.ExceptionMessage}");
                }

                var holds = result.IsSuccess;
                var name = result.Rule.RuleName;
                switch (name)
                {
                    case PersistentRule:
                        persistent = holds;
                        break;
                    case SevereRule:
                        severe = holds;
                        break;
                    case Stage1Rule when holds && stage1 is null:
                        stage1 = date;
                        Act(actions, coverage.Staged!.Id, coverage.Staged.Stages[0].Action, 1, m.Session, compulsory);
                        break;
                    case Stage2Rule when holds && stage1 is not null && stage2 is null:
                        stage2 = date;
                        Act(actions, coverage.Staged!.Id, coverage.Staged.Stages[1].Action, 2, m.Session, compulsory);
                        break;
                    default:
                        if (coverage.Threshold is { } t && name == t.Id)
                        {
                            if (holds)
                            {
                                // Fresh sessions: the sessions of this hit are not counted again.
                                pending.Clear();
                                Act(actions, t.Id, t.Action!.Value, null, m.Session, compulsory);
                            }
                        }
                        else if (int.TryParse(name.AsSpan(name.IndexOf('#') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && name.StartsWith("pct#", StringComparison.Ordinal))
                        {
                            var rule = percentages[k];
                            if (holds && !held[k] && (rule.Repeat != RepeatMode.OncePerYear || firedIn[k] != year))
                            {
                                firedIn[k] = year;
                                Act(actions, rule.Id, rule.Action!.Value, null, m.Session, compulsory);
                            }

                            held[k] = holds;
                        }

                        break;
                }
            }
        }

        // Figures are for the academic year containing the evaluation date.
        var current = year == AcademicYear.Containing(asOf);
        return new RulesEngineResult(actions, current && persistent, current && severe);
    }

    private bool CountsForThreshold(SessionCountRule threshold, SessionMark m, LocalDate? stage1, LocalDate? stage2)
    {
        var code = m.Code!.Code;
        if (threshold.Codes.Contains(code))
        {
            return true;
        }

        foreach (var re in coverage.Reinterpretations)
        {
            var from = re.AfterStage == 1 ? stage1 : stage2;
            if (from is { } f && m.Session.Date > f && re.Codes.Contains(code) && threshold.Codes.Contains(re.CountAs)
                && !(re.UnlessFact == "medical_evidence" && m.HasMedicalEvidence))
            {
                return true;
            }
        }

        return false;
    }

    private static void Act(List<PeerAction> actions, string ruleId, ActionKind kind, int? stage, Session session, bool compulsory)
    {
        // Referrals apply only to pupils of compulsory school age.
        if (kind != ActionKind.Referral || compulsory)
        {
            actions.Add(new PeerAction(ruleId, kind, stage, session.Date, session.Part));
        }
    }

    private static IEnumerable<Rule> BuildRules(RulesEngineCoverage coverage)
    {
        var flags = coverage.Policy.AbsenceFlags;
        yield return Lambda(PersistentRule, $"input1.Possible > 0 AND input1.Absent * 10000 >= {Hundredths(flags.PersistentPercent)} * input1.Possible");
        yield return Lambda(SevereRule, $"input1.Possible > 0 AND input1.Absent * 10000 >= {Hundredths(flags.SeverePercent)} * input1.Possible");
        for (var i = 0; i < coverage.Percentages.Count; i++)
        {
            var r = coverage.Percentages[i];
            yield return Lambda($"pct#{i}", Below(r.Percent, r.Inclusive) + (r.MinPossibleSessions > 0 ? $" AND input1.Possible >= {r.MinPossibleSessions}" : string.Empty));
        }

        if (coverage.Staged is { } staged)
        {
            var c = (AttendanceBelowCondition)staged.Stages[0].When;
            yield return Lambda(Stage1Rule, Below(c.Percent, c.Inclusive));
            if (coverage.StagedAbsenceAfter)
            {
                yield return Lambda(Stage2Rule, "input1.AfterStage1 AND input1.SchoolDay AND input1.Absence");
            }
        }

        if (coverage.Threshold is { } t)
        {
            yield return Lambda(t.Id, $"input1.FreshInWindow >= {t.AtLeastSessions}");
        }
    }

    /// <summary>Attendance below a percentage, exactly: attended × 10000 against the percentage in hundredths × possible.</summary>
    private static string Below(decimal percent, bool inclusive) =>
        $"input1.Possible > 0 AND input1.Attended * 10000 {(inclusive ? "<=" : "<")} {Hundredths(percent)} * input1.Possible";

    private static string Hundredths(decimal percent)
    {
        var h = percent * 100m;
        return h == decimal.Truncate(h)
            ? ((long)h).ToString(CultureInfo.InvariantCulture)
            : throw new NotSupportedException($"a percentage with more than two decimal places ({percent}) is not expressed exactly");
    }

    private static Rule Lambda(string name, string expression) =>
        new() { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression };
}
