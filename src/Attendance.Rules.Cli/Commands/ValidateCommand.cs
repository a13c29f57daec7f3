using System.CommandLine;
using System.Globalization;
using Attendance.Rules.Loading;

namespace Attendance.Rules.Cli.Commands;

/// <summary><c>validate &lt;policy.yaml&gt;...</c>: every diagnostic as <c>file:line:column: error|warning: message</c>; exit 0 when every policy is valid (warnings allowed), 2 when not.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("policy")
        {
            Description = "One or more policy files (YAML).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Checks policy files; prints every error and warning as file:line:column: error|warning: message. Exit 0 when all are valid (warnings allowed), 2 when not.")
        {
            files,
        };
        command.SetAction(result => App.Guard(result, (stdout, stderr, _) => Run(result.GetRequiredValue(files), stdout, stderr)));
        return command;
    }

    private static int Run(string[] files, TextWriter stdout, TextWriter stderr)
    {
        var invalid = 0;
        foreach (var file in files)
        {
            var result = PolicyLoader.ReadFile(file);
            foreach (var diagnostic in result.Diagnostics)
            {
                stdout.WriteLine(diagnostic.ToString());
            }

            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = result.Diagnostics.Count - errors;
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
}
