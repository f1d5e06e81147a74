using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.TeachingConcurrency;

public enum SimplePc { A, B, Done }

/// <summary>
/// Lamport's "Teaching Concurrency" example: N processes on a ring; process i
/// sets x[i] := 1 and then copies its left neighbour's x into y[i].
/// When everybody is done, at least one y[i] is 1.
/// </summary>
[StateMachine]
public partial class Simple
{
    const int N = 5;

    readonly int[] x = new int[N];
    readonly int[] y = new int[N];
    readonly SimplePc[] pc = Enumerable.Repeat(SimplePc.A, N).ToArray();

    static int Left(int i) => (i - 1 + N) % N;

    [Action]
    void A([Range(0, N - 1)] int self)
    {
        Require(pc[self] == SimplePc.A);
        x[self] = 1;
        pc[self] = SimplePc.B;
    }

    [Action]
    void B([Range(0, N - 1)] int self)
    {
        Require(pc[self] == SimplePc.B);
        y[self] = x[Left(self)];
        pc[self] = SimplePc.Done;
    }

    // TLA+ lets the system stutter forever once every process is done.
    [Terminal]
    bool AllDone => pc.All(p => p == SimplePc.Done);

    [Invariant]
    bool PCorrect => !AllDone || y.Any(v => v == 1);

    [Invariant]
    bool TypeOK => x.All(v => v is 0 or 1) && y.All(v => v is 0 or 1);

    [Invariant]
    bool Inv =>
        TypeOK
        && Enumerable.Range(0, N).All(i => pc[i] is not (SimplePc.B or SimplePc.Done) || x[i] == 1)
        && (pc.Any(p => p != SimplePc.Done) || y.Any(v => v == 1));
}
