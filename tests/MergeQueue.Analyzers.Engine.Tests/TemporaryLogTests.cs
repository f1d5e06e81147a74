using System;
using System.IO;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// A temporary log gives back what was written, in order and in the widths it was written in, from its file and its
/// buffer, as often as asked and while more is written in between; in memory when it has no directory; and its file is
/// gone once it is disposed.
/// </summary>
public sealed class TemporaryLogTests : IDisposable
{
    // Far past the 16 KB a log buffers before it writes to its file.
    private const int Count = 20_000;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "mergequeue-test-" + Guid.NewGuid().ToString("N"));

    public TemporaryLogTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Values_come_back_in_the_order_and_widths_they_were_written_in()
    {
        using var log = new TemporaryLog(directory, "test");
        for (int i = 0; i < Count; i++)
        {
            log.Write(Value(i), Width(i));
        }

        Assert.True(log.AllInFile);
        Assert.True(new FileInfo(log.FilePath!).Length > 16_384);
        TemporaryLog.Reader reader = log.Read();
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(Value(i), reader.Read(Width(i)));
        }

        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void A_reader_reads_what_was_written_before_it_and_writing_goes_on_after()
    {
        using var log = new TemporaryLog(directory, "test");
        for (int i = 0; i < Count / 2; i++)
        {
            log.Write(Value(i), 8);
        }

        TemporaryLog.Reader first = log.Read();
        for (int i = 0; i < Count / 2; i++)
        {
            Assert.Equal(Value(i), first.Read(8));
        }

        Assert.True(first.AtEnd);
        for (int i = Count / 2; i < Count; i++)
        {
            log.Write(Value(i), 8);
        }

        TemporaryLog.Reader second = log.Read();
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(Value(i), second.Read(8));
        }

        Assert.Throws<InvalidOperationException>(() => second.Read(1));
    }

    [Fact]
    public void Without_a_directory_to_write_to_the_log_stays_in_memory()
    {
        string missing = Path.Combine(directory, "missing");
        using var log = new TemporaryLog(missing, "test");
        for (int i = 0; i < Count; i++)
        {
            log.Write(Value(i), 8);
        }

        Assert.Null(log.FilePath);
        Assert.False(log.AllInFile);
        TemporaryLog.Reader reader = log.Read();
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(Value(i), reader.Read(8));
        }

        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Dispose_deletes_the_file()
    {
        var log = new TemporaryLog(directory, "test");
        log.Write(Value(1), 8);
        string path = log.FilePath!;
        Assert.True(File.Exists(path));

        log.Dispose();

        Assert.False(File.Exists(path));
        Assert.Null(log.FilePath);
        Assert.Empty(Directory.GetFiles(directory));
    }

    private static ulong Value(int i) => FingerprintTable.Key((ulong)i) >> (64 - (8 * Width(i)));

    // Widths 1, 2, 4 and 8 in turn, so that values straddle the buffer's and the file's chunks.
    private static int Width(int i) => 1 << (i % 4);
}
