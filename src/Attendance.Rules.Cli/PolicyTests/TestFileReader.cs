using System.Globalization;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Registers;
using Attendance.Rules.Testing;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Attendance.Rules.Cli.PolicyTests;

/// <summary>Reads a <c>*.tests.yaml</c> file (format: docs/policy-tests.md); every error names its file, line and column.</summary>
internal static class TestFileReader
{
    /// <summary>The figures a scenario may expect.</summary>
    public static readonly string[] FigureNames = ["possible", "present", "authorised", "unauthorised", "late", "attendance_percent", "persistent", "severe"];

    private static readonly string[] ScenarioKeys = ["name", "register", "year_group", "date_of_birth", "admission_date", "leaving_date", "as_of", "arrivals", "expect"];
    private static readonly string[] ExpectKeys = ["figures", "threshold_hits", "actions", "no_actions", "exact_actions", "indicators"];

    /// <summary>The largest tests file read, in bytes.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    /// <summary>Reads and checks a tests file.</summary>
    /// <exception cref="InputException">The path is not a readable regular file of at most 4 MiB of UTF-8.</exception>
    /// <exception cref="TestFileException">The file is not a valid tests file.</exception>
    public static TestFile Read(string path)
    {
        YamlStream stream = [];
        var text = InputFiles.ReadText(path, MaxBytes, "tests");
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new TestFileException($"{path}:{e.Start.Line}:{e.Start.Column}: error: {e.InnerException?.Message ?? e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TestFileException($"{path}:1:1: error: a tests file is a mapping with 'policy' and 'scenarios'");
        }

        var context = new Context(path);
        context.Keys(root, ["policy", "scenarios"]);
        var policy = context.Scalar(context.Required(root, "policy"), "policy");
        var policyPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".", policy);
        if (!File.Exists(policyPath))
        {
            throw context.Error(context.Required(root, "policy"), $"policy file '{policy}' not found beside the tests file");
        }

        if (context.Required(root, "scenarios") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw context.Error(context.Required(root, "scenarios"), "'scenarios' must be a non-empty list");
        }

        var scenarios = list.Children.Select(context.Scenario).ToList();
        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TestFileException($"{path}:{duplicate.Last().Line}:1: error: duplicate scenario name '{duplicate.Key}'");
        }

        return new TestFile(path, policyPath, scenarios);
    }

    private sealed class Context(string path)
    {
        public TestFileException Error(YamlNode node, string message) =>
            new($"{path}:{node.Start.Line}:{node.Start.Column}: error: {message}");

        public void Keys(YamlMappingNode map, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw Error(key, $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }

        public YamlNode? Optional(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public YamlNode Required(YamlMappingNode map, string key) =>
            Optional(map, key) ?? throw Error(map, $"missing '{key}'");

        public string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, $"'{what}' must be a non-empty value");

        public LocalDate Date(YamlNode node, string what)
        {
            var text = Scalar(node, what);
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                throw Error(node, $"'{what}': {Display.Quote(text)} is not a date (yyyy-MM-dd)");
            }

            return RegisterDates.Problem(parsed.Value, $"'{what}':") is { } outside ? throw Error(node, outside) : parsed.Value;
        }

        public bool Bool(YamlNode node, string what) =>
            Scalar(node, what) switch
            {
                "true" => true,
                "false" => false,
                var other => throw Error(node, $"'{what}': '{other}' is not true or false"),
            };

        public YamlMappingNode Map(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"'{what}' must be a mapping");

        public List<YamlNode> List(YamlNode node, string what) =>
            node is YamlSequenceNode seq ? [.. seq.Children] : throw Error(node, $"'{what}' must be a list");

        public Scenario Scenario(YamlNode node)
        {
            var map = Map(node, "scenario");
            Keys(map, ScenarioKeys);
            var name = Scalar(Required(map, "name"), "name");
            var registerNode = Required(map, "register");
            var notation = Scalar(registerNode, "register");
            List<SessionMark> marks;
            try
            {
                marks = RegisterNotation.Marks(notation);
            }
            catch (Exception e) when (e is FormatException or RegisterException)
            {
                throw Error(registerNode, $"register: {e.Message}");
            }
            catch (OverflowException)
            {
                // The notation counts days on from its date, so one near the calendar's end overflows.
                throw Error(registerNode, $"register: its dates run outside {RegisterDates.Range}, the dates the tool accepts");
            }

            var far = marks.FindIndex(m => !RegisterDates.Contains(m.Session.Date));
            if (far >= 0)
            {
                throw Error(registerNode, $"register: {RegisterDates.Problem(marks[far].Session.Date, "a mark's date")}");
            }

            if (Optional(map, "arrivals") is { } arrivals)
            {
                marks = Arrivals(marks, List(arrivals, "arrivals"));
            }

            var yearGroup = Optional(map, "year_group") is { } year ? Scalar(year, "year_group") : null;
            LocalDate? RollDate(string key) => Optional(map, key) is { } n ? Date(n, key) : null;
            PupilRoll roll;
            try
            {
                roll = PupilRoll.Create(RollDate("date_of_birth"), RollDate("admission_date"), RollDate("leaving_date"));
            }
            catch (ArgumentException e)
            {
                throw Error(node, $"{e.Message.Split(" (Parameter", 2)[0]}");
            }

            PupilRegister register;
            try
            {
                register = PupilRegister.Create(name, marks, yearGroup, roll);
            }
            catch (Exception e) when (e is RegisterException or ArgumentException)
            {
                throw Error(registerNode, $"register: {e.Message}");
            }

            var asOf = Date(Required(map, "as_of"), "as_of");
            var expect = Map(Required(map, "expect"), "expect");
            Keys(expect, ExpectKeys);
            return new Scenario(name, (int)node.Start.Line, register, asOf, new Expectation(
                Figures(Optional(expect, "figures")),
                Optional(expect, "threshold_hits") is { } hits ? List(hits, "threshold_hits").Select(Hit).ToList() : null,
                Optional(expect, "actions") is { } actions ? List(actions, "actions").Select(Action).ToList() : [],
                Optional(expect, "no_actions") is { } none ? List(none, "no_actions").Select(n => Scalar(n, "no_actions")).ToList() : [],
                Optional(expect, "exact_actions") is { } exact && Bool(exact, "exact_actions"),
                Indicators(Optional(expect, "indicators"))));
        }

        private List<SessionMark> Arrivals(List<SessionMark> marks, List<YamlNode> arrivals)
        {
            foreach (var node in arrivals)
            {
                var map = Map(node, "arrival");
                Keys(map, ["date", "session", "time", "reason_accepted"]);
                var date = Date(Required(map, "date"), "date");
                var part = Scalar(Required(map, "session"), "session") switch
                {
                    "am" or "AM" => SessionOfDay.AM,
                    "pm" or "PM" => SessionOfDay.PM,
                    var other => throw Error(Required(map, "session"), $"'session': '{other}' is not am or pm"),
                };
                var timeText = Scalar(Required(map, "time"), "time");
                var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(timeText);
                if (!time.Success)
                {
                    throw Error(Required(map, "time"), $"'time': '{timeText}' is not a time (HH:mm)");
                }

                var facts = Optional(map, "reason_accepted") is { } accepted && Bool(accepted, "reason_accepted") ? MarkFacts.ReasonAccepted : MarkFacts.None;
                var session = new Session(date, part);
                var index = marks.FindIndex(m => m.Session == session);
                if (index < 0)
                {
                    throw Error(node, $"arrival on {date:yyyy-MM-dd} {part}: the register has no mark for that session");
                }

                marks[index] = SessionMark.Create(session, marks[index].Code!, time.Value, facts);
            }

            return marks;
        }

        private List<(string Name, string Value)> Figures(YamlNode? node)
        {
            if (node is null)
            {
                return [];
            }

            var map = Map(node, "figures");
            Keys(map, FigureNames);
            var figures = new List<(string, string)>();
            foreach (var (key, value) in map.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var text = Scalar(value, name);
                var ok = name switch
                {
                    "persistent" or "severe" => text is "true" or "false",
                    "attendance_percent" => decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
                    _ => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
                };
                if (!ok)
                {
                    throw Error(value, $"'{name}': '{text}' is not {(name is "persistent" or "severe" ? "true or false" : "a number")}");
                }

                figures.Add((name, text));
            }

            return figures;
        }

        private List<ExpectedIndicator> Indicators(YamlNode? node)
        {
            if (node is null)
            {
                return [];
            }

            var indicators = new List<ExpectedIndicator>();
            foreach (var (key, value) in Map(node, "indicators").Children)
            {
                var id = Scalar(key, "indicators");
                indicators.Add(new ExpectedIndicator(id, Bool(value, id), $"{path}:{key.Start.Line}:{key.Start.Column}"));
            }

            return indicators;
        }

        private ExpectedHit Hit(YamlNode node)
        {
            var map = Map(node, "threshold hit");
            Keys(map, ["rule", "date"]);
            return new ExpectedHit(Scalar(Required(map, "rule"), "rule"), Date(Required(map, "date"), "date"));
        }

        private ExpectedAction Action(YamlNode node)
        {
            var map = Map(node, "action");
            Keys(map, ["rule", "date", "stage"]);
            int? stage = null;
            if (Optional(map, "stage") is { } stageNode)
            {
                stage = int.TryParse(Scalar(stageNode, "stage"), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                    ? s
                    : throw Error(stageNode, "'stage' must be a whole number");
            }

            return new ExpectedAction(Scalar(Required(map, "rule"), "rule"), Date(Required(map, "date"), "date"), stage);
        }
    }
}
