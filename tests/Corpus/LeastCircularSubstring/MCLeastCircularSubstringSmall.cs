using System;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.LeastCircularSubstring;

/// <summary>
/// Booth's lexicographically-least circular substring algorithm (LeastCircularSubstring.tla,
/// model MCLeastCircularSubstringSmall.cfg): every string over 0..CharSetSize-1 of length
/// 0..MaxStringLength is an input; one step per PlusCal label.
/// </summary>
[StateMachine]
public partial class MCLeastCircularSubstringSmall
{
    const int CharSetSize = 2;
    const int MaxStringLength = 6;
    const int Nil = -1;

    public enum Label { L3, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, LVR, Done }

    readonly int[] b;
    readonly int n;
    readonly int[] f;
    int i = Nil;
    int j = 1;
    int k = 0;
    Label pc = Label.L3;

    public MCLeastCircularSubstringSmall(
        [Range(0, MaxStringLength)] int length,
        [Range(0, CharSetSize - 1)] int c0,
        [Range(0, CharSetSize - 1)] int c1,
        [Range(0, CharSetSize - 1)] int c2,
        [Range(0, CharSetSize - 1)] int c3,
        [Range(0, CharSetSize - 1)] int c4,
        [Range(0, CharSetSize - 1)] int c5)
    {
        b = new[] { c0, c1, c2, c3, c4, c5 }[..length];
        n = b.Length;
        f = Enumerable.Repeat(Nil, 2 * n + 1).ToArray();
    }

    int Current => b[j % n];
    int Candidate => b[(k + i + 1) % n];

    [Action]
    void L3()
    {
        Require(pc == Label.L3);
        pc = j < 2 * n ? Label.L5 : Label.Done;
    }

    [Action]
    void L5()
    {
        Require(pc == Label.L5);
        i = f[j - k - 1];
        pc = Label.L6;
    }

    [Action]
    void L6()
    {
        Require(pc == Label.L6);
        pc = Current != Candidate && i != Nil ? Label.L7 : Label.L10;
    }

    [Action]
    void L7()
    {
        Require(pc == Label.L7);
        pc = Current < Candidate ? Label.L8 : Label.L9;
    }

    [Action]
    void L8()
    {
        Require(pc == Label.L8);
        k = j - i - 1;
        pc = Label.L9;
    }

    [Action]
    void L9()
    {
        Require(pc == Label.L9);
        i = f[i];
        pc = Label.L6;
    }

    [Action]
    void L10()
    {
        Require(pc == Label.L10);
        pc = Current != Candidate && i == Nil ? Label.L11 : Label.L14;
    }

    [Action]
    void L11()
    {
        Require(pc == Label.L11);
        pc = Current < Candidate ? Label.L12 : Label.L13;
    }

    [Action]
    void L12()
    {
        Require(pc == Label.L12);
        k = j;
        pc = Label.L13;
    }

    [Action]
    void L13()
    {
        Require(pc == Label.L13);
        f[j - k] = Nil;
        pc = Label.LVR;
    }

    [Action]
    void L14()
    {
        Require(pc == Label.L14);
        f[j - k] = i + 1;
        pc = Label.LVR;
    }

    [Action]
    void LVR()
    {
        Require(pc == Label.LVR);
        j++;
        pc = Label.L3;
    }

    [Terminal]
    bool Terminated => pc == Label.Done;

    [Invariant]
    bool TypeInvariant =>
        b.All(c => c is >= 0 and < CharSetSize)
        && b.Length <= MaxStringLength
        && n == b.Length
        && f.Length == 2 * n + 1
        && f.All(x => x == Nil || x >= 0 && x <= 2 * n)
        && (i == Nil || i >= 0 && i <= 2 * n)
        && (j == 1 || j >= 0 && j <= 2 * n)
        && (k == 0 || k >= 0 && k < n);

    [Invariant]
    bool Correctness => pc != Label.Done || IsLeastMinimalRotation(b, k);

    /// <summary>s rotated left by r positions.</summary>
    static int[] Rotation(int[] s, int r) =>
        s.Length == 0 ? [] : [.. Enumerable.Range(0, s.Length).Select(x => s[(x + r) % s.Length])];

    /// <summary>Is the rotation of s by r lexicographically least, and the least shift giving it?</summary>
    static bool IsLeastMinimalRotation(int[] s, int r)
    {
        var rotation = Rotation(s, r);
        for (int shift = 0; shift < s.Length; shift++)
        {
            var other = Rotation(s, shift);
            int cmp = rotation.AsSpan().SequenceCompareTo(other);
            if (cmp > 0) return false;
            if (cmp == 0 && r > shift) return false;
        }
        return true;
    }
}
