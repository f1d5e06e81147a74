using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.TeachingConcurrency;

public enum RegularPc { A1, A2, B, Done }

/// <summary>
/// The "Teaching Concurrency" algorithm with regular registers: x[i] is the set of
/// values a read of register i may return; a write of 1 first makes it {0, 1}, then {1}.
/// </summary>
[StateMachine]
public partial class SimpleRegular
{
    const int N = 8;

    readonly HashSet<int>[] x = Enumerable.Range(0, N).Select(_ => new HashSet<int> { 0 }).ToArray();
    readonly int[] y = new int[N];
    readonly RegularPc[] pc = Enumerable.Repeat(RegularPc.A1, N).ToArray();

    static int Left(int i) => (i - 1 + N) % N;

    [Action]
    void A1([Range(0, N - 1)] int self)
    {
        Require(pc[self] == RegularPc.A1);
        x[self] = [0, 1];
        pc[self] = RegularPc.A2;
    }

    [Action]
    void A2([Range(0, N - 1)] int self)
    {
        Require(pc[self] == RegularPc.A2);
        x[self] = [1];
        pc[self] = RegularPc.B;
    }

    [Action]
    void B([Range(0, N - 1)] int self, [Values(0, 1)] int v)
    {
        Require(pc[self] == RegularPc.B && x[Left(self)].Contains(v));
        y[self] = v;
        pc[self] = RegularPc.Done;
    }

    [Terminal]
    bool AllDone => pc.All(p => p == RegularPc.Done);

    [Invariant]
    bool PCorrect => !AllDone || y.Any(v => v == 1);

    [Invariant]
    bool TypeOK =>
        x.All(s => s.Count > 0 && s.IsSubsetOf([0, 1]))
        && y.All(v => v is 0 or 1);

    [Invariant]
    bool Inv =>
        TypeOK
        && Enumerable.Range(0, N).All(i =>
            pc[i] is not (RegularPc.B or RegularPc.Done) || x[i].SetEquals([1]))
        && (pc.Any(p => p != RegularPc.Done) || y.Any(v => v == 1));
}
