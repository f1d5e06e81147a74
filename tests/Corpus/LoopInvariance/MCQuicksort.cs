using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.LoopInvariance;

/// <summary>
/// Lamport's abstract Quicksort (Quicksort.tla, model MCQuicksort.cfg): every nonempty
/// sequence of length at most MaxSeqLen over Values = {1, 2, 3}. U holds the intervals
/// still to be sorted; a partition step may produce any permutation of an interval that is
/// split at pivot p. Indices are 0-based.
/// </summary>
[StateMachine]
public partial class MCQuicksort
{
    const int MinValue = 1;
    const int MaxValue = 3;
    const int MaxSeqLen = 4;
    const int MaxPermutations = 24; // MaxSeqLen!

    public enum Label { A, Done }

    /// <summary>The nonempty interval Lo..Hi of positions (inclusive).</summary>
    public readonly record struct Interval(int Lo, int Hi)
    {
        public int Length => Hi - Lo + 1;
        public IEnumerable<int> Positions => Enumerable.Range(Lo, Length);
        public bool Contains(int x) => x >= Lo && x <= Hi;
    }

    int[] seq;
    readonly int[] seq0;
    readonly HashSet<Interval> U;
    Label pc = Label.A;

    public MCQuicksort(
        [Range(1, MaxSeqLen)] int length,
        [Range(MinValue, MaxValue)] int s1,
        [Range(MinValue, MaxValue)] int s2,
        [Range(MinValue, MaxValue)] int s3,
        [Range(MinValue, MaxValue)] int s4)
    {
        seq = new[] { s1, s2, s3, s4 }[..length];
        seq0 = [.. seq];
        U = [new Interval(0, length - 1)];
    }

    /// <summary>An interval of one element is already sorted.</summary>
    [Action(FairnessGroup = "a")]
    void DropSingleton([Range(0, MaxSeqLen - 1)] int at)
    {
        Require(pc == Label.A);
        Require(U.Remove(new Interval(at, at)));
    }

    /// <summary>
    /// Split interval lo..hi at pivot p into lo..p and p+1..hi, rearranging its elements by
    /// the given permutation so that every element of the first part is at most every
    /// element of the second.
    /// </summary>
    [Action(FairnessGroup = "a")]
    void Partition(
        [Range(0, MaxSeqLen - 1)] int lo,
        [Range(0, MaxSeqLen - 1)] int hi,
        [Range(0, MaxSeqLen - 2)] int p,
        [Range(0, MaxPermutations - 1)] int permutation)
    {
        Require(pc == Label.A);
        var interval = new Interval(lo, hi);
        Require(lo < hi && U.Contains(interval));
        Require(lo <= p && p < hi);
        Require(permutation < Factorial(interval.Length));

        int[] order = NthPermutation(interval.Length, permutation);
        int[] newSeq = [.. seq];
        for (int x = 0; x < interval.Length; x++)
            newSeq[lo + x] = seq[lo + order[x]];

        Require(Enumerable.Range(lo, p - lo + 1).All(x =>
            Enumerable.Range(p + 1, hi - p).All(y => newSeq[x] <= newSeq[y])));

        seq = newSeq;
        U.Remove(interval);
        U.Add(new Interval(lo, p));
        U.Add(new Interval(p + 1, hi));
    }

    [Action(FairnessGroup = "a")]
    void Finish()
    {
        Require(pc == Label.A && U.Count == 0);
        pc = Label.Done;
    }

    [Terminal]
    bool Terminated => pc == Label.Done;

    [Eventually]
    bool Termination => pc == Label.Done;

    static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    /// <summary>The index-th permutation of 0..n-1 in lexicographic order.</summary>
    static int[] NthPermutation(int n, int index)
    {
        var remaining = Enumerable.Range(0, n).ToList();
        var result = new int[n];
        for (int x = 0; x < n; x++)
        {
            int f = Factorial(n - 1 - x);
            result[x] = remaining[index / f];
            remaining.RemoveAt(index / f);
            index %= f;
        }
        return result;
    }

    static bool IsPermutationOf(int[] s, int[] t) =>
        s.Length == t.Length && s.Order().SequenceEqual(t.Order());

    bool IsSorted => seq.Zip(seq.Skip(1)).All(q => q.First <= q.Second);

    static bool IsValueSeq(int[] s) =>
        s.Length is >= 1 and <= MaxSeqLen && s.All(x => x is >= MinValue and <= MaxValue);

    /// <summary>U plus a singleton interval for every position not covered by U.</summary>
    List<Interval> UV =>
    [
        .. U,
        .. Enumerable.Range(0, seq.Length)
            .Where(x => !U.Any(i => i.Contains(x)))
            .Select(x => new Interval(x, x)),
    ];

    bool RelSorted(Interval i, Interval j) =>
        i.Positions.All(x => j.Positions.All(y => x >= y || seq[x] <= seq[y]));

    [Invariant]
    bool PCorrect => pc != Label.Done || IsPermutationOf(seq, seq0) && IsSorted;

    [Invariant]
    bool TypeOK =>
        IsValueSeq(seq)
        && IsValueSeq(seq0)
        && U.All(i => i.Lo >= 0 && i.Lo <= i.Hi && i.Hi < seq0.Length);

    [Invariant]
    bool Inv
    {
        get
        {
            if (!TypeOK) return false;
            if (pc == Label.Done && U.Count != 0) return false;

            var uv = UV;
            // UV is a partition of the positions of seq0 into intervals
            if (!uv.All(i => i.Lo >= 0 && i.Lo <= i.Hi && i.Hi < seq0.Length)) return false;
            if (!Enumerable.Range(0, seq0.Length).All(x => uv.Any(i => i.Contains(x)))) return false;
            if (!uv.All(i => uv.All(j => i == j || !i.Positions.Any(j.Contains)))) return false;

            if (!IsPermutationOf(seq, seq0)) return false;
            return uv.All(i => uv.All(j => i == j || RelSorted(i, j)));
        }
    }
}
