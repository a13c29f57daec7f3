using System.CommandLine;

namespace Attendance.Rules.Cli.Commands;

/// <summary>The options the commands share.</summary>
internal static class Options
{
    public const string VerboseName = "--verbose";

    public static Option<bool> Verbose() => new(VerboseName)
    {
        Description = "Show policy warnings, the days on which the register and the calendar disagree, each code map mapping used, and the stack trace of an unexpected error.",
        Recursive = true,
    };

    public static Option<string> Policy() => new("--policy")
    {
        Description = "The policy file (YAML), for example policies/stanborough.yaml.",
        Required = true,
        HelpName = "file",
    };

    public static Option<string> Marks() => new("--marks")
    {
        Description = "The marks CSV: pupil,date,session,code in any order; optional arrival (HH:mm), evidence and reason_accepted (yes or empty).",
        Required = true,
        HelpName = "csv",
    };

    public static Option<string?> Pupils() => new("--pupils")
    {
        Description = "Optional pupils CSV: pupil,year_group.",
        HelpName = "csv",
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "The evaluation date (yyyy-MM-dd); the last date in the marks file by default.",
        HelpName = "yyyy-MM-dd",
    };

    public static Option<string?> Calendar() => new("--calendar")
    {
        Description = "Optional school calendar (YAML: terms and closures; see docs/calendar.md). Without one, terms are inferred from the marks.",
        HelpName = "file",
    };

    public static Option<string?> CodeMap() => new("--code-map")
    {
        Description = "Optional code map CSV: vendor_code,statutory_code and optional valid_from (yyyy-MM-dd), mapping an MIS's own codes (sub-codes such as X02) to the national codes before rows are validated; see docs/cli.md.",
        HelpName = "csv",
    };

    /// <summary><c>--out</c>: a file written instead of standard output.</summary>
    public static Option<string?> Out() => new("--out")
    {
        Description = "Write the output to this file instead of standard output.",
        HelpName = "file",
    };

    /// <summary><c>--threads</c>: pupils evaluated at once, at least 1.</summary>
    public static Option<int> Threads()
    {
        var threads = new Option<int>("--threads")
        {
            Description = "Pupils evaluated at once (default: the number of processors); the output is the same for any number.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "n",
        };
        threads.Validators.Add(r =>
        {
            // Read from the token: a value that is not a number is already a parse error, and asking for it would throw.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                r.AddError("--threads must be at least 1.");
            }
        });
        return threads;
    }

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Fail (exit 2) on any unusable row, naming its line and reason; nothing is written to standard output. The default.",
    };

    public static Option<bool> Lenient() => new("--lenient")
    {
        Description = "Skip unusable rows, listing each on standard error with its reason; rows_rejected counts them.",
    };

    public static Option<string> Encoding()
    {
        var option = new Option<string>("--encoding")
        {
            Description = "The CSV files' encoding: utf-8 (the default), or windows-1252 or latin1 for older MIS exports. A row that is not in it is unusable.",
            DefaultValueFactory = _ => Input.CsvEncoding.Default,
            HelpName = "utf-8|windows-1252|latin1",
        };
        option.AcceptOnlyFromAmong(Input.CsvEncoding.Names);
        return option;
    }

    /// <summary>Adds the inputs <c>evaluate</c> and <c>explain</c> share, with the check that --strict and --lenient are not both given.</summary>
    public static Func<ParseResult, InputOptions> AddInputs(Command command)
    {
        var policy = Policy();
        command.Options.Add(policy);
        var rest = AddInputsBesidesPolicy(command);
        return result => rest(result, result.GetRequiredValue(policy));
    }

    /// <summary>
    /// Adds the inputs other than <c>--policy</c> (for <c>diff</c>, which takes two); the function
    /// gives the options for one policy path. Without <paramref name="asOf"/> (<c>letters</c>, which
    /// evaluates to its <c>--to</c>) there is no <c>--as-of</c>.
    /// </summary>
    public static Func<ParseResult, string, InputOptions> AddInputsBesidesPolicy(Command command, bool asOf = true)
    {
        var marks = Marks();
        var pupils = Pupils();
        var asOfOption = asOf ? AsOf() : null;
        var calendar = Calendar();
        var codeMap = CodeMap();
        var strict = Strict();
        var lenient = Lenient();
        var encoding = Encoding();
        foreach (var option in new Option?[] { marks, pupils, asOfOption, calendar, codeMap, strict, lenient, encoding })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(strict) && result.GetValue(lenient))
            {
                result.AddError("--strict and --lenient cannot both be given.");
            }
        });

        return (result, policy) => new InputOptions(
            policy,
            result.GetRequiredValue(marks),
            result.GetValue(pupils),
            asOfOption is null ? null : result.GetValue(asOfOption),
            result.GetValue(calendar),
            result.GetValue(lenient),
            result.GetValue<bool>(VerboseName),
            result.GetRequiredValue(encoding),
            result.GetValue(codeMap));
    }
}
