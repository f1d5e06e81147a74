using System;
using System.Collections.Generic;
using System.IO;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// An append-only run of bytes in a temporary file, read back front to back as often as needed: what fingerprint mode
/// records per state and per step, so that the heap holds a buffer of it, not all of it. When no file can be written
/// (no directory, or a write fails: a full disk), what comes next stays in memory and is read after the file's part.
/// </summary>
/// <remarks>
/// Values are written lowest byte first, in as many bytes as the caller says. Reading does not disturb writing (every
/// write goes to the end of the file), but nothing may be written while a <see cref="Reader"/> is in use. The file is
/// deleted on <see cref="Dispose"/>.
/// </remarks>
internal sealed class TemporaryLog : IDisposable
{
    private const int ChunkSize = 1 << 14;

    private FileStream? file;

    // Bytes known to be in the file: a write that failed may have left some past them, which are never read.
    private long fileLength;
    private bool fileFailed;

    // Full chunks after the file's part, when writing to it failed or there is none.
    private readonly List<byte[]> chunks = new();
    private byte[] buffer = new byte[ChunkSize];
    private int buffered;

    /// <param name="directory">Where the file goes; null to keep everything in memory.</param>
    /// <param name="holds">What the log holds, for the file's name.</param>
    internal TemporaryLog(string? directory, string holds)
    {
        if (directory is not null)
        {
            try
            {
                file = TemporaryFiles.Open(directory, holds);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                file = null;
            }
        }
    }

    /// <summary>The bytes written so far.</summary>
    internal long Length => fileLength + ((long)chunks.Count * ChunkSize) + buffered;

    /// <summary>The file's path while it exists; null when there is none (for tests).</summary>
    internal string? FilePath => file?.Name;

    /// <summary>True when every byte so far is in the file, none in memory past the buffer.</summary>
    internal bool AllInFile => file is not null && !fileFailed;

    /// <summary>Appends the lowest <paramref name="bytes"/> bytes of <paramref name="value"/>.</summary>
    internal void Write(ulong value, int bytes)
    {
        if (ChunkSize - buffered < 8)
        {
            for (int i = 0; i < bytes; i++)
            {
                WriteByte((byte)(value >> (8 * i)));
            }

            return;
        }

        // A whole word fits: all eight bytes are stored (those past the value's are overwritten by the next), which
        // costs less than a loop over the ones wanted.
        StoreWord(buffer, buffered, value);
        buffered += bytes;
        if (buffered == ChunkSize)
        {
            Spill();
        }
    }

    /// <summary>Stores <paramref name="value"/> in <paramref name="bytes"/> at <paramref name="at"/>, lowest byte first.</summary>
    internal static void StoreWord(byte[] bytes, int at, ulong value)
    {
        bytes[at] = (byte)value;
        bytes[at + 1] = (byte)(value >> 8);
        bytes[at + 2] = (byte)(value >> 16);
        bytes[at + 3] = (byte)(value >> 24);
        bytes[at + 4] = (byte)(value >> 32);
        bytes[at + 5] = (byte)(value >> 40);
        bytes[at + 6] = (byte)(value >> 48);
        bytes[at + 7] = (byte)(value >> 56);
    }

    /// <summary>A reader from the first byte to the last one written so far.</summary>
    internal Reader Read() => new(this);

    /// <summary>Deletes the file and forgets what is in memory.</summary>
    public void Dispose()
    {
        chunks.Clear();
        buffer = Array.Empty<byte>();
        buffered = 0;
        if (file is not null)
        {
            TemporaryFiles.Delete(file);
            file = null;
        }
    }

    private void WriteByte(byte value)
    {
        buffer[buffered++] = value;
        if (buffered == ChunkSize)
        {
            Spill();
        }
    }

    /// <summary>The buffer is full: to the file, or (no file, or it failed) kept as a chunk in memory.</summary>
    private void Spill()
    {
        if (file is not null && !fileFailed)
        {
            try
            {
                if (file.Position != fileLength)
                {
                    file.Position = fileLength;
                }

                file.Write(buffer, 0, ChunkSize);
                fileLength += ChunkSize;
                buffered = 0;
                return;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                fileFailed = true;
            }
        }

        chunks.Add(buffer);
        buffer = new byte[ChunkSize];
        buffered = 0;
    }

    /// <summary>Reads a log front to back: the file's part through a buffer of its own, then the chunks in memory.</summary>
    internal sealed class Reader
    {
        private readonly TemporaryLog log;
        private readonly long end;
        private byte[] current = Array.Empty<byte>();
        private int at;
        private int limit;
        private long position;
        private byte[]? fileBuffer;

        internal Reader(TemporaryLog log)
        {
            this.log = log;
            end = log.Length;
        }

        /// <summary>True when every byte written before this reader was made has been read.</summary>
        internal bool AtEnd => at == limit && position == end;

        /// <summary>Reads a value of <paramref name="bytes"/> bytes, lowest byte first.</summary>
        internal ulong Read(int bytes)
        {
            ulong value = 0;
            if (limit - at >= 8 && BitConverter.IsLittleEndian)
            {
                // The common case, a whole word at hand on a little-endian machine: one load, then the bytes wanted.
                value = BitConverter.ToUInt64(current, at);
                at += bytes;
                return bytes == 8 ? value : value & ((1UL << (8 * bytes)) - 1);
            }

            for (int i = 0; i < bytes; i++)
            {
                if (at == limit)
                {
                    Refill();
                }

                value |= (ulong)current[at++] << (8 * i);
            }

            return value;
        }

        private void Refill()
        {
            if (position >= end)
            {
                throw new InvalidOperationException("Read past the end of a temporary log.");
            }

            if (position < log.fileLength)
            {
                fileBuffer ??= new byte[ChunkSize];
                int length = (int)Math.Min(ChunkSize, log.fileLength - position);
                FileStream file = log.file!;
                file.Position = position;
                int read = 0;
                while (read < length)
                {
                    int got = file.Read(fileBuffer, read, length - read);
                    if (got <= 0)
                    {
                        throw new IOException("A temporary log's file ended early.");
                    }

                    read += got;
                }

                Use(fileBuffer, length);
                return;
            }

            // Past the file: whole chunks in memory, then the buffer (as far as it was filled when this reader began).
            long inMemory = position - log.fileLength;
            int chunk = (int)(inMemory / ChunkSize);
            if (chunk < log.chunks.Count)
            {
                Use(log.chunks[chunk], ChunkSize);
            }
            else
            {
                Use(log.buffer, (int)(end - position));
            }
        }

        private void Use(byte[] bytes, int length)
        {
            current = bytes;
            at = 0;
            limit = length;
            position += length;
        }
    }
}
