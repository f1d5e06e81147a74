namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>Small partial models that cover what the agreement test compares beyond the samples.</summary>
internal static class GeneratorTestModels
{
    public static string Source(string name, string members, string extra = "") =>
        Infrastructure.TestCompilation.Usings + extra + "\n[StateMachine]\npublic partial class " + name + "\n{\n" + members + "\n}\n";

    /// <summary>Name, source: each a model of its own.</summary>
    public static readonly (string Name, string Source)[] All =
    {
        ("Failures", Source("Failures", """
            int[] slots = new int[2];
            int count;
            [Action] void Put([Range(0, 2)] int i) { Require(count < 3); slots[i] = 1; count++; }
            [Action] void Check() { Assert(count < 2, "too many: " + count); }
            [Action] void Divide([Values(0, 1)] int d) { Require(count == 1); count = 10 / d; }
            """)),
        // A guard that throws (slots[2]) and one that does not hold: the adapter tests guards in one call per state
        // and must still step the instance whose guard threw, so that the step reports the failure.
        ("GuardFailures", Source("GuardFailures", """
            int[] slots = new int[2];
            [Action] void Take([Range(0, 2)] int i) { Require(slots[i] == 0); slots[i] = 1; }
            [Action] void Reset() { Require(slots[0] == 1 && slots[1] == 1); slots[0] = 0; slots[1] = 0; }
            """)),
        // The same on the general path (a record with a get-only member cannot be rebuilt from bytes: states
        // are instances of the class, not encodings).
        ("GuardFailuresGeneral", Source("GuardFailuresGeneral", """
            Log log = new("");
            int[] slots = new int[2];
            [Action] void Take([Range(0, 2)] int i) { Require(slots[i] == 0); slots[i] = 1; log = new Log(log.Text + i); }
            [Action] void Reset() { Require(slots[0] == 1 && slots[1] == 1); slots[0] = 0; slots[1] = 0; log = new Log(""); }
            """, "public record Log(string Text) { public int Version { get; } = 1; }\n")),
        // Requires whose conditions write state: a guard tested apart from the body would write the stored state.
        ("WritingGuards", Source("WritingGuards", """
            int x;
            List<int> items = new() { 1, 2 };
            bool Bump() { x++; return x < 3; }
            [Action] void Go() { Require(Bump()); }
            [Action] void Take() { Require(items.Remove(1)); x += 10; }
            """)),
        ("WritingScalarGuards", Source("WritingScalarGuards", """
            int x;
            int Limit { get; } = 3;
            int Twice => x * 2;
            bool Bump() { x++; return x < Limit; }
            bool Small() => Twice < Limit * 2 && Enumerable.Range(0, 2).All(i => i < Limit);
            [Action] void Go() { Require(Small()); Require(Bump()); }
            """)),
        ("Stuck", Source("Stuck", """
            int x;
            bool done;
            [Action] void Step() { Require(x < 3 &&
                   !done); x++; }
            [Action] bool Finish() { if (x != 2) return false; done = true; return true; }
            """)),
        // Requires no guard can test, which the generated explorer runs without throwing (in copies of the actions)
        // or as thrown: after a write they read, in a switch, in a helper; in a lambda (still thrown, from the copy,
        // its line the model's). Stuck at x = 3: each reason, with its line, is in the report.
        ("StuckAfterWrites", Source("StuckAfterWrites", """
            int x;
            void Receive(int by)
            {
                x += by;
                Require(x <= 3);
            }
            [Action] void Step([Range(1, 2)] int by)
            {
                Receive(by);
                switch (by)
                {
                    case 2: Require(x % 2 == 0); break;
                }
            }
            [Action] void Late() { x++; Require(x > 0); System.Action check = () => Require(x < 2); check(); }
            """)),
        ("Invariants", Source("Invariants", """
            int a;
            char c = 'a';
            string s = "x";
            [Action] void Inc() { Require(a < 4); a++; c++; s += "\"y"; }
            [Invariant] bool Small() => a < 3;
            [Invariant] bool Letter => c <= 'd';
            [Reachable] bool Big() => a > 10;
            [Reachable] bool Two() => a == 2;
            """)),
        ("Liveness", Source("Liveness", """
            const int N = 2;
            readonly bool[] asked = new bool[N];
            readonly bool[] served = new bool[N];
            int turn;
            [Action] void Ask([Process][Range(0, N - 1)] int p) { Require(!asked[p]); asked[p] = true; }
            [Action] void Serve([Range(0, N - 1)] int p) { Require(asked[p] && !served[p] && turn == p); served[p] = true; }
            [Action(Fairness = Fairness.None)] void Pass() { turn = 1 - turn; }
            [Action(Fairness = Fairness.Strong)] void Reset([Range(0, N - 1)] int p) { Require(served[p]); asked[p] = false; served[p] = false; }
            [Eventually] bool AllServed() => served.All(s => s);
            [AlwaysEventually] bool Idle() => !asked.Any(a => a);
            [LeadsTo(nameof(Served))] bool Asked([Range(0, N - 1)] int p) => asked[p];
            bool Served(int p) => served[p];
            [LeadsTo(nameof(Idle))] bool Busy => asked.Any(a => a);
            """)),
        ("Collections", Source("Collections", """
            List<int> list = new() { 2 };
            Queue<string> queue = new();
            Stack<int> stack = new();
            HashSet<int> set = new() { 5, 1 };
            Dictionary<string, int> map = new();
            Job job = new(1, "a", Kind.Small);
            (int, bool) pair = (0, false);
            Kind[] kinds = { Kind.Big };
            ulong big = 1;
            byte small = 250;
            [Action] void Push([Values("a", "b")] string k, [Values(1, 3)] int v)
            {
                Require(list.Count < 3);
                list.Add(v); queue.Enqueue(k); stack.Push(v); set.Add(v * 2); map[k] = v;
                job = job with { Id = job.Id + v, Kind = Kind.Big };
                pair = (pair.Item1 + 1, !pair.Item2);
                big *= 3; small += 3;
            }
            [Action] void Pop()
            {
                Require(queue.Count > 0);
                queue.Dequeue(); stack.Pop(); set.Remove(set.First()); map.Remove(map.Keys.First());
            }
            [Action] void Wrong(Kind kind) { Require(list.Count == 3); Assert(kind != Kind.Big || map.Count < 2, "kind " + kind); }
            """, "public enum Kind { Small, Big, Huge = Big }\npublic record Job(int Id, string Name, Kind Kind);\n")),

        // Every kind of field the encoded adapter covers: arrays that grow, shrink and go null, readonly ones, and
        // values whose encodings are signed, wide or multi-byte.
        ("Encoded", Source("Encoded", """
            readonly long origin = -5;
            readonly bool[] flags = { false, true };
            int[] grow = new int[1];
            int[]? gone;
            Level[] levels = { Level.Low };
            char letter = 'y';
            ulong wide = ulong.MaxValue - 1;
            sbyte tiny = -127;
            short mid = 300;
            Level level = Level.Low;
            [Action] void Grow() { Require(grow.Length < 3); var g = new int[grow.Length + 1]; for (int i = 0; i < grow.Length; i++) g[i] = grow[i]; g[grow.Length] = 200 * grow.Length; grow = g; }
            [Action] void Shrink() { Require(grow.Length > 1 && gone == null); gone = new int[] { grow[0], grow[1] }; grow = new int[] { grow[0] - 1000 }; }
            [Action] void Clear() { Require(gone != null); gone = null; }
            [Action] void Flip([Range(0, 1)] int i) { Require(!flags[i]); flags[i] = true; letter++; wide++; tiny--; mid = (short)(mid * -2); level = Level.High; levels[0] = level; }
            [Invariant] bool Sane() => origin == -5 && (gone == null || gone.Length > 1);
            [Invariant] bool Short() => grow.Length < 3;
            """, "public enum Level : long { Low = -3, High = long.MaxValue }\n")),

        // Sets and dictionaries reached in several insertion orders, readonly ones refilled in place; the invariant
        // reads the order a decoded set enumerates in, the front end's key order.
        ("EncodedTables", Source("EncodedTables", """
            HashSet<int> set = new();
            readonly Dictionary<string, int> map = new();
            readonly HashSet<int>[] sets = { new(), new() };
            [Action] void Add([Range(1, 3)] int x) { Require(!set.Contains(x)); set.Add(x); }
            [Action] void Put([Values("b", "a")] string k) { Require(!map.ContainsKey(k)); map[k] = 1; }
            [Action] void Into([Range(0, 1)] int i, [Range(1, 2)] int x) { Require(!sets[i].Contains(x)); sets[i].Add(x); }
            [Action] void Idle() { }
            [Invariant] bool InKeyOrder() => (set.Count == 0 || set.First() == set.Min()) && (map.Count == 0 || map.Keys.First() == "a" || map.Count == 1);
            """)),

        // Null and empty strings and collections, a list of nullables, a stack and a queue popped from opposite ends.
        ("EncodedNulls", Source("EncodedNulls", """
            string? name;
            List<int?>? list = new();
            Queue<string> queue = new();
            Stack<int> stack = new();
            [Action] void Empty() { Require(name == null); name = ""; }
            [Action] void Grow() { Require(name == null || name.Length < 2); name = (name ?? "") + "a"; }
            [Action] void Forget() { Require(name != null); name = null; }
            [Action] void Append() { Require(list != null && list.Count < 2); list.Add(list.Count == 0 ? (int?)null : 7); }
            [Action] void Drop() { Require(list != null); list = null; }
            [Action] void Push([Range(1, 2)] int v) { Require(stack.Count < 2); stack.Push(v); queue.Enqueue(v == 1 ? "x" : "y"); }
            [Action] void Pop() { Require(stack.Count > 0); stack.Pop(); queue.Dequeue(); }
            """)),

        // Records of an abstract base (a type tag each), one in a set, a record with a setter changed in place, a
        // record struct with a nullable member and a tuple with a string.
        ("EncodedRecords", Source("EncodedRecords", """
            Message? last;
            HashSet<Message> sent = new();
            Point point;
            (int, string?) pair = (0, null);
            Counter counter = new();
            [Action] void Send([Range(1, 2)] int bal) { Require(!sent.Any(m => m.Bal == bal)); Message m = bal == 1 ? new Prepare(bal) : new Accept(bal, 9); sent.Add(m); last = m; }
            [Action] void Move() { Require(point.X < 2); point = new Point(point.X + 1, point.X == 0 ? null : point.X); pair = (pair.Item1 + 1, pair.Item2 + "z"); }
            [Action] void Tick() { Require(counter.N < 2); counter.N++; }
            [Action] void Idle() { }
            """, """
            public abstract record Message(int Bal);
            public sealed record Prepare(int Bal) : Message(Bal);
            public sealed record Accept(int Bal, int Val) : Message(Bal);
            public record struct Point(int X, int? Y);
            public record Counter { public int N { get; set; } }

            """)),

        // An action putting one set in two slots of a readonly array: a model error in the successor, and the working
        // instance the next action runs on must not keep the two slots joined when its sets are refilled in place.
        ("EncodedAliasing", Source("EncodedAliasing", """
            readonly HashSet<int>[] sets = { new(), new() };
            [Action] void Add([Range(0, 1)] int i) { Require(sets[i].Count == 0); sets[i].Add(i + 1); }
            [Action] void Join() { Require(sets[0].Count == 1 && sets[1].Count == 0); sets[1] = sets[0]; }
            [Action] void Idle() { }
            """)),

        // Jagged arrays (a row going null) and a two-dimensional one.
        ("EncodedArrays", Source("EncodedArrays", """
            int[]?[] rows = { new int[1], new int[0] };
            bool[,] grid = new bool[2, 2];
            [Action] void Widen([Range(0, 1)] int r) { Require(rows[r] != null && rows[r]!.Length < 2); var old = rows[r]!; var g = new int[old.Length + 1]; for (int i = 0; i < old.Length; i++) g[i] = old[i]; g[old.Length] = r + 1; rows[r] = g; }
            [Action] void Lose() { Require(rows[1] != null && rows[1]!.Length == 2); rows[1] = null; }
            [Action] void Mark([Range(0, 1)] int i) { Require(!grid[i, 1 - i]); grid[i, 1 - i] = true; }
            [Action] void Idle() { }
            """)),

        // Readonly fields each initial state sets its own way (a list, an array whose length differs, an int, a record
        // with a setter), and a first combination of arguments the constructor turns down: only a constructor can
        // write these fields, so decoding a state of another initial state builds a new instance.
        ("EncodedReadonly", Source("EncodedReadonly", """
            readonly List<int> items;
            readonly int[] row;
            readonly int limit;
            readonly Box box;
            public EncodedReadonly([Range(0, 2)] int n) { Require(n > 0); items = new List<int> { n }; row = new int[n]; limit = n; box = new Box { N = 10 * n }; }
            [Action] void Add() { Require(items.Count <= limit); items.Add(0); }
            [Action] void Mark([Range(0, 1)] int i) { Require(i < row.Length && row[i] == 0); row[i] = 1; }
            [Action] void Bump() { Require(box.N % 10 == 0); box.N++; }
            [Action] void Idle() { }
            """, "public record Box { public int N { get; set; } }\n")),

        // A struct with get-only members whose constructor orders its arguments, and a positional record class: both
        // rebuilt through their constructors.
        ("EncodedConstructed", Source("EncodedConstructed", """
            HashSet<Edge> edges = new();
            Pair pair = new(0, 0);
            [Action] void Link([Range(0, 2)] int a, [Range(0, 2)] int b) { Require(a != b && edges.Count < 2); edges.Add(new Edge(b, a)); }
            [Action] void Grow() { Require(pair.Hi < 2); pair = new Pair(pair.Lo, pair.Hi + 1); }
            [Action] void Idle() { }
            """, """
            public readonly record struct Edge
            {
                public int A { get; }
                public int B { get; }
                public Edge(int x, int y) => (A, B) = x < y ? (x, y) : (y, x);
            }
            public sealed record Pair(int Lo, int Hi);

            """)),

        // A record with a get-only member: not rebuilt from its members, so the general path.
        ("GeneralRecord", Source("GeneralRecord", """
            Fixed value = new(0);
            [Action] void Next() { Require(value.A < 2); value = new Fixed(value.A + 1); }
            [Action] void Idle() { }
            """, "public record Fixed(int A) { public int B { get; } = 2; }\n")),
    };
}
