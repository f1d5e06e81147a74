using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.FiniteMonotonic;

/// <summary>
/// Grow-only counter CRDT checked with the "finite monotonic" reduction (MCCRDT.tla / MCCRDT.cfg):
/// each node keeps a view of every node's counter; gossip merges views by pointwise max, and any step may
/// be followed by a reduction that subtracts the smallest counter value everywhere.
/// </summary>
[StateMachine]
public partial class MCCRDT
{
    const int Nodes = 3;

    // counter[n][o] = node n's view of node o's counter
    readonly int[][] counter = [.. Enumerable.Range(0, Nodes).Select(_ => new int[Nodes])];

    // ---- CRDT actions ----

    void DoIncrement(int n) => counter[n][n]++;

    void DoGossip(int n, int o)
    {
        for (int view = 0; view < Nodes; view++)
            counter[o][view] = Math.Max(counter[n][view], counter[o][view]);
    }

    void Reduce()
    {
        int m = counter.SelectMany(row => row).Min();
        foreach (var row in counter)
            for (int o = 0; o < Nodes; o++)
                row[o] -= m;
    }

    // ---- ReductionNext ----

    [Action(Fairness = Fairness.None)]
    void Increment([Range(0, Nodes - 1)] int n) => DoIncrement(n);

    // FairSpec: WF_vars(Gossip(n, o)) for every pair n, o.
    [Action(Fairness = Fairness.Weak)]
    void Gossip([Process][Range(0, Nodes - 1)] int n, [Process][Range(0, Nodes - 1)] int o) => DoGossip(n, o);

    [Action(Fairness = Fairness.None)]
    void IncrementAndReduction([Range(0, Nodes - 1)] int n)
    {
        DoIncrement(n);
        Reduce();
    }

    [Action(Fairness = Fairness.None)]
    void GossipAndReduction([Range(0, Nodes - 1)] int n, [Range(0, Nodes - 1)] int o)
    {
        DoGossip(n, o);
        Reduce();
    }

    // ---- model bound ----

    [Constraint]
    bool Constraint => Enumerable.Range(0, Nodes).All(n => counter[n][n] <= 3);

    // ---- properties ----

    [Invariant] bool TypeOK => counter.All(row => row.All(c => c >= 0));

    [Invariant]
    bool Safety => Enumerable.Range(0, Nodes).All(n =>
        Enumerable.Range(0, Nodes).All(o => counter[n][n] >= counter[o][n]));

    // Repeatedly, the counters at all nodes are in sync.
    [AlwaysEventually]
    bool Convergence => counter.All(row => row.SequenceEqual(counter[0]));
}
