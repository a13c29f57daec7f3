using System.CommandLine;
using System.CommandLine.Invocation;
using Attendance.Rules.Cli.Commands;
using Attendance.Rules.Cli.Input;

namespace Attendance.Rules.Cli;

/// <summary>
/// The <c>attendance-rules</c> tool: <c>validate</c>, <c>evaluate</c>, <c>explain</c>, <c>report</c>, <c>test</c>, <c>leave</c>, <c>migrate</c>, <c>diff</c> and <c>letters</c>. Exit codes:
/// 0 success, 2 bad input (a bad policy, CSV, calendar or command line, an unknown pupil), 1
/// anything else; never a stack trace unless <c>--verbose</c>.
/// </summary>
public static class App
{
    /// <summary>The exit code for success.</summary>
    public const int Success = 0;

    /// <summary>The exit code for anything other than bad input.</summary>
    public const int Failure = 1;

    /// <summary>The exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the tool with the given arguments, writing to the given writers.</summary>
    /// <param name="args">The command line, for example <c>["validate", "policies/stanborough.yaml"]</c>.</param>
    /// <param name="stdout">Standard output: the command's result (diagnostics, JSON, CSV, tables, timelines).</param>
    /// <param name="stderr">Standard error: errors, rejected rows, progress.</param>
    /// <returns>The exit code: 0 success, 2 bad input, 1 anything else.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var verbose = args.Contains(Options.VerboseName, StringComparer.Ordinal);
        try
        {
            var root = Build();
            var parsed = root.Parse(args);
            if (parsed.Action is ParseErrorAction)
            {
                // One line an error, the last with where to find the usage.
                var usage = $" (run 'attendance-rules {(parsed.CommandResult.Command is RootCommand ? string.Empty : parsed.CommandResult.Command.Name + " ")}--help' for usage)";
                for (var i = 0; i < parsed.Errors.Count; i++)
                {
                    stderr.WriteLine(Display.Escape("attendance-rules: " + OneLine(parsed.Errors[i])) + (i == parsed.Errors.Count - 1 ? usage : string.Empty));
                }

                return BadInput;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Fail(e, stderr, verbose);
        }
    }

    /// <summary>
    /// A parse error on one line, naming its option: System.CommandLine lists the allowed values
    /// one a line ("Argument 'xml' not recognized. Must be one of:\n\t'table'\n\t'json'").
    /// </summary>
    private static string OneLine(System.CommandLine.Parsing.ParseError error)
    {
        var message = error.Message.TrimEnd('.');
        if (message.Contains("\n\t", StringComparison.Ordinal))
        {
            var parts = message.Split("\n\t");
            message = parts[0].Replace(". Must be one of:", "; it must be one of", StringComparison.Ordinal).TrimEnd(':') + " " + string.Join(", ", parts[1..]);
        }

        var option = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => o.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
            _ => null,
        };
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }

    /// <summary>Runs a command's body: bad input exits 2 with its messages, anything else 1 with a one-line message (the stack trace with <c>--verbose</c>).</summary>
    internal static int Guard(ParseResult result, Func<TextWriter, TextWriter, bool, int> body)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var verbose = result.GetValue<bool>(Options.VerboseName);
        try
        {
            return body(stdout, stderr, verbose);
        }
        catch (Exception e)
        {
            return Fail(e, stderr, verbose);
        }
    }

    private static int Fail(Exception e, TextWriter stderr, bool verbose)
    {
        if (e is InputException input)
        {
            foreach (var line in input.Lines)
            {
                stderr.WriteLine(Display.Escape(line));
            }

            return BadInput;
        }

        stderr.WriteLine(verbose
            ? "attendance-rules: " + e
            : $"attendance-rules: error: {e.Message} (run with --verbose for details)");
        return Failure;
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("Validates school attendance policies and evaluates register exports against them.");
        root.Options.Add(Options.Verbose());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(WorklistCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(LeaveCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(LettersCommand.Create());
        return root;
    }
}
