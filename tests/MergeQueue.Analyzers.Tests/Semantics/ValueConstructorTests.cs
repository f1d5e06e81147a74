using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Constructors with a body in records and structs (not the primary one) run as C# runs them: they normalise what
/// they store, an object initializer runs after them, and one that throws fails the step. Counts by hand beside each.
/// </summary>
public sealed class ValueConstructorTests
{
    private const string Edge = """
        public readonly record struct Edge
        {
            public int A { get; }
            public int B { get; }

            public Edge(int x, int y)
            {
                if (x == y) throw new System.ArgumentException("a loop");
                (A, B) = x < y ? (x, y) : (y, x);
            }
        }

        public sealed record Box
        {
            public int Size { get; init; }
            public int Tag { get; init; } = 7;
            public Box(int size) => Size = System.Math.Min(size, 1);
        }
        """;

    [Fact]
    public void A_constructor_body_normalises_what_it_stores()
    {
        // Add(x, y) for x != y in 0..2 adds the undirected edge {x, y}: the states are the subsets of {01, 02, 12},
        // 8 of them (storing (x, y) as given would give the subsets of 6 directed edges, 64).
        string source = BothPaths.Model("Edges", """
            HashSet<Edge> edges = [];
            [Action] void Add([Range(0, 2)] int x, [Range(0, 2)] int y) { Require(x != y); edges.Add(new Edge(x, y)); }
            [Invariant] bool Ordered => edges.All(e => e.A < e.B);
            """, Edge);
        var (interpreted, generated) = BothPaths.Explore("Edges", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(8, interpreted.DistinctStates);
        Assert.Equal(8, generated.DistinctStates);
    }

    [Fact]
    public void An_object_initializer_runs_after_the_constructor_and_member_initializers_before_it()
    {
        // box starts null; Put(s) for s in 0..2 stores Box(min(s, 1)) with Tag 7, then Retag rebuilds it with Tag 3 set in the
        // initializer: null, Box(0, 7), Box(1, 7), Box(0, 3), Box(1, 3): 5 states.
        string source = BothPaths.Model("Boxes", """
            Box? box;
            [Action] void Put([Range(0, 2)] int s) { Require(box is null); box = new Box(s); }
            [Action] void Retag() { Require(box is { Tag: 7 }); box = new Box(box.Size) { Tag = 3 }; }
            [Invariant] bool Small => box is null || box.Size <= 1;
            """, Edge, "[StateMachine(CheckStuck = false)]");
        var (interpreted, generated) = BothPaths.Explore("Boxes", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(5, interpreted.DistinctStates);
        Assert.Equal(5, generated.DistinctStates);
    }

    [Fact]
    public void A_constructor_that_throws_fails_the_step_that_called_it()
    {
        // Loop(0) builds Edge(0, 0), whose constructor throws: a failure after one step from the initial state.
        string source = BothPaths.Model("Loops", """
            HashSet<Edge> edges = [];
            [Action] void Loop([Range(0, 1)] int x) => edges.Add(new Edge(x, x));
            """, Edge, "[StateMachine(CheckStuck = false)]");
        var (interpreted, generated) = BothPaths.Explore("Loops", source);
        Assert.Single(interpreted.Violations);
        Assert.Single(generated.Violations);
        Assert.StartsWith("ExecutionFailed: Action 'Loop(x: 0)' threw ArgumentException", interpreted.Violations[0]);
        Assert.StartsWith("ExecutionFailed: Action 'Loop(x: 0)' threw ArgumentException", generated.Violations[0]);
    }
}
