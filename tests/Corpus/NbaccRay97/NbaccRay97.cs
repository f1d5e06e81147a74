using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.NbaccRay97;

/// <summary>
/// Non-blocking atomic commitment with crashes and a failure detector (Raynal 1997), N = 2.
/// Each step of a process receives some of the sent messages, gets a new failure-detector
/// output, and then votes, crashes, decides, or does nothing.
/// Processes are numbered 0..N-1 (TLA+ 1..N).
/// </summary>
[StateMachine]
public partial class NbaccRay97
{
    public enum Vote { Yes, No }
    public enum Pc { Yes, No, Sent, Abort, Commit, Crash }
    public readonly record struct Message(int From, Vote Vote);

    const int N = 2;

    // Proc \X M, in a fixed order, so that a subset of it is a bit mask.
    static readonly Message[] AllMessages =
        [.. from p in Enumerable.Range(0, N) from v in new[] { Vote.Yes, Vote.No } select new Message(p, v)];

    const int AllMasks = (1 << (2 * N)) - 1;

    readonly Pc[] pc;
    readonly HashSet<Message>[] rcvd;
    readonly HashSet<Message> sent = [];
    readonly bool[] fd;

    // Init: pc \in [Proc -> {"YES", "NO"}], fd \in [Proc -> BOOLEAN]
    public NbaccRay97(Vote vote0, Vote vote1, bool fd0, bool fd1)
    {
        pc = [ToPc(vote0), ToPc(vote1)];
        rcvd = [.. Enumerable.Range(0, N).Select(_ => new HashSet<Message>())];
        fd = [fd0, fd1];
    }

    static Pc ToPc(Vote v) => v == Vote.Yes ? Pc.Yes : Pc.No;

    /// Receive(self) /\ UpdateFailureDetector(self): rcvd[self] grows to some subset of sent,
    /// and the failure detector outputs <paramref name="suspects"/>.
    void ReceiveAndDetect(int self, int received, bool suspects)
    {
        var r = AllMessages.Where((_, i) => (received & (1 << i)) != 0).ToHashSet();
        Require(r.IsSubsetOf(sent));
        Require(rcvd[self].IsSubsetOf(r));
        rcvd[self] = r;
        fd[self] = suspects;
    }

    [Action(FairnessGroup = "Progress")]
    void UponYes([Range(0, N - 1)] int self, [Range(0, AllMasks)] int received, bool suspects)
    {
        ReceiveAndDetect(self, received, suspects);
        Require(pc[self] == Pc.Yes);
        pc[self] = Pc.Sent;
        sent.Add(new Message(self, Vote.Yes));
    }

    [Action(FairnessGroup = "Progress")]
    void UponNo([Range(0, N - 1)] int self, [Range(0, AllMasks)] int received, bool suspects)
    {
        ReceiveAndDetect(self, received, suspects);
        Require(pc[self] == Pc.No);
        pc[self] = Pc.Sent;
        sent.Add(new Message(self, Vote.No));
    }

    [Action(Fairness = Fairness.None)]
    void UponCrash([Range(0, N - 1)] int self, [Range(0, AllMasks)] int received, bool suspects)
    {
        ReceiveAndDetect(self, received, suspects);
        Require(pc[self] != Pc.Crash);
        pc[self] = Pc.Crash;
    }

    // Abort when the failure detector suspects a crash, or when a NO was already received.
    [Action(FairnessGroup = "Progress")]
    void UponSentAbort([Range(0, N - 1)] int self, [Range(0, AllMasks)] int received, bool suspects)
    {
        bool hadNo = rcvd[self].Any(m => m.Vote == Vote.No);
        ReceiveAndDetect(self, received, suspects);
        Require(pc[self] == Pc.Sent);
        Require(suspects || hadNo);
        pc[self] = Pc.Abort;
    }

    // Commit when nobody is suspected and a YES from every process has been received.
    [Action(FairnessGroup = "Progress")]
    void UponSentCommit([Range(0, N - 1)] int self, [Range(0, AllMasks)] int received, bool suspects)
    {
        ReceiveAndDetect(self, received, suspects);
        Require(pc[self] == Pc.Sent);
        Require(!suspects);
        Require(Enumerable.Range(0, N).All(p => rcvd[self].Contains(new Message(p, Vote.Yes))));
        pc[self] = Pc.Commit;
    }

    // Receive and update the failure detector without any other move.
    [Action(Fairness = Fairness.None)]
    void Idle([Range(0, N - 1)] int self, [Range(0, AllMasks)] int received, bool suspects)
    {
        ReceiveAndDetect(self, received, suspects);
    }

    [Invariant]
    bool TypeOK =>
        sent.All(m => m.From is >= 0 and < N)
        && pc.Length == N && pc.All(Enum.IsDefined)
        && rcvd.Length == N && rcvd.All(r => r.All(m => m.From is >= 0 and < N))
        && fd.Length == N;
}
