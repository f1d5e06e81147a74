using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpanningTree;

/// <summary>
/// SpanTreeTest.tla with the model SpanTreeTest4Nodes.cfg: the spanning-tree algorithm run on every
/// graph over four nodes (Edges is a variable chosen in the initial state), root n1, MaxCardinality = 5.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class SpanTreeTest4Nodes
{
    public enum Node { N1, N2, N3, N4 }

    /// <summary>An undirected edge {A, B}, stored with A &lt; B.</summary>
    public readonly record struct Edge
    {
        public Node A { get; }
        public Node B { get; }

        public Edge(Node x, Node y) => (A, B) = x < y ? (x, y) : (y, x);
    }

    const int MaxCardinality = 5;
    const Node Root = Node.N1;

    static readonly Node[] Nodes = Enum.GetValues<Node>();

    /// <summary>Every two-node set {m, n}: the possible edges.</summary>
    static readonly Edge[] PossibleEdges =
        (from m in Nodes from n in Nodes where m < n select new Edge(m, n)).ToArray();

    readonly Dictionary<Node, Node> mom = Nodes.ToDictionary(n => n, n => n);
    readonly Dictionary<Node, int> dist = Nodes.ToDictionary(n => n, n => n == Root ? 0 : MaxCardinality);
    readonly HashSet<Edge> edges = [];

    /// <summary>
    /// Edges \in {E \in SUBSET (SUBSET Nodes) : \A e \in E : Cardinality(e) = 2}: any set of two-node edges,
    /// one initial state per subset of the six possible edges.
    /// </summary>
    public SpanTreeTest4Nodes([Range(0, (1 << 6) - 1)] int edgeSet)
    {
        for (int i = 0; i < PossibleEdges.Length; i++)
            if ((edgeSet & (1 << i)) != 0)
                edges.Add(PossibleEdges[i]);
    }

    IEnumerable<Node> Nbrs(Node n) => Nodes.Where(m => m != n && edges.Contains(new Edge(m, n)));

    [Action]
    void Next(Node n, Node m, [Range(1, MaxCardinality - 1)] int d)
    {
        Require(m != n && edges.Contains(new Edge(m, n)));
        Require(dist[m] < 1 + dist[n]);
        Require(d >= dist[m] + 1 && d <= dist[n] - 1);
        dist[n] = d;
        mom[n] = m;
    }

    bool NextEnabled() =>
        Nodes.Any(n => Nbrs(n).Any(m => dist[m] < 1 + dist[n] && dist[m] + 1 <= dist[n] - 1));

    bool PostCondition() => Nodes.All(n =>
        (n == Root && dist[n] == 0 && mom[n] == n)
        || (dist[n] == MaxCardinality && mom[n] == n && Nbrs(n).All(m => dist[m] == MaxCardinality))
        || (dist[n] >= 1 && dist[n] <= MaxCardinality - 1
            && Nbrs(n).Contains(mom[n])
            && dist[n] == dist[mom[n]] + 1));

    [Invariant]
    bool TypeOK() =>
        Nodes.All(n => mom.ContainsKey(n) && dist.ContainsKey(n) && dist[n] >= 0)
        && edges.All(e => e.A != e.B);

    /// <summary>Safety == [](~ENABLED Next => PostCondition).</summary>
    [Invariant]
    bool Safety() => NextEnabled() || PostCondition();

    /// <summary>Liveness == &lt;&gt;PostCondition.</summary>
    [Eventually]
    bool Liveness() => PostCondition();
}
