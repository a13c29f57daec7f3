return Attendance.Rules.Cli.App.Run(args, Console.Out, Console.Error);
