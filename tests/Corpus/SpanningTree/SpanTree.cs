using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpanningTree;

/// <summary>
/// Lamport's spanning-tree algorithm (SpanTree.tla) with the model SpanTree.cfg:
/// five nodes, a fixed set of seven edges, root n1, MaxCardinality = 6.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class SpanTree
{
    public enum Node { N1, N2, N3, N4, N5 }

    const int MaxCardinality = 6;
    const Node Root = Node.N1;

    static readonly Node[] Nodes = Enum.GetValues<Node>();

    static readonly (Node, Node)[] Edges =
    [
        (Node.N1, Node.N2), (Node.N1, Node.N3), (Node.N2, Node.N3), (Node.N2, Node.N4),
        (Node.N3, Node.N4), (Node.N3, Node.N5), (Node.N4, Node.N5),
    ];

    static bool IsEdge(Node m, Node n) => Edges.Contains((m, n)) || Edges.Contains((n, m));

    static IEnumerable<Node> Nbrs(Node n) => Nodes.Where(m => IsEdge(m, n));

    readonly Dictionary<Node, Node> mom = Nodes.ToDictionary(n => n, n => n);
    readonly Dictionary<Node, int> dist = Nodes.ToDictionary(n => n, n => n == Root ? 0 : MaxCardinality);

    /// <summary>Node n learns from neighbor m a shorter distance d with dist[m] + 1 &lt;= d &lt; dist[n].</summary>
    [Action]
    void Next(Node n, Node m, [Range(1, MaxCardinality - 1)] int d)
    {
        Require(IsEdge(m, n));
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
    bool TypeOK() => Nodes.All(n => mom.ContainsKey(n) && dist.ContainsKey(n) && dist[n] >= 0);

    /// <summary>Safety == [](~ENABLED Next => PostCondition).</summary>
    [Invariant]
    bool Safety() => NextEnabled() || PostCondition();

    /// <summary>Liveness == &lt;&gt;(~ENABLED Next): the algorithm terminates.</summary>
    [Eventually]
    bool Liveness() => !NextEnabled();
}
