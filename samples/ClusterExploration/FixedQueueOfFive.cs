using System.Linq;
using MergeQueue.Analyzers;
using MergeQueue.Samples;
using static MergeQueue.Analyzers.Spec;

namespace ClusterExploration;

/// <summary>
/// The fixed merge queue of MergeQueue.Samples (FixedQueue) with five PRs instead of three: big enough to be worth a
/// cluster for a sample. TLC: 187,272 distinct states for N = 5 (FixedQueue's summary).
/// </summary>
[StateMachine]
public partial class FixedQueueOfFive
{
    const int N = 5;
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
        queuedAt[p] = 0;
    }

    bool EarlierMerged(int p) => Enumerable.Range(0, N).All(q =>
        queuedAt[q] == 0 || queuedAt[q] >= queuedAt[p] || pr[q] == Pr.Merged);

    [Invariant] bool MergedInQueueOrder() => Enumerable.Range(0, N).All(p =>
        pr[p] != Pr.Merged || EarlierMerged(p));

    [Reachable]  bool SomePrBlocked() => pr.Any(s => s == Pr.Blocked);
    [Terminal]   bool AllDone() => pr.All(s => s is Pr.Merged or Pr.Blocked);
    [Eventually] bool EveryPrResolved() => AllDone();
}
