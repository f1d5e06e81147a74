using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Braf;

/// <summary>A byte of the file: one of the model's symbols, or "arbitrary" (undefined content).</summary>
public enum Sym { A, B, Arbitrary }

/// <summary>
/// TLC's BufferedRandomAccessFile: a one-buffer cache over a RandomAccessFile. Checks the
/// class invariants V1-V5, that the buffered file refines a plain RandomAccessFile whose
/// content is the logical file content and whose pointer is <c>curr</c>, and that every
/// operation refines its RandomAccessFile counterpart.
/// </summary>
[StateMachine]
public partial class BufferedRandomAccessFile
{
    const int MaxOffset = 3;
    const int BuffSz = 2;

    static readonly Sym[] Symbols = Enum.GetValues<Sym>();     // SymbolOrArbitrary
    static readonly int[] Offsets = [.. Enumerable.Range(0, MaxOffset + 1)];

    // BufferedRandomAccessFile fields
    bool dirty;
    int length;
    int curr;
    int lo;
    Sym[] buff = Enumerable.Repeat(Sym.Arbitrary, BuffSz).ToArray();
    int diskPos;

    // the underlying RandomAccessFile
    Sym[] fileContent = [];
    int filePointer;

    // ------------------------------------------------------------ array helpers (Common)

    static Sym[] Slice(Sym[] a, int startInclusive, int endExclusive) =>
        endExclusive > startInclusive ? a[startInclusive..endExclusive] : [];

    /// <summary>Extend the file with arbitrary symbols if needed, then overlay data at offset.</summary>
    static Sym[] WriteToFile(Sym[] file, int offset, Sym[] data)
    {
        int newLength = Math.Max(file.Length, offset + data.Length);
        return Enumerable.Range(0, newLength).Select(i =>
            i < offset ? (i < file.Length ? file[i] : Sym.Arbitrary)
            : i < offset + data.Length ? data[i - offset]
            : file[i]).ToArray();
    }

    static Sym[] TruncateOrExtendFile(Sym[] file, int newLength) =>
        newLength > file.Length
            ? [.. file, .. Enumerable.Repeat(Sym.Arbitrary, newLength - file.Length)]
            : Slice(file, 0, newLength);

    static IEnumerable<Sym[]> AllArrays(int len) =>
        len == 0
            ? [[]]
            : from prefix in AllArrays(len - 1) from s in Symbols select (Sym[])[.. prefix, s];

    // ------------------------------------------------------------ internal invariants

    Sym[] RelevantBufferContent => Slice(buff, 0, Math.Min(BuffSz, length - lo));

    /// <summary>c(f): the file content as seen through the buffer.</summary>
    Sym[] LogicalFileContent =>
        RelevantBufferContent.Length > 0 ? WriteToFile(fileContent, lo, RelevantBufferContent) : fileContent;

    Sym DiskF(int i) => i >= 0 && i < fileContent.Length ? fileContent[i] : Sym.Arbitrary;

    IEnumerable<int> BufferedIndexes => Enumerable.Range(lo, Math.Max(0, Math.Min(lo + BuffSz, length) - lo));

    [Invariant]
    bool TypeOK =>
        length is >= 0 and <= MaxOffset
        && curr is >= 0 and <= MaxOffset
        && lo is >= 0 and <= MaxOffset
        && diskPos is >= 0 and <= MaxOffset
        && filePointer is >= 0 and <= MaxOffset
        && buff.Length == BuffSz
        && fileContent.Length <= MaxOffset;

    [Invariant]
    bool Inv1 => length == LogicalFileContent.Length && diskPos == filePointer;

    /// <summary>Precondition of most operations, restored by seek(curr); not an invariant.</summary>
    bool Inv2 => lo <= curr && curr < lo + BuffSz;

    [Invariant]
    bool Inv3
    {
        get
        {
            var logical = LogicalFileContent;
            return BufferedIndexes.All(i => logical[i] == buff[i - lo]);
        }
    }

    [Invariant]
    bool Inv4
    {
        get
        {
            var logical = LogicalFileContent;
            var buffered = BufferedIndexes.ToHashSet();
            return Enumerable.Range(0, length).All(i => buffered.Contains(i) || logical[i] == DiskF(i));
        }
    }

    [Invariant]
    bool Inv5 => !BufferedIndexes.Any(i => DiskF(i) != buff[i - lo]) || dirty;

    // ------------------------------------------------------------ operations

    [Action]
    bool FlushBuffer()
    {
        if (!dirty)
            return false;
        int len = Math.Min(length - lo, BuffSz);
        if (len > 0)
        {
            fileContent = WriteToFile(fileContent, lo, Slice(buff, 0, len));   // super.seek(lo); super.write(...)
            filePointer = lo + len;
            diskPos = lo + len;
        }
        dirty = false;
        return true;
    }

    [Action]
    bool Seek([Range(0, MaxOffset)] int pos)
    {
        curr = pos;
        if (pos < lo || pos >= lo + BuffSz)
        {
            if (dirty)
                return false;   // the buffer must have been flushed first
            lo = pos / BuffSz * BuffSz;
            FillBuffer();
        }
        return true;
    }

    void FillBuffer()
    {
        buff = Enumerable.Range(0, BuffSz)
            .Select(i => lo + i < fileContent.Length ? fileContent[lo + i] : Sym.Arbitrary)
            .ToArray();
        filePointer = Math.Min(lo + BuffSz, fileContent.Length);
        diskPos = filePointer;
    }

    /// <param name="newFilePointer">
    /// RandomAccessFile.setLength leaves the file pointer unspecified unless it must be truncated.
    /// </param>
    [Action]
    bool SetLength([Range(0, MaxOffset)] int newLength, [Range(0, MaxOffset)] int newFilePointer)
    {
        if (fileContent.Length > newLength && filePointer > newLength && newFilePointer != newLength)
            return false;
        fileContent = TruncateOrExtendFile(fileContent, newLength);
        filePointer = newFilePointer;
        length = newLength;
        diskPos = filePointer;
        if (curr > newLength)
            curr = newLength;
        // the buffer does not change, but bytes past the new length are no longer meaningful
        buff = Enumerable.Range(0, BuffSz).Select(i => lo + i < newLength ? buff[i] : Sym.Arbitrary).ToArray();
        return true;
    }

    [Action]
    bool Read1(Sym symbol)
    {
        if (!Inv2 || curr >= length || buff[curr - lo] != symbol)
            return false;
        curr++;
        return true;
    }

    [Action]
    bool Write1(Sym symbol)
    {
        if (curr + 1 > MaxOffset || !Inv2)   // bound for model checking
            return false;
        buff[curr - lo] = symbol;
        curr++;
        dirty = true;
        length = Math.Max(length, curr);
        return true;
    }

    /// <summary>What read(len) returns without seeking, or null when it cannot return len bytes.</summary>
    Sym[]? ReadData(int len)
    {
        int numReadableWithoutSeeking = Math.Min(lo + BuffSz, length) - curr;
        if (!Inv2 || numReadableWithoutSeeking < 0)
            return null;
        int numToRead = Math.Min(len, numReadableWithoutSeeking);
        return numToRead == len ? Slice(buff, curr - lo, curr - lo + numToRead) : null;
    }

    [Action]
    bool Read([Range(1, MaxOffset)] int len)
    {
        if (ReadData(len) is null)
            return false;
        curr += len;
        return true;
    }

    /// <summary>writeAtMost(data) for data = d0 d1 d2 truncated to len symbols.</summary>
    [Action]
    bool WriteAtMost([Range(1, MaxOffset)] int len, Sym d0, Sym d1, Sym d2) =>
        WriteAtMost(((Sym[])[d0, d1, d2])[..len]);

    bool WriteAtMost(Sym[] data)
    {
        int numWriteableWithoutSeeking = Math.Min(data.Length, lo + BuffSz - curr);
        int buffOff = curr - lo;
        if (!Inv2 || curr + numWriteableWithoutSeeking > MaxOffset)
            return false;
        buff =
        [
            .. Slice(buff, 0, buffOff),
            .. Slice(data, 0, numWriteableWithoutSeeking),
            .. Slice(buff, buffOff + numWriteableWithoutSeeking, buff.Length),
        ];
        dirty = true;
        curr += numWriteableWithoutSeeking;
        length = Math.Max(length, curr);
        return true;
    }

    // ------------------------------------------------------------ steps as relations

    BufferedRandomAccessFile Clone()
    {
        var copy = (BufferedRandomAccessFile)MemberwiseClone();
        copy.buff = (Sym[])buff.Clone();
        copy.fileContent = (Sym[])fileContent.Clone();
        return copy;
    }

    bool SameState(BufferedRandomAccessFile other) =>
        dirty == other.dirty && length == other.length && curr == other.curr && lo == other.lo
        && buff.SequenceEqual(other.buff) && diskPos == other.diskPos
        && fileContent.SequenceEqual(other.fileContent) && filePointer == other.filePointer;

    /// <summary>Whether before --> after is a step of the given operation (TLA+: the action formula holds for the pair).</summary>
    static bool IsStep(BufferedRandomAccessFile before, BufferedRandomAccessFile after, Func<BufferedRandomAccessFile, bool> operation)
    {
        var expected = before.Clone();
        return operation(expected) && expected.SameState(after);
    }

    // ------------------------------------------------------------ refinement of RandomAccessFile

    // RAF's actions on (file_content, file_pointer) <- (LogicalFileContent, curr)
    static bool RafSeek(int offset, int ptr1) => ptr1 == offset;

    static bool RafSetLength(Sym[] c0, int p0, Sym[] c1, int p1, int newLength) =>
        c1.SequenceEqual(TruncateOrExtendFile(c0, newLength))
        && (c0.Length > newLength && p0 > newLength ? p1 == newLength : p1 is >= 0 and <= MaxOffset);

    static bool RafRead(Sym[] c0, int p0, Sym[] c1, int p1, Sym[] output) =>
        output.SequenceEqual(Slice(c0, p0, Math.Min(p0 + output.Length, c0.Length)))
        && p1 == p0 + output.Length
        && c1.SequenceEqual(c0);

    static bool RafWrite(Sym[] c0, int p0, Sym[] c1, int p1, Sym[] data) =>
        p0 + data.Length <= MaxOffset
        && c1.SequenceEqual(WriteToFile(c0, p0, data))
        && p1 == p0 + data.Length;

    /// <summary>
    /// Safety == RAF!Spec: every step is a stuttering step of the abstract file or one of its
    /// Seek, SetLength, Write, Read steps. (RAF!Init, an empty file at offset 0, holds initially.)
    /// </summary>
    [StepInvariant]
    bool Safety(BufferedRandomAccessFile before)
    {
        var (c0, p0) = (before.LogicalFileContent, before.curr);
        var (c1, p1) = (LogicalFileContent, curr);
        if (c0.SequenceEqual(c1) && p0 == p1)
            return true;
        return Offsets.Any(o => (c1.SequenceEqual(c0) && RafSeek(o, p1)) || RafSetLength(c0, p0, c1, p1, o))
            || Enumerable.Range(1, MaxOffset).Any(len => AllArrays(len).Any(data =>
                RafWrite(c0, p0, c1, p1, data) || RafRead(c0, p0, c1, p1, data)));
    }

    [StepInvariant]
    bool FlushBufferCorrect(BufferedRandomAccessFile before) =>
        !IsStep(before, this, s => s.FlushBuffer())
        || (LogicalFileContent.SequenceEqual(before.LogicalFileContent) && curr == before.curr);

    [StepInvariant]
    bool SeekCorrect(BufferedRandomAccessFile before) =>
        Offsets.All(o => !IsStep(before, this, s => s.Seek(o))
                         || (RafSeek(o, curr) && LogicalFileContent.SequenceEqual(before.LogicalFileContent)));

    [StepInvariant]
    bool SeekEstablishesInv2(BufferedRandomAccessFile before) =>
        Offsets.All(o => !IsStep(before, this, s => s.Seek(o)) || Inv2);

    [StepInvariant]
    bool Write1Correct(BufferedRandomAccessFile before) =>
        Symbols.All(sym => !IsStep(before, this, s => s.Write1(sym))
                           || RafWrite(before.LogicalFileContent, before.curr, LogicalFileContent, curr, [sym]));

    [StepInvariant]
    bool Read1Correct(BufferedRandomAccessFile before) =>
        Symbols.All(sym => !IsStep(before, this, s => s.Read1(sym))
                           || RafRead(before.LogicalFileContent, before.curr, LogicalFileContent, curr, [sym]));

    [StepInvariant]
    bool WriteAtMostCorrect(BufferedRandomAccessFile before) =>
        Enumerable.Range(1, MaxOffset).All(len => AllArrays(len).All(data =>
            !IsStep(before, this, s => s.WriteAtMost(data))
            || Enumerable.Range(1, len).Any(written =>
                RafWrite(before.LogicalFileContent, before.curr, LogicalFileContent, curr, Slice(data, 0, written)))));

    [StepInvariant]
    bool ReadCorrect(BufferedRandomAccessFile before) =>
        Enumerable.Range(1, MaxOffset).All(len =>
            !IsStep(before, this, s => s.Read(len))
            || RafRead(before.LogicalFileContent, before.curr, LogicalFileContent, curr, before.ReadData(len)!));

    // ------------------------------------------------------------ Inv2 can always be restored

    // restoreInvariantsAfterIncreasingCurr() = FlushBuffer (if dirty) followed by Seek(curr)

    [Invariant]
    bool FlushBufferPossibleWhenDirty => !dirty || Clone().FlushBuffer();

    [StepInvariant]
    bool FlushBufferMakesProgress(BufferedRandomAccessFile before) =>
        !IsStep(before, this, s => s.FlushBuffer()) || !dirty;

    [Invariant]
    bool SeekCurrPossibleWhenNotDirty => dirty || Clone().Seek(curr);

    [StepInvariant]
    bool SeekCurrRestoresInv2(BufferedRandomAccessFile before) =>
        !IsStep(before, this, s => s.Seek(before.curr)) || Inv2;
}
