namespace Attendance.Rules.Files;

/// <summary>A file the bounded reader will not read: not a regular file, missing, unreadable, over its byte limit or not in its encoding.</summary>
internal sealed class FileRefusedException(string path, string reason, int? line = null)
    : IOException(line is { } l ? $"{path}:{l}: {reason}" : $"{path}: {reason}")
{
    /// <summary>The path as typed.</summary>
    public string Path { get; } = path;

    /// <summary>Why, as a sentence without the path.</summary>
    public string Reason { get; } = reason;

    /// <summary>The line the reason is about, where there is one.</summary>
    public int? Line { get; } = line;
}
