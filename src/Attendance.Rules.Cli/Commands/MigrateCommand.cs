using System.CommandLine;
using Attendance.Rules.Loading;

namespace Attendance.Rules.Cli.Commands;

/// <summary><c>migrate &lt;policy.yaml&gt;</c>: prints the policy, resolved, in the policy language v2.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("policy")
        {
            Description = "The policy file (YAML).",
        };
        var command = new Command("migrate", "Prints the policy, resolved (its national base merged in), with its v1 rule types written in the policy language v2: rules with 'when', conditions in every stage. The v2 form falls due on the same days as the v1 form (docs/policy-format.md).")
        {
            file,
        };
        command.SetAction(result => App.Guard(result, (stdout, stderr, verbose) =>
        {
            var policy = CohortEvaluation.LoadPolicy(result.GetRequiredValue(file), stderr, verbose).Policy;
            stdout.Write(PolicyWriter.Write(PolicyMigration.ToV2(policy)));
            return App.Success;
        }));
        return command;
    }
}
