using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace StuckQueue;

public enum Pr { Pending, Waiting, Validated, Failed, Merged, Blocked }

/// <summary>
/// Version 4: PRs merge in queue order, but a blocked PR keeps its place in the order, so every PR queued after
/// it waits forever. The checker finds the queue stuck after 7 steps (TLC: 652 distinct states for N = 3,
/// the PlusCal spec MQ4_Ordered). The fix is in ../MergeQueue.Samples/FixedQueue.cs.
/// </summary>
[StateMachine]
public partial class OrderedQueue
{
    const int N = 3;
    readonly Pr[] pr = new Pr[N];
    readonly int[] queuedAt = new int[N];
    int time = 1;

    [Action] void Enqueue([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Pending);
        pr[p] = Pr.Waiting;
        queuedAt[p] = time++;
    }

    [Action] void RunCi([Range(0, N - 1)] int p, bool passes)
    {
        Require(pr[p] == Pr.Waiting);
        pr[p] = passes ? Pr.Validated : Pr.Failed;
    }

    [Action] void Merge([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Validated && EarlierMerged(p));
        pr[p] = Pr.Merged;
    }

    [Action] void Block([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Failed);
        pr[p] = Pr.Blocked;            // queuedAt[p] is kept: later PRs wait forever
    }

    bool EarlierMerged(int p) => Enumerable.Range(0, N).All(q =>
        queuedAt[q] == 0 || queuedAt[q] >= queuedAt[p] || pr[q] == Pr.Merged);

    [Invariant] bool MergedInQueueOrder() => Enumerable.Range(0, N).All(p =>
        pr[p] != Pr.Merged || EarlierMerged(p));

    [Terminal]   bool AllDone() => pr.All(s => s is Pr.Merged or Pr.Blocked);
    [Eventually] bool EveryPrResolved() => AllDone();
}
