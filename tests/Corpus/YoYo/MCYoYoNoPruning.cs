using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.YoYo;

/// <summary>
/// Yo-Yo leader election (Santoro) without pruning, on the fixed 5-node graph of
/// MCYoYoNoPruning. Edges are oriented from smaller to larger identities; sources
/// run the "down" phase, sinks start the "up" phase, and "no" answers flip edges.
/// </summary>
[StateMachine]
public partial class MCYoYoNoPruning
{
    public enum Phase { Down, Up }
    public enum NodeKind { Source, Sink, Internal }
    public enum Reply { Yes, No }

    public abstract record Msg(int Sndr);
    public sealed record DownMsg(int Sndr, int Val) : Msg(Sndr);
    public sealed record UpMsg(int Sndr, Reply Reply) : Msg(Sndr);

    static readonly int[] Nodes = [1, 2, 3, 4, 5];
    static readonly (int A, int B)[] Edges = [(1, 2), (1, 5), (3, 4), (3, 5), (4, 5)];
    static readonly int MinNode = Nodes.Min();

    static bool Adjacent(int m, int n) => Edges.Contains((m, n)) || Edges.Contains((n, m));
    static HashSet<int> Neighbors(int n) => Nodes.Where(m => Adjacent(m, n)).ToHashSet();

    readonly Dictionary<int, Phase> phase = Nodes.ToDictionary(n => n, _ => Phase.Down);
    readonly Dictionary<int, HashSet<int>> incoming =
        Nodes.ToDictionary(n => n, n => Neighbors(n).Where(m => m < n).ToHashSet());
    readonly Dictionary<int, HashSet<int>> outgoing =
        Nodes.ToDictionary(n => n, n => Neighbors(n).Where(m => m > n).ToHashSet());
    readonly Dictionary<int, HashSet<Msg>> mailbox = Nodes.ToDictionary(n => n, _ => new HashSet<Msg>());

    NodeKind KindOf(int n) =>
        incoming[n].Count == 0 ? NodeKind.Source
        : outgoing[n].Count == 0 ? NodeKind.Sink
        : NodeKind.Internal;

    List<DownMsg> DownMsgs(int n) => mailbox[n].OfType<DownMsg>().ToList();
    List<UpMsg> UpMsgs(int n) => mailbox[n].OfType<UpMsg>().ToList();

    // ---------------------------------------------------------------- down phase

    [Action(FairnessGroup = "Next")]
    void DownSource([Range(1, 5)] int n)
    {
        Require(KindOf(n) == NodeKind.Source && phase[n] == Phase.Down);
        foreach (var m in outgoing[n])
            mailbox[m].Add(new DownMsg(n, n));
        phase[n] = Phase.Up;
    }

    [Action(FairnessGroup = "Next")]
    void DownOther([Range(1, 5)] int n)
    {
        Require(KindOf(n) != NodeKind.Source && phase[n] == Phase.Down);
        var downMsgs = DownMsgs(n);
        Require(downMsgs.Select(m => m.Sndr).ToHashSet().SetEquals(incoming[n]));
        int min = downMsgs.Min(m => m.Val);
        foreach (var m in outgoing[n])
            mailbox[m].Add(new DownMsg(n, min));
        phase[n] = Phase.Up;
    }

    // ------------------------------------------------------------------ up phase

    [Action(FairnessGroup = "Next")]
    void UpSource([Range(1, 5)] int n)
    {
        Require(KindOf(n) == NodeKind.Source && phase[n] == Phase.Up);
        var upMsgs = UpMsgs(n);
        Require(upMsgs.Select(m => m.Sndr).ToHashSet().SetEquals(outgoing[n]));
        var noSndrs = upMsgs.Where(m => m.Reply == Reply.No).Select(m => m.Sndr).ToHashSet();
        mailbox[n].ExceptWith(upMsgs);
        incoming[n] = noSndrs;
        outgoing[n].ExceptWith(noSndrs);
        phase[n] = Phase.Down;
    }

    [Action(FairnessGroup = "Next")]
    void UpOther([Range(1, 5)] int n)
    {
        Require(KindOf(n) != NodeKind.Source && phase[n] == Phase.Up);
        var upMsgs = UpMsgs(n);
        Require(upMsgs.Select(m => m.Sndr).ToHashSet().SetEquals(outgoing[n]));   // always true for sinks
        var noSndrs = upMsgs.Where(m => m.Reply == Reply.No).Select(m => m.Sndr).ToHashSet();
        var downMsgs = DownMsgs(n).Where(m => incoming[n].Contains(m.Sndr)).ToList();
        var inc = incoming[n].ToList();

        if (noSndrs.Count == 0)
        {
            int min = downMsgs.Min(m => m.Val);
            var minSndrs = downMsgs.Where(m => m.Val == min).Select(m => m.Sndr).ToHashSet();
            foreach (var m in inc)
                mailbox[m].Add(new UpMsg(n, minSndrs.Contains(m) ? Reply.Yes : Reply.No));
            outgoing[n].UnionWith(inc.Except(minSndrs));
            incoming[n] = minSndrs;
        }
        else
        {
            foreach (var m in inc)
                mailbox[m].Add(new UpMsg(n, Reply.No));
            outgoing[n] = outgoing[n].Except(noSndrs).Union(inc).ToHashSet();
            incoming[n] = noSndrs;
        }
        mailbox[n].ExceptWith(upMsgs);
        mailbox[n].ExceptWith(downMsgs);
        phase[n] = Phase.Down;
    }

    // ---------------------------------------------------------------- properties

    [Invariant]
    bool TypeOK => Nodes.All(n =>
        incoming[n].IsSubsetOf(Neighbors(n))
        && outgoing[n].IsSubsetOf(Neighbors(n))
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
                 && (mailbox[m].Contains(new UpMsg(n, Reply.No)) || mailbox[n].Contains(new UpMsg(m, Reply.No)))))));

    /// <summary>No new sources are generated: [][\A n : kind(n)' = "source" => kind(n) = "source"]_vars.</summary>
    [StepInvariant]
    bool NoNewSource(MCYoYoNoPruning before) =>
        Nodes.All(n => KindOf(n) != NodeKind.Source || before.KindOf(n) == NodeKind.Source);

    bool Stabilization =>
        KindOf(MinNode) == NodeKind.Source
        && Nodes.All(n => KindOf(n) != NodeKind.Source || n == MinNode)
        && Nodes.All(n => mailbox[n].All(msg => msg switch
        {
            DownMsg d => d.Val == MinNode,
            UpMsg u => u.Reply == Reply.Yes,
            _ => true,
        }));

    // Liveness == <>[]Stabilization: eventually stabilized, and once stabilized it stays so.
    [Eventually]
    bool Stabilizes => Stabilization;

    [StepInvariant]
    bool StabilizationIsStable(MCYoYoNoPruning before) => !before.Stabilization || Stabilization;
}
