using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.DagConsensus;

/// <summary>
/// Sailfish / Sailfish++ DAG-based BFT consensus (high-level spec), TLCSailfish1 configuration:
/// nodes n1, n2, n3 with n1 Byzantine, rounds 1..5, GST = 3, leaders n1, n2, n3 in turn.
/// Correct nodes enter round r with a quorum of round r-1 vertices, add their vertex to the DAG,
/// and commit the leader of round r-2 when a quorum of the delivered vertices vote for it.
/// The Byzantine node may add any vertex it has not added yet, pointing to a quorum.
/// </summary>
[StateMachine]
public partial class TLCSailfish1
{
    public enum Node { N1, N2, N3 }

    /// <summary>A DAG vertex: a node and a round. Genesis (TLA+ &lt;&lt;&gt;&gt;) has no node and round 0.</summary>
    public readonly record struct Vertex(Node? Node, int Round)
    {
        public static readonly Vertex Genesis = new(null, 0);
    }

    public readonly record struct Edge(Vertex From, Vertex To);

    const int MaxRound = 5;   // R == 1..5
    const int Gst = 3;

    static readonly Node[] Nodes = [Node.N1, Node.N2, Node.N3];
    static readonly Node[] Byzantine = [Node.N1];
    static readonly Node[] Correct = [Node.N2, Node.N3];
    static readonly Node[] LeaderSchedule = [Node.N1, Node.N2, Node.N3];

    static readonly HashSet<Node>[] Quorums =
    [
        [Node.N1, Node.N3],
        [Node.N2, Node.N3],
        [Node.N1, Node.N2, Node.N3],
    ];

    readonly HashSet<Vertex> vs = [Vertex.Genesis];
    readonly HashSet<Edge> es = [];
    readonly Dictionary<Node, int> round = Correct.ToDictionary(n => n, _ => 0);
    readonly Dictionary<Node, List<Vertex>> log = Correct.ToDictionary(n => n, _ => new List<Vertex>());

    static bool IsQuorum(IEnumerable<Node> nodes)
    {
        var set = nodes.ToHashSet();
        return Quorums.Any(q => q.SetEquals(set));
    }

    static Node Leader(int r) => LeaderSchedule[(r - 1) % Nodes.Length];

    static Vertex LeaderVertex(int r) => r > 0 ? new Vertex(Leader(r), r) : Vertex.Genesis;

    static bool IsLeader(Vertex v) => LeaderVertex(v.Round) == v;

    IEnumerable<Vertex> Children(Vertex v) => es.Where(e => e.From == v).Select(e => e.To);

    /// <summary>The round-<paramref name="r"/> vertices of the nodes in <paramref name="mask"/>; all must be in the DAG.</summary>
    List<Vertex> Pick(int mask, int r)
    {
        var picked = Nodes
            .Where((_, i) => (mask & (1 << i)) != 0)
            .Select(n => new Vertex(n, r))
            .ToList();
        Require(picked.All(vs.Contains));
        return picked;
    }

    static IEnumerable<Node> NodesOf(IEnumerable<Vertex> vertices) => vertices.Select(v => v.Node!.Value);

    // There is a quorum of vertices (plus `add`) that do not point to the leader vertex of r-1.
    bool NoLeaderVoteQuorum(int r, IEnumerable<Vertex> vertices, IEnumerable<Node> add)
    {
        var noLeaderVote = vertices.Where(v => !Children(v).Contains(LeaderVertex(r - 1)));
        return IsQuorum(NodesOf(noLeaderVote).Concat(add));
    }

    void AddVertex(Vertex v, IEnumerable<Vertex> parents)
    {
        vs.Add(v);
        foreach (var p in parents) es.Add(new Edge(v, p));
    }

    // correctNode, round = 0: start round 1.
    [Action]
    void Start([Values(Node.N2, Node.N3)] Node self)
    {
        Require(round[self] == 0);
        round[self] = 1;
        AddVertex(new Vertex(self, 1), [Vertex.Genesis]);
    }

    // correctNode, round > 0: enter a later round r with the delivered round r-1 vertices.
    [Action]
    void EnterRound(
        [Values(Node.N2, Node.N3)] Node self,
        [Range(1, MaxRound)] int r,
        [Range(0, 7)] int delivered)
    {
        Require(round[self] != 0 && r > round[self]);
        var deliveredVertices = Pick(delivered, r - 1);
        var deliveredNodes = NodesOf(deliveredVertices).ToHashSet();

        // a quorum of vertices, and after GST all correct ones
        Require(IsQuorum(deliveredNodes));
        Require(r < Gst || Correct.All(deliveredNodes.Contains));

        // if the r-1 leader does not reference the r-2 leader, the r-2 leader cannot commit
        Require(!deliveredVertices.Contains(LeaderVertex(r - 1))
                || Children(LeaderVertex(r - 1)).Contains(LeaderVertex(r - 2))
                || NoLeaderVoteQuorum(r - 1, deliveredVertices, []));

        // a leader includes the r-1 leader or has evidence it cannot commit
        if (Leader(r) == self)
            Require(deliveredVertices.Contains(LeaderVertex(r - 1))
                    || NoLeaderVoteQuorum(r, vs.Where(v => v.Round == r).ToList(), [self]));

        round[self] = r;
        AddVertex(new Vertex(self, r), deliveredVertices);

        // commit if a quorum of the delivered vertices vote for the leader of r-2
        if (r > 2)
        {
            var votesForLeader = deliveredVertices.Where(pv => es.Contains(new Edge(pv, LeaderVertex(r - 2))));
            if (IsQuorum(NodesOf(votesForLeader)))
                log[self] = Linearize(LeaderVertex(r - 2));
        }
    }

    // byzantineNode, r = 1
    [Action]
    void ByzantineFirstVertex([Values(Node.N1)] Node self)
    {
        var newV = new Vertex(self, 1);
        Require(!vs.Contains(newV));
        AddVertex(newV, [Vertex.Genesis]);
    }

    // byzantineNode, r > 1: no equivocation, and it must point to a quorum or be ignored
    [Action]
    void ByzantineVertex(
        [Values(Node.N1)] Node self,
        [Range(2, MaxRound)] int r,
        [Range(0, 7)] int delivered)
    {
        var newV = new Vertex(self, r);
        Require(!vs.Contains(newV));
        var deliveredVertices = Pick(delivered, r - 1);
        Require(IsQuorum(NodesOf(deliveredVertices)));
        AddVertex(newV, deliveredVertices);
    }

    // ---- Linearizing the DAG (BlockDag.tla) ----

    /// <summary>v and every vertex reachable from it.</summary>
    HashSet<Vertex> SubDag(Vertex v)
    {
        var seen = new HashSet<Vertex> { v };
        var todo = new Stack<Vertex>([v]);
        while (todo.TryPop(out var x))
            foreach (var c in Children(x))
                if (seen.Add(c))
                    todo.Push(c);
        return seen;
    }

    List<Vertex> Linearize(Vertex l)
    {
        if (l == Vertex.Genesis)
            return [];
        var dagOfL = SubDag(l);
        var prevL = dagOfL.Where(v => IsLeader(v) && v.Round < l.Round).MaxBy(v => v.Round);
        var dagOfPrev = SubDag(prevL);
        var remaining = dagOfL.Except(dagOfPrev).Where(v => v != l);
        return [.. Linearize(prevL), .. OrderSet(remaining), l];
    }

    // OrderSet(S) appends CHOOSE e \in S : TRUE after ordering the rest; TLC's CHOOSE picks the
    // least element (node, then round), so the result is in descending order.
    static IEnumerable<Vertex> OrderSet(IEnumerable<Vertex> s) =>
        s.OrderByDescending(v => v.Node).ThenByDescending(v => v.Round);

    static bool Compatible(List<Vertex> s1, List<Vertex> s2) => s1.Zip(s2).All(p => p.First == p.Second);

    // ---- Properties ----

    [Invariant]
    bool TypeOK =>
        vs.Where(v => v != Vertex.Genesis).All(v =>
            v.Node is { } n && Nodes.Contains(n) && v.Round >= 1
            && Children(v).All(c => c.Round == v.Round - 1))
        && es.All(e => vs.Contains(e.From) && vs.Contains(e.To))
        && Correct.All(n => round[n] >= 0);

    [Invariant]
    bool Agreement => Correct.All(a => Correct.All(b => Compatible(log[a], log[b])));

    // After GST, a correct leader's vertex is in the log of every correct node two rounds later.
    [Invariant]
    bool Liveness =>
        Enumerable.Range(1, MaxRound)
            .Where(r => r >= Gst && !Byzantine.Contains(Leader(r)))
            .All(r => Correct.All(n => round[n] < r + 2 || log[n].Contains(LeaderVertex(r))));

    [Constraint]
    bool StateConstraint => Correct.All(n => round[n] is >= 0 and <= MaxRound);

    // TerminatingSpec lets the system stutter once every correct node is in the last round.
    [Terminal]
    bool Done => Correct.All(n => round[n] == MaxRound);
}
