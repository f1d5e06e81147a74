using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace MergeQueue.Samples;

/// <summary>
/// Version 5: PRs merge in queue order, and blocking a PR takes it out of the order (its stamp goes back to 0),
/// so a blocked PR no longer holds back the PRs queued after it.
/// TLC: 656 distinct states for N = 3, 187,272 for N = 5 (the PlusCal spec MQ5_Fixed).
/// </summary>
[StateMachine]
public partial class FixedQueue
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
        pr[p] = Pr.Blocked;
        queuedAt[p] = 0;               // the fix: a blocked PR leaves the order
    }

    bool EarlierMerged(int p) => Enumerable.Range(0, N).All(q =>
        queuedAt[q] == 0 || queuedAt[q] >= queuedAt[p] || pr[q] == Pr.Merged);

    /// <summary>A merged PR has no unmerged PR queued before it.</summary>
    [Invariant] bool MergedInQueueOrder() => Enumerable.Range(0, N).All(p =>
        pr[p] != Pr.Merged || EarlierMerged(p));

    [Reachable]  bool SomePrBlocked() => pr.Any(s => s == Pr.Blocked);
    [Terminal]   bool AllDone() => pr.All(s => s is Pr.Merged or Pr.Blocked);
    [Eventually] bool EveryPrResolved() => AllDone();
}
