// Writes the sample register exports to samples/data: for each seed school <school>.csv (marks)
// and <school>-pupils.csv (year groups). Usage:
//   dotnet run --project samples/SampleRegisters [-- --seed N] [--out DIR]
// The same seed gives byte-identical files; the committed files use the default seed.
using System.Globalization;
using SampleRegisters;

var seed = SampleRegisterGenerator.DefaultSeed;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
            seed = s;
            i++;
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: SampleRegisters [--seed N] [--out DIR]");
            return 2;
    }
}

var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
if (root is null)
{
    Console.Error.WriteLine("cannot find the repository root (Attendance.Rules.sln) above the current or the program's folder");
    return 1;
}

output ??= Path.Combine(root, "samples", "data");
foreach (var path in SampleRegisterGenerator.WriteAll(Path.Combine(root, "policies"), output, seed))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}: {new FileInfo(path).Length:N0} bytes"));
}

return 0;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Attendance.Rules.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
