using System.Text;
using Attendance.Rules.Files;

namespace Attendance.Rules.Tests.Files;

/// <summary>The bounded reader every input file goes through: regular files only, a hard byte limit whatever length the file reports.</summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly HostileFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_device_is_refused_without_reading_it()
    {
        var e = Assert.Throws<FileRefusedException>(() => BoundedFile.ReadBytes("/dev/zero", 1024, "policy"));
        Assert.Equal("/dev/zero: the policy file is a character device, not a regular file; it was not read", e.Message);
    }

    [Fact]
    public void A_symbolic_link_to_a_device_is_refused_naming_the_path_as_typed()
    {
        var link = files.Link("zero.yaml", "/dev/zero");
        var e = Assert.Throws<FileRefusedException>(() => BoundedFile.ReadBytes(link, 1024, "policy"));
        Assert.Equal($"{link}: the policy file is a character device, not a regular file; it was not read", e.Message);
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = files.Fifo("calendar.yaml");
        FileRefusedException? refused = null;
        HostileFiles.Guarded(() => refused = Assert.Throws<FileRefusedException>(() => BoundedFile.Open(fifo, 1024, "calendar")));
        Assert.Contains("is a FIFO (named pipe), not a regular file", refused!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_and_a_missing_file_are_refused_by_name()
    {
        Assert.Equal($"{files.Folder}: the marks file is a directory, not a regular file; it was not read",
            Assert.Throws<FileRefusedException>(() => BoundedFile.Open(files.Folder, 1024, "marks")).Message);
        Assert.Equal("no-such.csv: the marks file does not exist",
            Assert.Throws<FileRefusedException>(() => BoundedFile.Open("no-such.csv", 1024, "marks")).Message);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
    {
        var exact = files.Write("exact.txt", new string('a', 100));
        Assert.Equal(100, BoundedFile.ReadBytes(exact, 100, "test").Length);
        var over = files.Write("over.txt", new string('a', 101));
        var e = Assert.Throws<FileRefusedException>(() => BoundedFile.ReadBytes(over, 100, "test"));
        Assert.Equal($"{over}: the test file is larger than 100 bytes, the limit for a test file; it was not read further", e.Message);
    }

    [Fact]
    public void The_bounded_stream_never_reads_past_its_limit_whatever_length_is_reported()
    {
        var endless = new EndlessStream();
        using var bounded = new BoundedReadStream(endless, 10_000, () => new FileRefusedException("x", "too large"));
        Assert.Throws<FileRefusedException>(() => bounded.CopyTo(Stream.Null));
        Assert.True(endless.BytesRead <= 10_001, $"read {endless.BytesRead} bytes");
    }

    [Fact]
    public void Invalid_utf8_is_refused_naming_the_line_and_byte()
    {
        var path = files.PathOf("latin1.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("terms:\n  - Chlo"), 0xE9, (byte)'\n']);
        var e = Assert.Throws<FileRefusedException>(() => BoundedFile.ReadText(path, 1024, "calendar"));
        Assert.Equal($"{path}:2: the calendar file is not UTF-8: byte 0xE9 at offset 15 is not part of a UTF-8 character; save it as UTF-8", e.Message);
    }

    [Fact]
    public void A_bom_is_dropped_from_utf8_text() =>
        Assert.Equal("id: x", BoundedFile.ReadText(files.Write("bom.yaml", "\uFEFFid: x"), 1024, "policy"));

    /// <summary>A stream that never ends and reports no length, as /dev/zero does.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => 0;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
