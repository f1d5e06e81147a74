namespace MergeQueue.Analyzers.Tests.FrontEnd.Models;

/// <summary>The merge queue of SPEC §1 and its fix, as the front end's tests compile them.</summary>
internal static class QueueModels
{
    public const string Ordered = """
        using System.Linq;
        using MergeQueue.Analyzers;
        using static MergeQueue.Analyzers.Spec;

        public enum Pr { Pending, Waiting, Validated, Failed, Merged, Blocked }

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

            [Terminal]   bool AllDone() => pr.All(s => s is Pr.Merged or Pr.Blocked);
            [Eventually] bool EveryPrResolved() => AllDone();
        }
        """;

    /// <summary>Version 5: blocking a PR also takes it out of the order.</summary>
    public static string Fixed(int n = 3) => Ordered
        .Replace("class OrderedQueue", "class FixedQueue")
        .Replace("pr[p] = Pr.Blocked;            // queuedAt[p] is kept: later PRs wait forever", "pr[p] = Pr.Blocked;\n        queuedAt[p] = 0;")
        .Replace("const int N = 3;", "const int N = " + n + ";");
}
