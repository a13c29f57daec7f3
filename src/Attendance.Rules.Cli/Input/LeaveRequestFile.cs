using System.Globalization;
using System.Text;
using System.Text.Json;
using Attendance.Rules.Leave;
using Attendance.Rules.Registers;
using NodaTime;
using NodaTime.Text;

namespace Attendance.Rules.Cli.Input;

/// <summary>
/// Reads a leave request (docs/leave-requests.md): a JSON object with <c>pupil</c>, <c>year_group</c>,
/// <c>type</c>, <c>first_day</c>, <c>last_day</c>, <c>requested_on</c>, and optionally <c>decided_on</c>, <c>facts</c>
/// (national facts, or the school's own that the policy declares),
/// <c>licence_dates</c>, <c>previous_notices</c>, <c>warning_letters</c>, <c>earlier_requests</c> and
/// <c>calendar</c>. Every problem is reported as <c>file:line:column: error: message</c>.
/// </summary>
internal static class LeaveRequestFile
{
    private const long MaxBytes = 1024 * 1024;

    private static readonly string[] Keys =
        ["pupil", "year_group", "type", "first_day", "last_day", "requested_on", "decided_on", "facts", "licence_dates", "previous_notices", "warning_letters", "earlier_requests", "calendar"];

    /// <summary>Reads a request file: the request and the calendar it carries, if any.</summary>
    /// <param name="path">The file.</param>
    /// <param name="schoolFacts">The school's own facts the policy declares; a request may state them beside the national ones.</param>
    /// <exception cref="InputException">The file cannot be read or is not a valid request.</exception>
    public static (LeaveRequest Request, SchoolCalendar? Calendar) Read(string path, IReadOnlyCollection<string>? schoolFacts = null)
    {
        return Parse(InputFiles.ReadBytes(path, MaxBytes, "request"), path, schoolFacts);
    }

    /// <summary>Parses a request from its UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="schoolFacts">The school's own facts the policy declares; a request may state them beside the national ones.</param>
    /// <exception cref="InputException">The JSON is not a valid request.</exception>
    public static (LeaveRequest Request, SchoolCalendar? Calendar) Parse(byte[] utf8, string path, IReadOnlyCollection<string>? schoolFacts = null)
    {
        schoolFacts ??= [];
        var text = Encoding.UTF8.GetString(utf8).TrimStart('\uFEFF');
        var data = Encoding.UTF8.GetBytes(text);
        Node root;
        try
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 16 });
            reader.Read();
            root = Node.Read(ref reader);
            if (reader.Read())
            {
                throw new JsonException("there is more after the request's closing '}'", null, null, null);
            }
        }
        catch (DuplicateKeyException e)
        {
            var (line, column) = Position(text, data, e.Offset);
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: error: the key \"{e.Key}\" appears twice; give each key once"));
        }
        catch (LoneSurrogateException e)
        {
            var (line, column) = Position(text, data, e.Offset);
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: error: a string holds half of a UTF-16 surrogate pair (such as \\ud800 alone), which is not text"));
        }
        catch (JsonException e)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: error: the request is not valid JSON: {e.Message.Split(" LineNumber", 2)[0]}"));
        }

        var errors = new List<string>();
        void Error(Node node, string message)
        {
            var (line, column) = Position(text, data, node.Offset);
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: error: {message}"));
        }

        if (root.Kind != JsonValueKind.Object)
        {
            Error(root, "a leave request is a JSON object with pupil, type, first_day, last_day and requested_on");
            throw new InputException(errors);
        }

        foreach (var (key, node) in root.Members)
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                Error(node, $"unknown key \"{key}\"; expected one of: {string.Join(", ", Keys)}");
            }
        }

        var pupil = Text(root, "pupil", true, Error);
        var yearGroup = Text(root, "year_group", false, Error);
        if (yearGroup is not null && !LeaveRequest.YearGroups.Contains(yearGroup, StringComparer.Ordinal))
        {
            Error(root.Get("year_group")!, $"\"year_group\" is \"{yearGroup}\"; expected one of: {string.Join(", ", LeaveRequest.YearGroups)}");
            yearGroup = null;
        }

        var type = Name(root, "type", LeaveNames.Types, Error);
        var first = Date(root, "first_day", true, Error);
        var last = Date(root, "last_day", true, Error);
        var requested = Date(root, "requested_on", true, Error);
        var decided = Date(root, "decided_on", false, Error);
        var factNames = List(root, "facts", Error, n => FactName(n, schoolFacts, Error)).ToList();
        var facts = factNames.Where(LeaveNames.Facts.ContainsKey).Select(n => LeaveNames.Facts[n]).ToList();
        var ownFacts = factNames.Where(n => !LeaveNames.Facts.ContainsKey(n)).ToList();
        var licenceDates = List(root, "licence_dates", Error, n => DateOf(n, "a licence date", Error));
        var notices = List(root, "previous_notices", Error, n => Notice(n, NoticeKind.PenaltyNotice, Error))
            .Concat(List(root, "warning_letters", Error, n => Notice(n, NoticeKind.WarningLetter, Error)));
        var earlier = List(root, "earlier_requests", Error, n => Earlier(n, Error));
        SchoolCalendar? calendar = null;
        if (root.Get("calendar") is { } calendarNode && calendarNode.Kind != JsonValueKind.Null)
        {
            try
            {
                // The calendar's JSON is valid YAML, so the calendar file's reader checks it; its lines are offset from the request's.
                var (line, _) = Position(text, data, calendarNode.Offset);
                var calendarText = new string('\n', line - 1) + text[CharIndex(text, data, calendarNode.Offset)..CharIndex(text, data, calendarNode.End)];
                calendar = CalendarFile.Parse(calendarText, path);
            }
            catch (InputException e)
            {
                errors.AddRange(e.Lines);
            }
        }

        if (errors.Count > 0 || pupil is null || type is null || first is null || last is null || requested is null)
        {
            throw new InputException(errors);
        }

        try
        {
            return (LeaveRequest.Create(pupil, type.Value, first.Value, last.Value, requested.Value, yearGroup, facts, licenceDates, notices, earlier, ownFacts, decided), calendar);
        }
        catch (ArgumentException e)
        {
            Error((e.ParamName == nameof(LeaveRequest.DecidedOn) ? root.Get("decided_on") : root.Get("last_day")) ?? root, e.Message.Split(" (Parameter", 2)[0]);
            throw new InputException(errors);
        }
    }

    private static string? Text(Node map, string key, bool required, Action<Node, string> error)
    {
        var node = map.Get(key);
        if (node is null || (!required && node.Kind == JsonValueKind.Null))
        {
            if (required)
            {
                error(map, $"the request has no \"{key}\"");
            }

            return null;
        }

        if (node.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(node.Value))
        {
            error(node, $"\"{key}\" must be a non-empty string");
            return null;
        }

        return node.Value;
    }

    private static T? Name<T>(Node map, string key, IReadOnlyDictionary<string, T> names, Action<Node, string> error)
        where T : struct
    {
        if (map.Get(key) is not { } node)
        {
            error(map, $"the request has no \"{key}\"");
            return null;
        }

        return Name(node, names, $"\"{key}\"", error);
    }

    private static T? Name<T>(Node node, IReadOnlyDictionary<string, T> names, string what, Action<Node, string> error)
        where T : struct
    {
        if (node.Kind == JsonValueKind.String && names.TryGetValue(node.Value!, out var value))
        {
            return value;
        }

        error(node, $"{what} is {node.Describe()}; expected one of: {string.Join(", ", names.Keys)}");
        return null;
    }

    /// <summary>A fact's name: a national fact, or one of the school's own that the policy declares.</summary>
    private static string? FactName(Node node, IReadOnlyCollection<string> schoolFacts, Action<Node, string> error)
    {
        if (node.Kind == JsonValueKind.String && (LeaveNames.Facts.ContainsKey(node.Value!) || schoolFacts.Contains(node.Value!, StringComparer.Ordinal)))
        {
            return node.Value;
        }

        var own = schoolFacts.Count == 0 ? " (the policy declares no facts of its own)" : $", or one the policy declares: {string.Join(", ", schoolFacts)}";
        error(node, $"a fact is {node.Describe()}; expected one of: {string.Join(", ", LeaveNames.Facts.Keys)}{own}");
        return null;
    }

    private static LocalDate? Date(Node map, string key, bool required, Action<Node, string> error)
    {
        if (map.Get(key) is not { } node)
        {
            if (required)
            {
                error(map, $"the request has no \"{key}\"");
            }

            return null;
        }

        return DateOf(node, $"\"{key}\"", error);
    }

    private static LocalDate? DateOf(Node node, string what, Action<Node, string> error)
    {
        var parsed = node.Kind == JsonValueKind.String ? LocalDatePattern.Iso.Parse(node.Value!) : null;
        if (parsed is { Success: true })
        {
            if (RegisterDates.Problem(parsed.Value, what) is { } outside)
            {
                error(node, outside);
                return null;
            }

            return parsed.Value;
        }

        error(node, $"{what} is {node.Describe()}; expected a date as \"yyyy-MM-dd\"");
        return null;
    }

    private static IEnumerable<T> List<T>(Node map, string key, Action<Node, string> error, Func<Node, T?> item)
        where T : struct
    {
        if (map.Get(key) is not { } node || node.Kind == JsonValueKind.Null)
        {
            return [];
        }

        if (node.Kind != JsonValueKind.Array)
        {
            error(node, $"\"{key}\" must be a list");
            return [];
        }

        return node.Items.Select(item).Where(x => x is not null).Select(x => x!.Value).ToList();
    }

    private static IEnumerable<T> List<T>(Node map, string key, Action<Node, string> error, Func<Node, T?> item)
        where T : class
    {
        if (map.Get(key) is not { } node || node.Kind == JsonValueKind.Null)
        {
            return [];
        }

        if (node.Kind != JsonValueKind.Array)
        {
            error(node, $"\"{key}\" must be a list");
            return [];
        }

        return node.Items.Select(item).Where(x => x is not null).Select(x => x!).ToList();
    }

    private static IssuedNotice? Notice(Node node, NoticeKind kind, Action<Node, string> error)
    {
        var what = kind == NoticeKind.PenaltyNotice ? "a previous notice" : "a warning letter";
        if (node.Kind != JsonValueKind.Object || node.Get("issued_on") is not { } issued || node.Members.Count != 1)
        {
            error(node, $"{what} is {node.Describe()}; expected {{ \"issued_on\": \"yyyy-MM-dd\" }}");
            return null;
        }

        return DateOf(issued, $"{what}'s issued_on", error) is { } date ? new IssuedNotice(kind, date) : null;
    }

    private static EarlierLeaveRequest? Earlier(Node node, Action<Node, string> error)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            error(node, $"an earlier request is {node.Describe()}; expected {{ \"type\", \"first_day\", \"last_day\" }}");
            return null;
        }

        foreach (var (key, value) in node.Members)
        {
            if (key is not ("type" or "first_day" or "last_day"))
            {
                error(value, $"unknown key \"{key}\" in an earlier request; expected type, first_day, last_day");
            }
        }

        var type = Name(node, "type", LeaveNames.Types, error);
        var first = Date(node, "first_day", true, error);
        var last = Date(node, "last_day", true, error);
        if (first is not null && last < first)
        {
            error(node.Get("last_day")!, string.Create(CultureInfo.InvariantCulture, $"an earlier request's last_day ({last:yyyy-MM-dd}) is before its first_day ({first:yyyy-MM-dd})"));
            return null;
        }

        return type is null || first is null || last is null ? null : new EarlierLeaveRequest(type.Value, first.Value, last.Value);
    }

    private static int CharIndex(string text, byte[] data, long offset) => Encoding.UTF8.GetCharCount(data, 0, (int)offset);

    private static (int Line, int Column) Position(string text, byte[] data, long offset)
    {
        var index = CharIndex(text, data, offset);
        var line = 1;
        var column = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    /// <summary>A key given twice in one object, at the byte offset of its second occurrence.</summary>
    /// <summary>A string's value; System.Text.Json refuses a lone surrogate with an InvalidOperationException, made located here.</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new LoneSurrogateException(reader.TokenStartIndex);
        }
    }

    private sealed class LoneSurrogateException(long offset) : Exception("a string holds a lone UTF-16 surrogate")
    {
        public long Offset { get; } = offset;
    }

    private sealed class DuplicateKeyException(string key, long offset) : Exception($"the key \"{key}\" appears twice")
    {
        public string Key { get; } = key;

        public long Offset { get; } = offset;
    }

    /// <summary>A JSON value with the byte offsets where it starts and ends.</summary>
    private sealed class Node
    {
        public JsonValueKind Kind { get; private init; }

        public string? Value { get; private init; }

        public long Offset { get; private init; }

        public long End { get; private set; }

        public List<(string Key, Node Value)> Members { get; } = [];

        public List<Node> Items { get; } = [];

        public Node? Get(string key) => Members.FirstOrDefault(m => m.Key == key).Value;

        public string Describe() => Kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"\"{Value}\"",
            JsonValueKind.Null => "null",
            _ => Value ?? Kind.ToString().ToLowerInvariant(),
        };

        public static Node Read(ref Utf8JsonReader reader)
        {
            var start = reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var node = new Node { Kind = JsonValueKind.Object, Offset = start };
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var key = Text(ref reader);
                        if (node.Get(key) is not null)
                        {
                            throw new DuplicateKeyException(key, reader.TokenStartIndex);
                        }

                        reader.Read();
                        node.Members.Add((key, Read(ref reader)));
                    }

                    node.End = reader.TokenStartIndex + 1;
                    return node;
                }

                case JsonTokenType.StartArray:
                {
                    var node = new Node { Kind = JsonValueKind.Array, Offset = start };
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(Read(ref reader));
                    }

                    node.End = reader.TokenStartIndex + 1;
                    return node;
                }

                case JsonTokenType.String:
                    return new Node { Kind = JsonValueKind.String, Value = Text(ref reader), Offset = start, End = reader.BytesConsumed };
                case JsonTokenType.Number:
                    return new Node { Kind = JsonValueKind.Number, Value = Encoding.UTF8.GetString(reader.ValueSpan), Offset = start, End = reader.BytesConsumed };
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return new Node { Kind = reader.TokenType == JsonTokenType.True ? JsonValueKind.True : JsonValueKind.False, Value = reader.TokenType == JsonTokenType.True ? "true" : "false", Offset = start, End = reader.BytesConsumed };
                default:
                    return new Node { Kind = JsonValueKind.Null, Offset = start, End = reader.BytesConsumed };
            }
        }
    }
}
