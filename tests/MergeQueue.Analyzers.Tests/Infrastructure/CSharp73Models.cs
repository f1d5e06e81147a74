namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// Models written in C# 7.3, the default language of a netstandard2.0 or net472 library, in namespace <c>Library</c>.
/// </summary>
internal static class CSharp73Models
{
    /// <summary>The fixed merge queue in C# 7.3: every field an enum or int array or an int, so states are encoded.</summary>
    public const string FixedQueue = """
        using System.Linq;
        using MergeQueue.Analyzers;
        using static MergeQueue.Analyzers.Spec;

        namespace Library
        {
            public enum Pr { Pending, Waiting, Validated, Failed, Merged, Blocked }

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
                    queuedAt[p] = 0;
                }

                bool EarlierMerged(int p)
                {
                    return Enumerable.Range(0, N).All(q => queuedAt[q] == 0 || queuedAt[q] >= queuedAt[p] || pr[q] == Pr.Merged);
                }

                [Terminal] bool AllDone() { return pr.All(s => s == Pr.Merged || s == Pr.Blocked); }

                [Eventually] bool EveryPrResolved() { return AllDone(); }
            }
        }
        """;

    /// <summary>Collections, tuples with element names (alone and in collections), a struct, a string and a field that can be reassigned: states are encoded.</summary>
    public const string Inventory = """
        using System.Collections.Generic;
        using MergeQueue.Analyzers;
        using static MergeQueue.Analyzers.Spec;

        namespace Library
        {
            public struct Slot
            {
                public int Id;
                public bool Busy;
            }

            [StateMachine]
            public partial class Inventory
            {
                List<int> items = new List<int>();
                readonly Queue<int> queue = new Queue<int>();
                readonly Stack<string> stack = new Stack<string>();
                readonly HashSet<int> seen = new HashSet<int>();
                readonly Dictionary<string, int> counts = new Dictionary<string, int>();
                (int Count, bool Open) status = (0, true);
                readonly List<(int Count, bool Open)> history = new List<(int Count, bool Open)>();
                readonly Dictionary<int, (int Id, bool)> slots = new Dictionary<int, (int Id, bool)>();
                Slot slot;
                string name = "";

                [Action] void Add([Range(0, 1)] int x)
                {
                    Require(items.Count < 2);
                    items.Add(x);
                    queue.Enqueue(x);
                    stack.Push("s" + x);
                    seen.Add(x);
                    counts["k" + x] = x;
                    status = (status.Count + 1, !status.Open);
                    history.Add(status);
                    slots[x] = (x, status.Open);
                    slot.Id = x;
                    slot.Busy = !slot.Busy;
                    name = name + x;
                }

                [Action] bool Close()
                {
                    if (!status.Open || items.Count == 0)
                    {
                        return false;
                    }

                    status = (status.Count, false);
                    return true;
                }

                [Invariant] bool Bounded() { return items.Count <= 2 && seen.Count <= 2; }

                [Terminal] bool Done() { return items.Count == 2 || !status.Open; }
            }
        }
        """;

    /// <summary>
    /// The inventory with a struct of readonly fields set by a constructor that takes more than its members, which
    /// decoding cannot rebuild from them: states are instances (the general path).
    /// </summary>
    public static string InventoryGeneral { get; } = Inventory
        .Replace("partial class Inventory", "partial class InventoryGeneral")
        .Replace("public int Id;", "public readonly int Id;")
        .Replace("public bool Busy;", "public readonly bool Busy;\n        public Slot(int id, bool busy, string why) { Id = id; Busy = busy; }")
        .Replace("slot.Id = x;", "slot = new Slot(x, !slot.Busy, \"added\");")
        .Replace("slot.Busy = !slot.Busy;", string.Empty);

    /// <summary>The ordered queue of the README's first command in C# 7.3: a blocked PR keeps its place, so the queue gets stuck.</summary>
    public static string OrderedQueue { get; } = FixedQueue
        .Replace("partial class FixedQueue", "partial class OrderedQueue")
        .Replace("queuedAt[p] = 0;", "// keeps its place in the order")
        .Replace("public enum Pr ", "public enum OrderedPr ")
        .Replace("Pr.", "OrderedPr.")
        .Replace("readonly Pr[] pr = new Pr[N]", "readonly OrderedPr[] pr = new OrderedPr[N]");
}
