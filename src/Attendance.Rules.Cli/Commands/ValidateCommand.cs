using System.CommandLine;
using System.Globalization;
using System.Text;
using Attendance.Rules.Cli.Input;
using Attendance.Rules.Loading;
using Attendance.Rules.Validation;

namespace Attendance.Rules.Cli.Commands;

/// <summary>
/// <c>validate &lt;policy.yaml&gt;... [--calendar file]</c>: every diagnostic as <c>file:line:column: error|warning: message</c>,
/// with the static checks: the library's, a warning for each comparison that needs a calendar when
/// none is given, and one for each <c>source</c> quote not in <c>document.source_file</c> (resolved
/// next to the policy, when it exists). Exit 0 when every policy is valid (warnings allowed), 2 when not.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("policy")
        {
            Description = "One or more policy files (YAML).",
            Arity = ArgumentArity.OneOrMore,
        };
        var calendar = new Option<string?>("--calendar")
        {
            Description = "The school calendar the policies will be evaluated with (YAML, see docs/calendar.md). Without one, each comparison that needs a calendar (a projected measure) is warned about.",
            HelpName = "file",
        };
        var command = new Command("validate", "Checks policy files; prints every error and warning as file:line:column: error|warning: message, with the static checks (conditions that can never hold, stages that cannot be reached, duplicate rules, what needs a calendar, quotes not in document.source_file). Exit 0 when all are valid (warnings allowed), 2 when not.")
        {
            files,
            calendar,
        };
        command.SetAction(result => App.Guard(result, (stdout, stderr, _) => Run(result.GetRequiredValue(files), result.GetValue(calendar), stdout, stderr)));
        return command;
    }

    private static int Run(string[] files, string? calendarFile, TextWriter stdout, TextWriter stderr)
    {
        // Read only to check it is a calendar: the checks need to know that one will be given, not what it says.
        if (calendarFile is not null)
        {
            _ = CalendarFile.Read(calendarFile);
        }

        var withCalendar = calendarFile is not null;
        var invalid = 0;
        foreach (var file in files)
        {
            var result = PolicyLoader.ReadFile(file);
            var diagnostics = result.Diagnostics.ToList();
            if (result.Policy is not null)
            {
                if (!withCalendar)
                {
                    diagnostics.AddRange(result.NeedsCalendar);
                }

                diagnostics.AddRange(MissingQuotes(file, result, stderr));
            }

            foreach (var diagnostic in diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column))
            {
                stdout.WriteLine(diagnostic.ToString());
            }

            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = diagnostics.Count - errors;
            if (result.Policy is { } policy)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: valid: {policy.Id} {PolicyFingerprint.VersionOf(policy)}, {policy.Rules.Count} rules, {warnings} warning{(warnings == 1 ? string.Empty : "s")}"));
            }
            else
            {
                invalid++;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: not valid: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}"));
            }
        }

        return invalid == 0 ? App.Success : App.BadInput;
    }

    /// <summary>The quotes not in the policy's document, which is resolved next to the policy file; a note on stderr where it is not there.</summary>
    private static IReadOnlyList<PolicyDiagnostic> MissingQuotes(string file, PolicyLoadResult result, TextWriter stderr)
    {
        if (result.Policy!.Document.SourceFile is not { } sourceFile)
        {
            return [];
        }

        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", sourceFile);
        string text;
        try
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"{file}: quotes not checked: document.source_file '{sourceFile}' is not at {path}");
                return [];
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{file}: quotes not checked: document.source_file '{sourceFile}' cannot be read: {e.Message}");
            return [];
        }

        return SourceQuoteCheck.FindMissing(result, text);
    }
}
