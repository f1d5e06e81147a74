using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.FiniteMonotonic;

/// <summary>
/// ReplicatedLog checked with the "finite monotonic" reduction (MCReplicatedLog.tla / MCReplicatedLog.cfg):
/// every step may optionally be followed by a reduction that subtracts the smallest executed index from all
/// nodes and drops the log prefix every node has executed, keeping the state space finite.
/// </summary>
[StateMachine]
public partial class MCReplicatedLog
{
    public enum Transaction { Tx1, Tx2 }

    const int Nodes = 3;

    readonly List<Transaction> log = [];
    readonly int[] executed = new int[Nodes];

    // ---- ReplicatedLog actions ----

    void DoWriteTx(int n, Transaction tx)
    {
        Require(executed[n] == log.Count);
        log.Add(tx);
        executed[n]++;
    }

    void DoExecuteTx(int n)
    {
        Require(executed[n] < log.Count);
        executed[n]++;
    }

    void Reduce()
    {
        int m = executed.Min();
        for (int n = 0; n < Nodes; n++)
            executed[n] -= m;
        log.RemoveRange(0, m);
    }

    // ---- ReductionNext ----

    [Action(Fairness = Fairness.None)]
    void ExecuteTx([Range(0, Nodes - 1)] int n) => DoExecuteTx(n);

    [Action(Fairness = Fairness.None)]
    void ExecuteTxAndReduction([Range(0, Nodes - 1)] int n)
    {
        DoExecuteTx(n);
        Reduce();
    }

    // WriteFairSpec: WF_vars(WriteTx(n, tx)) for every n and tx.
    [Action(Fairness = Fairness.Weak)]
    void WriteTx([Process][Range(0, Nodes - 1)] int n, [Process] Transaction tx) => DoWriteTx(n, tx);

    [Action(Fairness = Fairness.None)]
    void WriteTxAndReduction([Range(0, Nodes - 1)] int n, Transaction tx)
    {
        DoWriteTx(n, tx);
        Reduce();
    }

    // ---- model bound ----

    [Constraint]
    bool Constraint => log.Count < 5 && executed.All(e => log.Count - e < 5);

    // ---- properties ----

    [Invariant] bool TypeOK => executed.All(e => e >= 0);

    [Invariant] bool Safety => executed.All(e => e <= log.Count);

    [AlwaysEventually] bool Convergence => executed.All(e => e == log.Count);
}
