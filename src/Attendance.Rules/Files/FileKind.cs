using System.Runtime.InteropServices;
using System.Text;

namespace Attendance.Rules.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>Finds a path's <see cref="FileKind"/> without opening it (opening a FIFO blocks until a writer comes).</summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;

    /// <summary>The kind of file a path names, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.Regular;
        }

        // .NET has no public API for the file type; its own native shim's stat gives it, in POSIX
        // numbering, with the mode as the second 32-bit field of its status record.
        var status = new byte[512];
        int result;
        try
        {
            result = Stat(Encoding.UTF8.GetBytes(path + "\0"), status);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Fallback(path);
        }

        if (result != 0)
        {
            return FileKind.Missing;
        }

        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    /// <summary>How the kind reads in a sentence: "a FIFO (named pipe)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "not a regular file",
    };

    private static FileKind Fallback(string path)
    {
        var full = PathResolution.RealPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/sys/", StringComparison.Ordinal)
            ? FileKind.Other
            : FileKind.Regular;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(byte[] path, byte[] status);
}
