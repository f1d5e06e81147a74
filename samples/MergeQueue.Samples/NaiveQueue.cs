using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace MergeQueue.Samples;

/// <summary>
/// Version 1: CI never fails, so every queued PR is validated and merged, in any order.
/// TLC: 64 distinct states for N = 3 (the PlusCal spec MQ1_Naive).
/// </summary>
[StateMachine]
public partial class NaiveQueue
{
    const int N = 3;
    readonly Pr[] pr = new Pr[N];

    [Action] void Enqueue([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Pending);
        pr[p] = Pr.Waiting;
    }

    [Action] void RunCi([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Waiting);
        pr[p] = Pr.Validated;
    }

    [Action] void Merge([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Validated);
        pr[p] = Pr.Merged;
    }

    [Terminal]   bool AllMerged() => pr.All(s => s == Pr.Merged);
    [Eventually] bool EveryPrMerged() => AllMerged();
}
