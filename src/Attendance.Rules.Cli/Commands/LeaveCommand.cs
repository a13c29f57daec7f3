using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Leave;
using Attendance.Rules.Registers;

namespace Attendance.Rules.Cli.Commands;

/// <summary><c>leave</c>: decides a leave-of-absence request under a policy (docs/leave-requests.md), as text or JSON.</summary>
internal static class LeaveCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var command = new Command("leave", "Decides a leave-of-absence request under a policy: refuse, refer (the headteacher decides) or authorise, with every reason and the code the absence would carry.");
        var policy = Options.Policy();
        var request = new Option<string>("--request")
        {
            Description = "The request (JSON; see docs/leave-requests.md).",
            Required = true,
            HelpName = "json",
        };
        var marks = Options.Marks();
        marks.Required = false;
        marks.Description = "Optional marks CSV (as for evaluate): the pupil's register so far, for attendance floors and yearly day limits.";
        var calendar = Options.Calendar();
        calendar.Description = "Optional school calendar (YAML, docs/calendar.md): school days and assessment periods. The request may carry one instead.";
        var encoding = Options.Encoding();
        var format = new Option<string>("--format")
        {
            Description = "text (the default) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var codeMap = Options.CodeMap();
        foreach (var option in new Option[] { policy, request, marks, calendar, codeMap, format, encoding })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => App.Guard(result, (stdout, stderr, verbose) =>
        {
            var compiled = CohortEvaluation.LoadPolicy(result.GetRequiredValue(policy), stderr, verbose);
            if (!compiled.HasLeaveRules)
            {
                throw new InputException($"{result.GetRequiredValue(policy)}: policy {compiled.Policy.Id} has no leave section, so it cannot decide leave requests (see docs/policy-format.md, leave)");
            }

            var requestPath = result.GetRequiredValue(request);
            var (leaveRequest, inlineCalendar) = LeaveRequestFile.Read(requestPath, compiled.Policy.Leave!.Facts);
            var calendarPath = result.GetValue(calendar);
            if (calendarPath is not null && inlineCalendar is not null)
            {
                throw new InputException($"{requestPath}: the request carries a calendar and --calendar gives another; give one");
            }

            var schoolCalendar = calendarPath is null ? inlineCalendar : CalendarFile.Read(calendarPath);
            var map = result.GetValue(codeMap) is { } codeMapPath ? CodeMapFile.Read(codeMapPath, result.GetRequiredValue(encoding)) : null;
            var register = result.GetValue(marks) is { } marksPath ? ReadRegister(marksPath, leaveRequest, compiled, result.GetRequiredValue(encoding), map, verbose ? stderr : null) : null;
            var decision = compiled.EvaluateLeaveRequest(leaveRequest, register, schoolCalendar);
            stdout.Write(result.GetRequiredValue(format) == "json" ? Json(decision) : Text(decision));
            return App.Success;
        }));
        return command;
    }

    private static PupilRegister ReadRegister(string path, LeaveRequest request, Evaluation.CompiledPolicy policy, string encoding, CodeMapFile? codeMap, TextWriter? verbose)
    {
        var yearGroups = request.YearGroup is { } yg ? new Dictionary<string, string>(StringComparer.Ordinal) { [request.PupilId] = yg } : new Dictionary<string, string>(StringComparer.Ordinal);
        var file = MarksFile.Read(path, yearGroups, policy, encoding: encoding, codeMap: codeMap);
        if (verbose is not null && codeMap is not null)
        {
            CohortEvaluation.WriteMappingsUsed(file, codeMap, verbose);
        }

        if (file.Rejected.Count > 0)
        {
            throw new InputException(file.Rejected.Select(r => r.ToString()).Append($"{file.Rejected.Count} unusable row{(file.Rejected.Count == 1 ? string.Empty : "s")}; the request was not decided").ToList());
        }

        if (!file.Contains(request.PupilId))
        {
            throw new InputException($"{path}: pupil {CsvTable.Quote(request.PupilId)} of the request has no rows in the marks file");
        }

        return PupilRegister.Create(request.PupilId, file.MarksOf(request.PupilId), request.YearGroup);
    }

    /// <summary>The decision as JSON: snake_case, fixed property order, LF line ends.</summary>
    internal static string Json(LeaveDecision decision)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var r = decision.Request;
            json.WriteStartObject();
            json.WriteString("policy", decision.PolicyId);
            json.WriteString("policy_version", decision.PolicyVersion);
            json.WriteString("pupil", r.PupilId);
            json.WriteString("type", LeaveNames.Of(r.Type));
            json.WriteString("first_day", Day(r.FirstDay));
            json.WriteString("last_day", Day(r.LastDay));
            json.WriteNumber("school_days", decision.SchoolDays);
            json.WriteString("decision", LeaveNames.Of(decision.Outcome));
            json.WriteString("code_if_taken", decision.CodeIfTaken);
            json.WriteString("code_if_authorised", decision.CodeIfAuthorised);
            json.WriteStartArray("reasons");
            foreach (var reason in decision.Reasons)
            {
                json.WriteStartObject();
                json.WriteString("rule", reason.Rule);
                json.WriteString("outcome", LeaveNames.Of(reason.Outcome));
                json.WriteString("text", reason.Text);
                json.WriteStartArray("source");
                foreach (var quote in reason.Sources)
                {
                    json.WriteStringValue(quote);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("actions");
            foreach (var action in decision.Actions)
            {
                json.WriteStartObject();
                json.WriteString("rule", action.Rule);
                json.WriteString("action", CohortEvaluation.KindName(action.Kind));
                json.WriteString("title", action.Title);
                json.WriteString("date", Day(action.Date));
                json.WriteStartArray("source");
                foreach (var quote in action.Sources)
                {
                    json.WriteStringValue(quote);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The decision as text: the decision and codes, then each reason with the policy's words. The pupil id comes from the request: its control characters are shown escaped.</summary>
    internal static string Text(LeaveDecision decision)
    {
        var r = decision.Request;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{decision.PolicyId} {decision.PolicyVersion}: {LeaveNames.Of(r.Type)} leave for pupil {Display.Escape(r.PupilId)}, {Day(r.FirstDay)} to {Day(r.LastDay)} ({decision.SchoolDays} school day{(decision.SchoolDays == 1 ? string.Empty : "s")}), requested on {Day(r.RequestedOn)}\n");
        text.Append(CultureInfo.InvariantCulture, $"decision: {LeaveNames.Of(decision.Outcome)}\n");
        text.Append(CultureInfo.InvariantCulture, $"code if taken: {decision.CodeIfTaken} (if authorised: {decision.CodeIfAuthorised})\n");
        text.Append("reasons:\n");
        foreach (var reason in decision.Reasons)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {LeaveNames.Of(reason.Outcome),-9} {reason.Rule}: {reason.Text}\n");
            foreach (var quote in reason.Sources)
            {
                text.Append(CultureInfo.InvariantCulture, $"            \"{quote}\"\n");
            }
        }

        if (decision.Actions.Count > 0)
        {
            text.Append("actions:\n");
            foreach (var action in decision.Actions)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Day(action.Date)} {CohortEvaluation.KindName(action.Kind)} {action.Rule}: {action.Title}\n");
                foreach (var quote in action.Sources)
                {
                    text.Append(CultureInfo.InvariantCulture, $"            \"{quote}\"\n");
                }
            }
        }

        return text.ToString();
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
