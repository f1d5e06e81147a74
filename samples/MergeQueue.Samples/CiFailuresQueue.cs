using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace MergeQueue.Samples;

/// <summary>
/// Versions 2 and 3: CI may fail a PR, and a failed PR is blocked instead of merged. "Every PR merged" no longer
/// holds; "every PR merged or blocked" does. TLC: 216 distinct states for N = 3 (the PlusCal spec MQ2_CIFailures).
/// </summary>
[StateMachine]
public partial class CiFailuresQueue
{
    const int N = 3;
    readonly Pr[] pr = new Pr[N];

    [Action] void Enqueue([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Pending);
        pr[p] = Pr.Waiting;
    }

    [Action] void RunCi([Range(0, N - 1)] int p, bool passes)
    {
        Require(pr[p] == Pr.Waiting);
        pr[p] = passes ? Pr.Validated : Pr.Failed;
    }

    [Action] void Merge([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Validated);
        pr[p] = Pr.Merged;
    }

    [Action] void Block([Range(0, N - 1)] int p)
    {
        Require(pr[p] == Pr.Failed);
        pr[p] = Pr.Blocked;
    }

    [Terminal]   bool AllDone() => pr.All(s => s is Pr.Merged or Pr.Blocked);
    [Eventually] bool EveryPrResolved() => AllDone();
}
