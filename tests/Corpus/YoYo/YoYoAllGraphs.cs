using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.YoYo;

/// <summary>
/// Yo-Yo leader election with pruning, run on every connected loop-free undirected
/// graph over the nodes 1..N (one initial state per graph).
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class YoYoAllGraphs
{
    public enum Phase { Down, Up }
    public enum NodeKind { Leader, Source, Sink, Internal }
    public enum Reply { Yes, No }

    public abstract record Msg(int Sndr);
    public sealed record DownMsg(int Sndr, int Val) : Msg(Sndr);
    public sealed record UpMsg(int Sndr, Reply Reply, bool Prune) : Msg(Sndr);

    const int N = 5;
    static readonly int[] Nodes = Enumerable.Range(1, N).ToArray();
    static readonly int MinNode = Nodes.Min();

    /// <summary>All non-loop edges {a, b} over Nodes, as pairs with a &lt; b.</summary>
    static readonly (int A, int B)[] AllEdges =
        [.. from a in Nodes from b in Nodes where a < b select (a, b)];

    readonly Dictionary<int, bool> active = Nodes.ToDictionary(n => n, _ => true);
    readonly Dictionary<int, Phase> phase = Nodes.ToDictionary(n => n, _ => Phase.Down);
    readonly Dictionary<int, HashSet<int>> incoming = Nodes.ToDictionary(n => n, _ => new HashSet<int>());
    readonly Dictionary<int, HashSet<int>> outgoing = Nodes.ToDictionary(n => n, _ => new HashSet<int>());
    readonly Dictionary<int, HashSet<Msg>> mailbox = Nodes.ToDictionary(n => n, _ => new HashSet<Msg>());

    /// <param name="edgeSet">The graph's edges, as a bit set over <see cref="AllEdges"/>; only connected graphs are used.</param>
    public YoYoAllGraphs([Range(0, (1 << (N * (N - 1) / 2)) - 1)] int edgeSet)
    {
        var edges = AllEdges.Where((_, i) => (edgeSet & (1 << i)) != 0).ToList();
        Require(IsConnected(edges));
        foreach (var n in Nodes)
        {
            var neighbors = edges.Where(e => e.A == n || e.B == n).Select(e => e.A == n ? e.B : e.A).ToList();
            incoming[n] = neighbors.Where(m => m < n).ToHashSet();
            outgoing[n] = neighbors.Where(m => m > n).ToHashSet();
        }
    }

    static bool IsConnected(List<(int A, int B)> edges)
    {
        var reached = new HashSet<int> { Nodes[0] };
        var frontier = new Queue<int>(reached);
        while (frontier.TryDequeue(out var n))
        {
            foreach (var (a, b) in edges)
            {
                int other = a == n ? b : b == n ? a : 0;
                if (other != 0 && reached.Add(other))
                    frontier.Enqueue(other);
            }
        }
        return reached.Count == Nodes.Length;
    }

    NodeKind KindOf(int n) =>
        (incoming[n].Count, outgoing[n].Count) switch
        {
            (0, 0) => NodeKind.Leader,
            (0, _) => NodeKind.Source,
            (_, 0) => NodeKind.Sink,
            _ => NodeKind.Internal,
        };

    bool IsInternalOrSink(int n) => KindOf(n) is NodeKind.Internal or NodeKind.Sink;

    List<DownMsg> DownMsgs(int n) => mailbox[n].OfType<DownMsg>().ToList();
    List<UpMsg> UpMsgs(int n) => mailbox[n].OfType<UpMsg>().ToList();

    /// <summary>"down" messages that a node in its up phase takes into account.</summary>
    List<DownMsg> CurrentDownMsgs(int n) => DownMsgs(n).Where(m => incoming[n].Contains(m.Sndr)).ToList();

    bool HeardFromAllIncoming(int n) => DownMsgs(n).Select(m => m.Sndr).ToHashSet().SetEquals(incoming[n]);
    bool HeardFromAllOutgoing(int n) => UpMsgs(n).Select(m => m.Sndr).ToHashSet().SetEquals(outgoing[n]);

    // Enabling conditions, shared by the actions and by FinishIffTerminated.
    bool CanDownSource(int n) => active[n] && KindOf(n) == NodeKind.Source && phase[n] == Phase.Down;
    bool CanDownOther(int n) => active[n] && IsInternalOrSink(n) && phase[n] == Phase.Down && HeardFromAllIncoming(n);
    bool CanUpSource(int n) => active[n] && KindOf(n) == NodeKind.Source && phase[n] == Phase.Up && HeardFromAllOutgoing(n);
    bool CanUpOther(int n) => active[n] && IsInternalOrSink(n) && phase[n] == Phase.Up && HeardFromAllOutgoing(n);

    bool AnyEnabled => Nodes.Any(n => CanDownSource(n) || CanDownOther(n) || CanUpSource(n) || CanUpOther(n));

    // ---------------------------------------------------------------- down phase

    [Action(FairnessGroup = "Next")]
    void DownSource([Range(1, N)] int n)
    {
        Require(CanDownSource(n));
        foreach (var m in outgoing[n])
            mailbox[m].Add(new DownMsg(n, n));
        phase[n] = Phase.Up;
    }

    [Action(FairnessGroup = "Next")]
    void DownOther([Range(1, N)] int n)
    {
        Require(CanDownOther(n));
        int min = DownMsgs(n).Min(m => m.Val);
        foreach (var m in outgoing[n])
            mailbox[m].Add(new DownMsg(n, min));
        phase[n] = Phase.Up;
    }

    // ------------------------------------------------------------------ up phase

    [Action(FairnessGroup = "Next")]
    void UpSource([Range(1, N)] int n)
    {
        Require(CanUpSource(n));
        var upMsgs = UpMsgs(n);
        var noSndrs = upMsgs.Where(m => m.Reply == Reply.No).Select(m => m.Sndr).ToHashSet();
        var pruned = upMsgs.Where(m => m.Prune).Select(m => m.Sndr).ToHashSet();
        mailbox[n].ExceptWith(upMsgs);
        incoming[n] = noSndrs.Except(pruned).ToHashSet();
        outgoing[n] = outgoing[n].Except(noSndrs.Union(pruned)).ToHashSet();
        phase[n] = Phase.Down;
    }

    /// <param name="kept">
    /// The links that are kept, as a bit set over nodes (bit n-1 for node n): exactly one
    /// sender for each value received in the down phase (TLA+'s function <c>keep</c>).
    /// </param>
    [Action(FairnessGroup = "Next")]
    void UpOther([Range(1, N)] int n, [Range(0, (1 << N) - 1)] int kept)
    {
        Require(CanUpOther(n));
        var upMsgs = UpMsgs(n);
        var noSndrs = upMsgs.Where(m => m.Reply == Reply.No).Select(m => m.Sndr).ToHashSet();
        var pruned = upMsgs.Where(m => m.Prune).Select(m => m.Sndr).ToHashSet();
        var downMsgs = CurrentDownMsgs(n);
        var valsRcvd = downMsgs.Select(m => m.Val).ToHashSet();
        var inc = incoming[n].ToList();

        // choose, for every value received, one of its senders whose link is kept
        var keep = new Dictionary<int, int>();
        foreach (var v in valsRcvd)
        {
            var keptSenders = downMsgs.Where(m => m.Val == v && IsKept(kept, m.Sndr)).Select(m => m.Sndr).ToList();
            Require(keptSenders.Count == 1);
            keep[v] = keptSenders[0];
        }
        Require(Nodes.All(m => !IsKept(kept, m) || keep.ContainsValue(m)));

        int ValSent(int m) => downMsgs.First(d => d.Sndr == m).Val;
        bool isLoneSink = KindOf(n) == NodeKind.Sink && incoming[n].Count == 1;

        if (noSndrs.Count == 0)   // true in particular for sinks
        {
            int min = downMsgs.Min(m => m.Val);
            var minSndrs = downMsgs.Where(m => m.Val == min).Select(m => m.Sndr).ToHashSet();
            foreach (var m in inc)
                mailbox[m].Add(new UpMsg(n,
                    minSndrs.Contains(m) ? Reply.Yes : Reply.No,
                    m != keep[ValSent(m)] || isLoneSink));
            incoming[n] = isLoneSink ? [] : [keep[min]];
            outgoing[n] = outgoing[n].Except(pruned)
                .Union(valsRcvd.Where(v => v != min).Select(v => keep[v]))
                .ToHashSet();
        }
        else
        {
            foreach (var m in inc)
                mailbox[m].Add(new UpMsg(n, Reply.No, m != keep[ValSent(m)]));
            incoming[n] = noSndrs.Except(pruned).ToHashSet();
            outgoing[n] = outgoing[n].Except(noSndrs.Union(pruned))
                .Union(valsRcvd.Select(v => keep[v]))
                .ToHashSet();
        }
        mailbox[n].ExceptWith(upMsgs);
        mailbox[n].ExceptWith(downMsgs);
        active[n] = !isLoneSink;
        phase[n] = Phase.Down;
    }

    static bool IsKept(int kept, int node) => (kept & (1 << (node - 1))) != 0;

    // ---------------------------------------------------------------- properties

    [Invariant]
    bool TypeOK => Nodes.All(n =>
        incoming[n].IsSubsetOf(Nodes)
        && outgoing[n].IsSubsetOf(Nodes)
        && mailbox[n].All(msg => msg switch
        {
            DownMsg d => outgoing[d.Sndr].Contains(n)
                         && mailbox[n].OfType<DownMsg>().All(mm => mm.Sndr != d.Sndr || mm == d),
            UpMsg u => outgoing[n].Contains(u.Sndr)
                       && mailbox[n].OfType<UpMsg>().All(mm => mm.Sndr != u.Sndr || mm == u),
            _ => false,
        }));

    [Invariant]
    bool NeighborInv => Nodes.All(m => Nodes.All(n =>
        outgoing[n].Contains(m) ==
            (incoming[m].Contains(n)
             || (outgoing[m].Contains(n)
                 && (mailbox[m].Contains(new UpMsg(n, Reply.No, false))
                     || mailbox[n].Contains(new UpMsg(m, Reply.No, false))))
             || (!incoming[m].Contains(n) && !outgoing[m].Contains(n)
                 && (mailbox[n].Contains(new UpMsg(m, Reply.Yes, true))
                     || mailbox[n].Contains(new UpMsg(m, Reply.No, true)))))));

    /// <summary>The node with the smallest identity is the leader, all others are inactive, all mailboxes empty.</summary>
    bool Termination => Nodes.All(n =>
        (n == MinNode ? KindOf(n) == NodeKind.Leader : !active[n])
        && mailbox[n].Count == 0);

    /// <summary>~(ENABLED Next) &lt;=&gt; Termination.</summary>
    [Invariant]
    bool FinishIffTerminated => !AnyEnabled == Termination;

    [Eventually]
    bool Liveness => Termination;
}
