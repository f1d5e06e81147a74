using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SlushProtocol;

/// <summary>
/// The Slush protocol (Slush.tla, PlusCal) with SlushTiny.cfg (made for the corpus): 2 nodes, 2 iterations, sample size 1,
/// flip threshold 1. Node i hosts loop process l(i+1) and query process q(i+1), so every process id is the
/// index of its host node.
/// </summary>
[StateMachine]
public partial class SlushTiny
{
    const int Nodes = 2;
    const int SlushIterationCount = 2;
    const int SampleSetSize = 1;
    const int PickFlipThreshold = 1;

    public enum Color { Red, Blue }

    public abstract record Message;
    public sealed record QueryMessage(int Src, int Dst, Color Color) : Message;       // loop process -> query process
    public sealed record QueryReplyMessage(int Src, int Dst, Color Color) : Message;  // query process -> loop process
    public sealed record TerminationMessage(int Pid) : Message;                       // loop process finished

    public enum QueryPc { QueryReplyLoop, WaitForQueryMessageOrTermination, RespondToQueryMessage, Done }
    public enum LoopPc { RequireColorAssignment, ExecuteSlushLoop, QuerySampleSet, TallyQueryReplies, SlushLoopTermination, Done }
    public enum ClientPc { ClientRequestLoop, AssignColorToNode, Done }

    readonly Color?[] pick = new Color?[Nodes];          // null = NoColor
    readonly HashSet<Message> message = [];
    readonly QueryPc[] queryPc = new QueryPc[Nodes];
    readonly LoopPc[] loopPc = new LoopPc[Nodes];
    ClientPc clientPc = ClientPc.ClientRequestLoop;
    readonly HashSet<int>[] sampleSet = [.. Enumerable.Range(0, Nodes).Select(_ => new HashSet<int>())];
    readonly int[] loopVariant = new int[Nodes];

    static int HostOf(int pid) => pid;

    Color? Pick(int pid) => pick[HostOf(pid)];

    bool Terminate =>
        message.SetEquals(Enumerable.Range(0, Nodes).Select(pid => (Message)new TerminationMessage(pid)));

    IEnumerable<QueryMessage> PendingQueryMessages(int pid) =>
        message.OfType<QueryMessage>().Where(m => m.Dst == pid);

    IEnumerable<QueryReplyMessage> PendingQueryReplyMessages(int pid) =>
        message.OfType<QueryReplyMessage>().Where(m => m.Dst == pid);

    // ---- process SlushQuery ----

    [Action]
    void QueryReplyLoop([Process][Range(0, Nodes - 1)] int self)
    {
        Require(queryPc[self] == QueryPc.QueryReplyLoop);
        queryPc[self] = Terminate ? QueryPc.Done : QueryPc.WaitForQueryMessageOrTermination;
    }

    [Action]
    void WaitForQueryMessageOrTermination([Process][Range(0, Nodes - 1)] int self)
    {
        Require(queryPc[self] == QueryPc.WaitForQueryMessageOrTermination);
        Require(PendingQueryMessages(self).Any() || Terminate);
        queryPc[self] = Terminate ? QueryPc.QueryReplyLoop : QueryPc.RespondToQueryMessage;
    }

    // with msg \in PendingQueryMessage(self): the message is identified by its sender and color.
    [Action]
    void RespondToQueryMessage([Process][Range(0, Nodes - 1)] int self, [Range(0, Nodes - 1)] int src, Color msgColor)
    {
        Require(queryPc[self] == QueryPc.RespondToQueryMessage);
        var msg = new QueryMessage(src, self, msgColor);
        Require(message.Contains(msg));
        var color = Pick(self) ?? msg.Color;
        pick[HostOf(self)] = color;
        message.Remove(msg);
        message.Add(new QueryReplyMessage(self, msg.Src, color));
        queryPc[self] = QueryPc.QueryReplyLoop;
    }

    // ---- process SlushLoop ----

    [Action]
    void RequireColorAssignment([Process][Range(0, Nodes - 1)] int self)
    {
        Require(loopPc[self] == LoopPc.RequireColorAssignment);
        Require(Pick(self) is not null);
        loopPc[self] = LoopPc.ExecuteSlushLoop;
    }

    [Action]
    void ExecuteSlushLoop([Process][Range(0, Nodes - 1)] int self)
    {
        Require(loopPc[self] == LoopPc.ExecuteSlushLoop);
        loopPc[self] = loopVariant[self] < SlushIterationCount ? LoopPc.QuerySampleSet : LoopPc.SlushLoopTermination;
    }

    // with possibleSampleSet \in {pidSet \in SUBSET otherQueryProcesses : Cardinality(pidSet) = SampleSetSize}:
    // the sample set is given as a bit mask over query process ids.
    [Action]
    void QuerySampleSet([Process][Range(0, Nodes - 1)] int self, [Range(0, (1 << Nodes) - 1)] int sampleMask)
    {
        Require(loopPc[self] == LoopPc.QuerySampleSet);
        Require((sampleMask & (1 << self)) == 0 && BitOperations.PopCount((uint)sampleMask) == SampleSetSize);
        var sample = Enumerable.Range(0, Nodes).Where(pid => (sampleMask & (1 << pid)) != 0).ToHashSet();
        sampleSet[self] = sample;
        var color = Pick(self)!.Value;
        foreach (var pid in sample)
            message.Add(new QueryMessage(self, pid, color));
        loopPc[self] = LoopPc.TallyQueryReplies;
    }

    [Action]
    void TallyQueryReplies([Process][Range(0, Nodes - 1)] int self)
    {
        Require(loopPc[self] == LoopPc.TallyQueryReplies);
        var replies = PendingQueryReplyMessages(self).Where(m => sampleSet[self].Contains(m.Src)).ToList();
        Require(sampleSet[self].All(pid => replies.Any(m => m.Src == pid)));

        int redTally = replies.Count(m => m.Color == Color.Red);
        int blueTally = replies.Count(m => m.Color == Color.Blue);
        if (redTally >= PickFlipThreshold)
            pick[HostOf(self)] = Color.Red;
        else if (blueTally >= PickFlipThreshold)
            pick[HostOf(self)] = Color.Blue;

        message.ExceptWith(replies);
        sampleSet[self] = [];
        loopVariant[self]++;
        loopPc[self] = LoopPc.ExecuteSlushLoop;
    }

    [Action]
    void SlushLoopTermination([Process][Range(0, Nodes - 1)] int self)
    {
        Require(loopPc[self] == LoopPc.SlushLoopTermination);
        message.Add(new TerminationMessage(self));
        loopPc[self] = LoopPc.Done;
    }

    // ---- process ClientRequest ----

    [Action]
    void ClientRequestLoop()
    {
        Require(clientPc == ClientPc.ClientRequestLoop);
        clientPc = pick.Any(p => p is null) ? ClientPc.AssignColorToNode : ClientPc.Done;
    }

    [Action]
    void AssignColorToNode([Range(0, Nodes - 1)] int node, Color color)
    {
        Require(clientPc == ClientPc.AssignColorToNode);
        if (pick[node] is null)
            pick[node] = color;
        clientPc = ClientPc.ClientRequestLoop;
    }

    // Terminating: every process is Done and the system stutters.
    [Terminal]
    bool AllDone => clientPc == ClientPc.Done && queryPc.All(pc => pc == QueryPc.Done) && loopPc.All(pc => pc == LoopPc.Done);

    [Invariant]
    bool TypeInvariant => message.All(m => m switch
    {
        QueryMessage q => q.Src is >= 0 and < Nodes && q.Dst is >= 0 and < Nodes,
        QueryReplyMessage r => r.Src is >= 0 and < Nodes && r.Dst is >= 0 and < Nodes,
        TerminationMessage t => t.Pid is >= 0 and < Nodes,
        _ => false,
    });
}
