using System.Linq;
using MergeQueue.Analyzers;
using MergeQueue.Samples;
using static MergeQueue.Analyzers.Spec;

namespace ClusterExploration;

/// <summary>
/// The fixed merge queue with six PRs and its safety properties only (no liveness, so nothing is gathered into the
/// client): the size where the visited set's share per silo shows in the benchmark. TLC: 4,099,792 distinct states for
/// N = 6 (the benchmark's TLC figures for the fixed queue).
/// </summary>
[StateMachine]
public partial class FixedQueueOfSix
{
    const int N = 6;
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
}
