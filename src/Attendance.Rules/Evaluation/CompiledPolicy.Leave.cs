using Attendance.Rules.Codes;
using Attendance.Rules.Leave;
using Attendance.Rules.Registers;
using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>Leave-of-absence requests, judged against the policy's <c>leave</c> section.</summary>
public sealed partial class CompiledPolicy
{
    /// <summary>Whether the policy has a <c>leave</c> section, so that <see cref="EvaluateLeaveRequest"/> can decide requests.</summary>
    public bool HasLeaveRules => Policy.Leave is not null;

    /// <summary>
    /// Decides a leave-of-absence request under the policy: <see cref="LeaveOutcome.Refuse"/> where a
    /// condition forbids it, <see cref="LeaveOutcome.Refer"/> where the headteacher decides,
    /// <see cref="LeaveOutcome.Authorise"/> where the policy grants it without discretion, with
    /// every reason and the codes the absence would carry.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="register">The pupil's register so far, where known: attendance floors and yearly day limits count its marks. Without one, a condition that needs it refers.</param>
    /// <param name="calendar">The school's calendar, where known: it gives school days and assessment periods. Without one, school days are weekdays and assessment periods refer.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is not valid (see <see cref="LeaveRequest.Validate"/>), it states a school fact the policy does not declare, or the register is another pupil's.</exception>
    /// <exception cref="InvalidOperationException">The policy has no <c>leave</c> section.</exception>
    public LeaveDecision EvaluateLeaveRequest(LeaveRequest request, PupilRegister? register = null, SchoolCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (Policy.Leave is null)
        {
            throw new InvalidOperationException($"policy {Policy.Id} has no leave section, so it cannot decide leave requests");
        }

        if (request.SchoolFacts.FirstOrDefault(f => !Policy.Leave.Declares(f)) is { } undeclared)
        {
            throw new ArgumentException($"the request states the fact \"{undeclared}\", which is neither a national fact nor one policy {Policy.Id} declares in its leave section's facts", nameof(request));
        }

        if (register is not null && register.PupilId != request.PupilId)
        {
            throw new ArgumentException($"the register is pupil {register.PupilId}'s and the request pupil {request.PupilId}'s", nameof(register));
        }

        List<(LocalDate, AttendanceCode)>? marks = null;
        if (register is not null)
        {
            marks = new List<(LocalDate, AttendanceCode)>(register.Marks.Length);
            foreach (var mark in register.Marks)
            {
                var code = mark.Code;
                if (code is null && registration.Classify(mark, register.YearGroup).Code is { } classified)
                {
                    code = NationalCodeTable.Get(classified, mark.Session.Date);
                }

                if (code is not null)
                {
                    marks.Add((mark.Session.Date, code));
                }
            }
        }

        return LeaveEvaluator.Decide(this, request, marks, calendar);
    }
}
