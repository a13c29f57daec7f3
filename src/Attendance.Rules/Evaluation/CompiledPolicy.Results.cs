using Attendance.Rules.Policies;
using Attendance.Rules.Policies.Rules;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Evaluation;

/// <summary>The full result of an evaluation, made from a run's records: evidence text is written here, and only here.</summary>
public sealed partial class CompiledPolicy
{
    /// <summary>The full result of the run a buffer holds: every action with its evidence, hits, figures and lateness outcomes.</summary>
    internal PupilEvaluation ToEvaluation(EvaluationRun run, Outlook.OutlookCalculator? outlook = null)
    {
        var actions = new PolicyAction[run.ActionCount];
        var records = run.Actions;
        for (var i = 0; i < records.Length; i++)
        {
            actions[i] = ToAction(run, records[i]);
        }

        var hits = new ThresholdHit[run.HitCount];
        var hitRecords = run.Hits;
        for (var i = 0; i < hitRecords.Length; i++)
        {
            var h = hitRecords[i];
            hits[i] = new ThresholdHit
            {
                RuleId = run.Runners[h.Runner].Rule.Id,
                IsPenaltyNoticeThreshold = run.Runners[h.Runner].Rule.Role == RuleRole.PenaltyNoticeThreshold,
                Date = h.Date,
                FirstWeek = h.FirstWeek,
                LastWeek = h.LastWeek,
                CountedSessions = Sessions(run, h.ListStart, h.ListCount),
            };
        }

        var (marks, lateness) = Marks(run);

        var indicators = new IndicatorResult[run.IndicatorHolds.Length];
        for (var i = 0; i < indicators.Length; i++)
        {
            var evidence = new System.Text.StringBuilder();
            if (run.IndicatorPoint.Day >= 0)
            {
                Conditions.Indicators[i].Describe(run, run.IndicatorPoint, evidence);
            }
            else
            {
                evidence.Append("no school day in the academic year to the evaluation date");
            }

            indicators[i] = new IndicatorResult { Id = Policy.Indicators[i].Id, Title = Policy.Indicators[i].Title, Holds = run.IndicatorHolds[i], Evidence = evidence.ToString() };
        }

        var asOf = run.AsOf;
        if (outlook is null)
        {
            outlook = new Outlook.OutlookCalculator();
            outlook.Compute(run);
        }

        return new PupilEvaluation
        {
            Outlook = new Outlook.PupilOutlook(ValueList<Outlook.Distance>.From(outlook.Distances.ToArray()), outlook.YearEnd),
            Indicators = ValueList<IndicatorResult>.From(indicators),
            PupilId = run.Register.PupilId,
            PolicyId = Policy.Id,
            PolicyVersion = Version,
            AsOf = asOf,
            Figures = run.Figures.ToFigures(AcademicYear.ToDate(asOf), Policy.AbsenceFlags),
            ThresholdHits = ValueList<ThresholdHit>.From(hits),
            Actions = ValueList<PolicyAction>.From(actions),
            LatenessOutcomes = lateness,
            Marks = marks,
            NextPenaltyNotice = Policy.PenaltyNotices is { } notices ? PenaltyNoticeSequence.Next(notices, run.PriorNotices.Where(p => p.IssuedOn <= asOf), asOf) : null,
        };
    }

    /// <summary>Each mark up to the evaluation date as the run read it, and the outcomes of its arrival times.</summary>
    private static (ValueList<MarkOutcome> Marks, ValueList<LatenessOutcome> Lateness) Marks(EvaluationRun run)
    {
        var timeline = run.Timeline;
        var marks = new List<MarkOutcome>(run.Marks.Length);
        var lateness = new List<LatenessOutcome>();
        for (var day = 0; day < timeline.Count; day++)
        {
            var week = WeekSource(timeline, day);
            foreach (var i in (ReadOnlySpan<int>)[timeline.Am[day], timeline.Pm[day]])
            {
                if (i < 0)
                {
                    continue;
                }

                ref readonly var mark = ref run.Marks[i];
                ArrivalOutcome? arrival = null;
                if (run.HasArrival[i])
                {
                    arrival = run.Arrivals[i].ToOutcome();
                    lateness.Add(new LatenessOutcome(mark.Session, mark.Arrival!.Value, arrival));
                }

                marks.Add(new MarkOutcome
                {
                    Session = mark.Session,
                    RecordedCode = mark.Code,
                    Code = run.Codes[i],
                    CountedAs = run.Effective[i],
                    Arrival = arrival,
                    ArrivalTime = mark.Arrival,
                    IsSchoolDay = timeline.SchoolDay[day],
                    WeekStarting = Timeline.MondayOf(timeline.Dates[day]),
                    SchoolWeek = week < 0 ? null : timeline.Week[week] + 1,
                    Term = week < 0 ? null : timeline.Term[week] + 1,
                    HalfTerm = week < 0 ? null : timeline.HalfTerm[week] + 1,
                });
            }
        }

        return (marks.ToValueList(), lateness.ToValueList());
    }

    /// <summary>
    /// The day whose week, term and half term a day takes: itself if a school day, or else the
    /// nearest school day in its calendar week, or else the nearest calendar school day there (the
    /// timeline numbers a day that is not a school day after the school day before it); -1 where
    /// the week is not a school week.
    /// </summary>
    private static int WeekSource(Timeline timeline, int day)
    {
        if (!timeline.InSchoolWeek[day])
        {
            return -1;
        }

        var source = Nearest(timeline, day, timeline.SchoolDay);
        return source >= 0 ? source : Nearest(timeline, day, timeline.CalendarSchoolDay);
    }

    private static int Nearest(Timeline timeline, int day, bool[] school)
    {
        if (school[day])
        {
            return day;
        }

        var week = timeline.DayNumbers[day] / 7;
        for (var d = day - 1; d >= 0 && timeline.DayNumbers[d] / 7 == week; d--)
        {
            if (school[d])
            {
                return d;
            }
        }

        for (var d = day + 1; d < timeline.Count && timeline.DayNumbers[d] / 7 == week; d++)
        {
            if (school[d])
            {
                return d;
            }
        }

        return -1;
    }

    private static ValueList<Session> Sessions(EvaluationRun run, int start, int count)
    {
        if (count == 0)
        {
            return ValueList<Session>.Empty;
        }

        var sessions = new Session[count];
        var marks = run.Counted(start, count);
        for (var i = 0; i < count; i++)
        {
            sessions[i] = run.Marks[marks[i]].Session;
        }

        return ValueList<Session>.From(sessions);
    }

    /// <summary>The rule id of the data-quality action raised where a mark and its arrival time disagree.</summary>
    internal const string RegistrationRuleId = "registration";

    /// <summary>Who raised a recorded action: the rule or sanction's id, the kind of step, and the stage of a staged rule.</summary>
    internal (string RuleId, ActionKind Kind, Stage? Stage) SourceOf(in ActionRecord a)
    {
        if (a.Source == ActionRecord.RegistrationSource)
        {
            return (RegistrationRuleId, ActionKind.DataQuality, null);
        }

        if (a.Source < 0)
        {
            return (Policy.Registration.Sanctions[ActionRecord.SanctionSource - a.Source].Id, ActionKind.Sanction, null);
        }

        var rule = Policy.Rules[a.Source];
        var stage = a.StageIndex >= 0 ? ((StagedRule)rule).Stages[a.StageIndex] : null;
        return (rule.Id, stage?.Action ?? rule.Action ?? ActionKind.Notification, stage);
    }

    private PolicyAction ToAction(EvaluationRun run, in ActionRecord a)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (a.Source == ActionRecord.RegistrationSource)
        {
            var mark = run.Marks[a.Mark];
            var outcome = run.Arrivals[a.Mark];
            var window = outcome.Window!;
            return new PolicyAction
            {
                RuleId = RegistrationRuleId,
                Kind = ActionKind.DataQuality,
                Title = "The mark and the arrival time disagree",
                Date = a.At.Date,
                Session = a.At.Part,
                Evidence = $"{mark.Session} is marked {mark.Code!.Code} but the arrival at {mark.Arrival!.Value.ToString("HH:mm", invariant)} gives {outcome.ArrivalCode} (late after {window.LateAfter.ToString("HH:mm", invariant)}{(window.Closes is { } closes ? ", closes " + closes.ToString("HH:mm", invariant) : ", no closing time")})",
                Sessions = ValueList.Of(mark.Session),
            };
        }

        if (a.Source < 0)
        {
            var sanction = Policy.Registration.Sanctions[ActionRecord.SanctionSource - a.Source];
            var mark = run.Marks[a.Mark];
            return new PolicyAction
            {
                RuleId = sanction.Id,
                Kind = ActionKind.Sanction,
                Title = sanction.Title,
                Date = a.At.Date,
                Session = a.At.Part,
                Evidence = $"arrived {mark.Arrival!.Value.ToString("HH:mm", invariant)} for the {mark.Session.Part} session, after {sanction.ArrivalAfter.ToString("HH:mm", invariant)}",
                Sessions = ValueList.Of(mark.Session),
            };
        }

        var runner = run.Runners[a.Source];
        var rule = runner.Rule;
        var (ruleId, kind, stage) = SourceOf(a);
        return new PolicyAction
        {
            RuleId = ruleId,
            Kind = kind,
            Stage = stage?.Number,
            Title = stage?.Title ?? rule.Title,
            Date = a.At.Date,
            Session = a.At.Part,
            Evidence = runner.Evidence(a, run),
            Sessions = Sessions(run, a.ListStart, a.ListCount),
            FollowUps = stage?.FollowUps ?? rule.FollowUps,
        };
    }
}
