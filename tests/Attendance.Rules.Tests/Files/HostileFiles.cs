using System.Diagnostics;

namespace Attendance.Rules.Tests.Files;

/// <summary>A temporary folder for hostile file-system fixtures (FIFOs, symbolic links, devices), deleted afterwards.</summary>
internal sealed class HostileFiles : IDisposable
{
    public HostileFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A named pipe: opening it for reading would block until a writer came.</summary>
    public string Fifo(string name)
    {
        var path = PathOf(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    public string Link(string name, string target)
    {
        var path = PathOf(name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    /// <summary>Runs an action under a hang guard (a FIFO opened by mistake would block for ever); not a timing assertion.</summary>
    public static void Guarded(Action action)
    {
        var work = Task.Run(action);
        Assert.True(work.Wait(TimeSpan.FromSeconds(10)), "no answer within the hang guard of 10 s");
        work.GetAwaiter().GetResult();
    }
}
