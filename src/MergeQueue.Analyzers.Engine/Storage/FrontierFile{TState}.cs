using System;
using System.IO;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The states a fingerprint-mode search still has to visit, by number, in blocks of <see cref="BlockSize"/>: in memory
/// only the blocks being visited and the one being appended to; every other full block is written to a temporary file
/// as it fills and read back when the search reaches it (TLC keeps its queue on disk the same way). Each file holds a
/// run of consecutive blocks and is deleted once the search has visited them all, so the disk holds about the
/// frontier, not every state found.
/// </summary>
/// <remarks>
/// <para>
/// States are added and visited in number order, so each file is written once, front to back, and each block is read
/// back once. Blocks below the visited point are forgotten (fingerprint mode rebuilds such a state by replaying its
/// steps). Nothing in the search depends on where a state is held, so counts, verdicts and traces are the same as with
/// every state in memory.
/// </para>
/// <para>
/// A file is opened at the first full block of its run that is not being visited, and every file left is deleted on
/// <see cref="Dispose"/>, which the search calls when it ends however it ends (<see cref="FileOptions.DeleteOnClose"/>
/// asks the operating system to delete it too if the process dies first, where it can). When a file cannot be written
/// (no temporary directory, a full disk), the blocks stay in memory from then on. Not safe for several threads, except reading blocks made
/// resident by <see cref="Load"/> while nothing is added.
/// </para>
/// </remarks>
internal sealed class FrontierFile<TState> : IDisposable
{
    // Blocks of 1,024 states: a model of 25,000 states would hold 8 bytes a state in two blocks of 4,096 packed states.
    internal const int BlockShift = 10;
    internal const int BlockSize = 1 << BlockShift;
    private const int Mask = BlockSize - 1;

    // 1,024 blocks of 1,024 states: about a million states a file.
    private const int DefaultBlocksPerFile = 1024;

    private readonly IStateSerializer<TState> serializer;
    private readonly string directory;
    private readonly int blocksPerFile;
    private TState[]?[] blocks = new TState[]?[16];

    // Where each written block starts in its file and how many bytes it takes; -1 while it is not written.
    private long[] offsets = NotWritten(16);
    private int[] lengths = new int[16];

    // Blocks below this one are forgotten.
    private int released;

    // Block b is in file b / blocksPerFile; null before it is opened and after it is deleted.
    private FileStream?[] files = new FileStream?[4];
    private long[] fileEnds = new long[4];
    private byte[] buffer = new byte[1 << 16];

    // Set when a file could not be written: from then on every block stays in memory.
    private bool inMemoryOnly;

    // One forgotten block's array, cleared, for the next block.
    private TState[]? spare;

    /// <param name="serializer">Writes and reads the states.</param>
    /// <param name="directory">Where the temporary files go; the system's temporary directory when null.</param>
    /// <param name="blocksPerFile">How many consecutive blocks a file holds.</param>
    internal FrontierFile(IStateSerializer<TState> serializer, string? directory = null, int blocksPerFile = DefaultBlocksPerFile)
    {
        this.serializer = serializer;
        this.directory = directory ?? TemporaryFiles.DefaultDirectory;
        this.blocksPerFile = blocksPerFile;
    }

    /// <summary>The number of states added.</summary>
    internal int Count { get; private set; }

    /// <summary>The paths of the temporary files not deleted yet.</summary>
    internal string[] FilePaths
    {
        get
        {
            var paths = new System.Collections.Generic.List<string>();
            foreach (FileStream? file in files)
            {
                if (file is not null)
                {
                    paths.Add(file.Name);
                }
            }

            return paths.ToArray();
        }
    }

    /// <summary>The number of blocks written to the file.</summary>
    internal int BlocksWritten { get; private set; }

    /// <summary>The number of blocks in memory now.</summary>
    internal int BlocksInMemory
    {
        get
        {
            int count = 0;
            foreach (TState[]? block in blocks)
            {
                count += block is null ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>True when the state is in memory now.</summary>
    internal bool IsInMemory(int index) => index < Count && blocks[index >> BlockShift] is not null;

    /// <summary>A state in memory (<see cref="IsInMemory"/>).</summary>
    internal TState this[int index] => blocks[index >> BlockShift]![index & Mask];

    internal void Add(TState state)
    {
        int block = Count >> BlockShift;
        if (block == blocks.Length)
        {
            Array.Resize(ref blocks, block * 2);
            Array.Resize(ref lengths, block * 2);
            long[] grown = NotWritten(block * 2);
            Array.Copy(offsets, grown, block);
            offsets = grown;
        }

        TState[] values = blocks[block] ??= NewBlock();
        values[Count & Mask] = state;
        Count++;

        // A full block that the search is not visiting yet goes to the file until the search reaches it.
        if ((Count & Mask) == 0 && block > released && !inMemoryOnly)
        {
            try
            {
                Write(block);
                Forget(block);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // No temporary directory to write to, or the disk is full: the states stay in memory, as without a
                // file. The block's bytes, if some were written, are never read (it has no offset).
                inMemoryOnly = true;
            }
        }
    }

    /// <summary>
    /// Brings the state into memory if it is in the file; false when it was forgotten (below
    /// <see cref="ReleaseBelow"/>) or never added.
    /// </summary>
    internal bool TryLoad(int index)
    {
        if (index >= Count || (index >> BlockShift) < released)
        {
            return false;
        }

        int block = index >> BlockShift;
        if (blocks[block] is null)
        {
            Read(block);
        }

        return true;
    }

    /// <summary>Brings the states from <paramref name="start"/> to <paramref name="end"/> (exclusive) into memory, so that several threads can read them.</summary>
    internal void Load(int start, int end)
    {
        for (int index = start; index < end; index = ((index >> BlockShift) + 1) << BlockShift)
        {
            TryLoad(index);
        }
    }

    /// <summary>Forgets the blocks holding only states below <paramref name="index"/>: the search visited them.</summary>
    internal void ReleaseBelow(int index)
    {
        int block = index >> BlockShift;
        for (; released < block; released++)
        {
            Forget(released);
        }

        // The files whose blocks were all visited.
        for (int file = 0; file < released / blocksPerFile && file < files.Length; file++)
        {
            Delete(file);
        }
    }

    /// <summary>Closes and deletes the file and forgets every block.</summary>
    public void Dispose()
    {
        for (int block = 0; block < blocks.Length; block++)
        {
            blocks[block] = null;
        }

        spare = null;
        released = Math.Max(released, (Count >> BlockShift) + 1);
        for (int file = 0; file < files.Length; file++)
        {
            Delete(file);
        }
    }

    private void Delete(int file)
    {
        FileStream? stream = files[file];
        if (stream is not null)
        {
            files[file] = null;
            TemporaryFiles.Delete(stream);
        }
    }

    private void Write(int block)
    {
        TState[] values = blocks[block]!;
        int at = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            at = serializer.Write(values[i], ref buffer, at);
        }

        int file = block / blocksPerFile;
        if (file >= files.Length)
        {
            Array.Resize(ref files, Math.Max(file + 1, files.Length * 2));
            Array.Resize(ref fileEnds, files.Length);
        }

        FileStream stream = files[file] ??= Open();
        if (stream.Position != fileEnds[file])
        {
            stream.Position = fileEnds[file];
        }

        stream.Write(buffer, 0, at);
        offsets[block] = fileEnds[file];
        lengths[block] = at;
        fileEnds[file] += at;
        BlocksWritten++;
    }

    private void Read(int block)
    {
        if (offsets[block] < 0)
        {
            throw new InvalidOperationException("A block of the frontier was neither in memory nor in its file.");
        }

        int length = lengths[block];
        StateSerializers.Reserve(ref buffer, length);
        FileStream stream = files[block / blocksPerFile]!;
        stream.Position = offsets[block];
        int read = 0;
        while (read < length)
        {
            int got = stream.Read(buffer, read, length - read);
            if (got <= 0)
            {
                throw new IOException("The frontier's file ended early.");
            }

            read += got;
        }

        TState[] values = NewBlock();
        int at = 0;
        int count = Math.Min(BlockSize, Count - (block << BlockShift));
        for (int i = 0; i < count; i++)
        {
            values[i] = serializer.Read(buffer, ref at);
        }

        blocks[block] = values;
    }

    private void Forget(int block)
    {
        TState[]? values = blocks[block];
        if (values is not null)
        {
            blocks[block] = null;
            Array.Clear(values, 0, values.Length);
            spare = values;
        }
    }

    private TState[] NewBlock()
    {
        TState[]? values = spare;
        spare = null;
        return values ?? new TState[BlockSize];
    }

    private FileStream Open() => TemporaryFiles.Open(directory, "frontier");

    private static long[] NotWritten(int count)
    {
        var offsets = new long[count];
        for (int i = 0; i < count; i++)
        {
            offsets[i] = -1;
        }

        return offsets;
    }
}
