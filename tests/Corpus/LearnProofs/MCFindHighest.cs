using System;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.LearnProofs;

/// <summary>
/// FindHighest.tla (model MCFindHighest.cfg): a loop that finds the largest value of a
/// sequence of naturals. The input f ranges over all sequences of length 0..MaxNat with
/// elements in 0..MaxNat (Seq &lt;- MCSeq, Nat &lt;- 0..MaxNat); MCConstraint keeps those of
/// length at most MaxLength.
/// </summary>
[StateMachine]
public partial class MCFindHighest
{
    const int MaxLength = 3;
    const int MaxNat = 4;

    public enum Label { Lb, Done }

    readonly int[] f;
    int h = -1;
    int i;          // index of the next element to look at (TLA+'s i - 1)
    Label pc = Label.Lb;

    public MCFindHighest(
        [Range(0, MaxNat)] int length,
        [Range(0, MaxNat)] int f1,
        [Range(0, MaxNat)] int f2,
        [Range(0, MaxNat)] int f3,
        [Range(0, MaxNat)] int f4)
    {
        f = new[] { f1, f2, f3, f4 }[..length];
    }

    [Action]
    void Lb()
    {
        Require(pc == Label.Lb);
        if (i < f.Length)
        {
            h = Math.Max(h, f[i]);
            i++;
        }
        else
        {
            pc = Label.Done;
        }
    }

    [Terminal]
    bool Terminated => pc == Label.Done;

    [Constraint]
    bool WithinMaxLength => f.Length <= MaxLength;

    [Invariant]
    bool TypeOK =>
        f.All(x => x is >= 0 and <= MaxNat)
        && i >= 0 && i <= f.Length
        && h >= -1;

    [Invariant]
    bool InductiveInvariant => f.Take(i).All(x => x <= h);

    [Invariant]
    bool DoneIndexValue => pc != Label.Done || i == f.Length;

    [Invariant]
    bool Correctness => pc != Label.Done || f.All(x => x <= h);
}
