namespace Attendance.Rules.Files;

/// <summary>
/// A read-only stream over a file that refuses to give more than a fixed number of bytes, whatever
/// length the file reports (a device or a file that grows while read reports anything).
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, Func<FileRefusedException> tooLarge) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Asks for one byte past the limit so a file of exactly the limit is read whole and a larger one is refused.
        var allowed = (int)Math.Min(buffer.Length, maxBytes + 1 - read);
        var n = inner.Read(buffer[..allowed]);
        read += n;
        if (read > maxBytes)
        {
            throw tooLarge();
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
