using System;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Edges (a target state number and an action instance each) in a temporary file: written front to back, then mapped
/// into memory and read in any order. The pages read live in the operating system's file cache, not on the managed
/// heap, and can be dropped and read again when memory is short.
/// </summary>
/// <remarks>
/// An edge is a record of its target in four bytes and its instance in one, two or four (the fewest that hold every
/// instance of the model), lowest byte first. The file is deleted on <see cref="Dispose"/>.
/// </remarks>
internal sealed class EdgeFile : IDisposable
{
    private const int BufferSize = 1 << 14;

    private readonly int instanceWidth;
    private readonly int recordSize;
    private long length;
    private FileStream? stream;
    private byte[]? buffer = new byte[BufferSize];
    private int buffered;
    private MemoryMappedFile? map;
    private MemoryMappedViewAccessor? view;

    // The view's first byte, read through Marshal: an accessor's ReadInt32 checks its bounds and counts a reference on
    // its handle each call, as much as the rest of the liveness search's work on an edge. The reference is taken once,
    // for as long as the view is mapped.
    private IntPtr start;
    private bool referenced;

    private EdgeFile(FileStream stream, int instanceBound)
    {
        this.stream = stream;
        instanceWidth = instanceBound <= 1 << 8 ? 1 : instanceBound <= 1 << 16 ? 2 : 4;
        recordSize = 4 + instanceWidth;
        Path = stream.Name;
    }

    /// <summary>The file's path.</summary>
    internal string Path { get; }

    /// <summary>A file for edges in <paramref name="directory"/>, or null when none can be created.</summary>
    internal static EdgeFile? TryCreate(string directory, int instanceBound)
    {
        try
        {
            return new EdgeFile(TemporaryFiles.Open(directory, "edges"), instanceBound);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Appends an edge; may throw an <see cref="IOException"/> (a full disk, say).</summary>
    internal void Add(int target, int instance)
    {
        // The record is stored as one word (target, then instance), whose bytes past the record the next overwrites.
        if (buffered + 8 > BufferSize)
        {
            Flush();
        }

        TemporaryLog.StoreWord(buffer!, buffered, (uint)target | ((ulong)(uint)instance << 32));
        buffered += recordSize;
        length += recordSize;
    }

    /// <summary>Writes what is buffered and maps the file for reading (a file of no edges is not mapped: none is read).</summary>
    internal void Map()
    {
        Flush();
        buffer = null;
        if (length == 0)
        {
            return;
        }

        map = MemoryMappedFile.CreateFromFile(stream!, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        SafeHandle handle = view.SafeMemoryMappedViewHandle;
        handle.DangerousAddRef(ref referenced);
        start = new IntPtr(handle.DangerousGetHandle().ToInt64() + view.PointerOffset);
    }

    internal int Target(int edge) => Marshal.ReadInt32(At(edge));

    internal int Instance(int edge)
    {
        IntPtr at = At(edge);
        return instanceWidth == 1 ? Marshal.ReadByte(at, 4) : instanceWidth == 2 ? (ushort)Marshal.ReadInt16(at, 4) : Marshal.ReadInt32(at, 4);
    }

    public void Dispose()
    {
        if (referenced)
        {
            view!.SafeMemoryMappedViewHandle.DangerousRelease();
            referenced = false;
        }

        start = IntPtr.Zero;
        view?.Dispose();
        view = null;
        map?.Dispose();
        map = null;
        buffer = null;
        if (stream is not null)
        {
            TemporaryFiles.Delete(stream);
            stream = null;
        }
    }

    private IntPtr At(int edge) => new(start.ToInt64() + ((long)edge * recordSize));

    private void Flush()
    {
        stream!.Write(buffer!, 0, buffered);
        buffered = 0;
    }
}
