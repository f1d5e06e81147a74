using System;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.LoopInvariance;

/// <summary>
/// Lamport's binary search (BinarySearch.tla, model MCBinarySearch.cfg): every sorted sequence
/// of length 1..MaxSeqLen over Values = {1..5}, and every val in Values. Indices are 0-based;
/// a result of -1 means "not found" (TLA+'s result = 0).
/// </summary>
[StateMachine]
public partial class MCBinarySearch
{
    const int MinValue = 1;
    const int MaxValue = 5;
    const int MaxSeqLen = 8;
    const int NotFound = -1;

    public enum Label { A, Done }

    readonly int[] seq;
    readonly int val;
    int low;
    int high;
    int result = NotFound;
    Label pc = Label.A;

    /// <summary>
    /// A sorted sequence is determined by how many times each value occurs in it.
    /// </summary>
    public MCBinarySearch(
        [Range(0, MaxSeqLen)] int ones,
        [Range(0, MaxSeqLen)] int twos,
        [Range(0, MaxSeqLen)] int threes,
        [Range(0, MaxSeqLen)] int fours,
        [Range(0, MaxSeqLen)] int fives,
        [Range(MinValue, MaxValue)] int val)
    {
        int[] counts = [ones, twos, threes, fours, fives];
        Require(counts.Sum() is >= 1 and <= MaxSeqLen);
        seq = [.. counts.SelectMany((count, v) => Enumerable.Repeat(MinValue + v, count))];
        this.val = val;
        low = 0;
        high = seq.Length - 1;
    }

    [Action]
    void A()
    {
        Require(pc == Label.A);
        if (low <= high && result == NotFound)
        {
            int mid = (low + high) / 2;
            int mval = seq[mid];
            if (mval == val) result = mid;
            else if (val < mval) high = mid - 1;
            else low = mid + 1;
        }
        else
        {
            pc = Label.Done;
        }
    }

    [Terminal]
    bool Terminated => pc == Label.Done;

    [Eventually]
    bool Termination => pc == Label.Done;

    bool IsSorted => seq.Zip(seq.Skip(1)).All(p => p.First <= p.Second);

    bool Contains(int from, int to) =>
        Enumerable.Range(from, Math.Max(0, to - from + 1)).Any(x => seq[x] == val);

    [Invariant]
    bool ResultCorrect =>
        pc != Label.Done
        || (seq.Contains(val) ? result >= 0 && seq[result] == val : result == NotFound);

    [Invariant]
    bool TypeOK =>
        seq.Length is >= 1 and <= MaxSeqLen
        && seq.All(x => x is >= MinValue and <= MaxValue)
        && IsSorted
        && val is >= MinValue and <= MaxValue
        && low >= 0 && low <= seq.Length
        && high >= -1 && high < seq.Length
        && result >= NotFound && result < seq.Length;

    [Invariant]
    bool Inv =>
        TypeOK
        && (result == NotFound || seq.Length > 0 && seq[result] == val)
        && (pc != Label.A || (seq.Contains(val) ? Contains(low, high) : result == NotFound))
        && (pc != Label.Done || result != NotFound || !seq.Contains(val));
}
