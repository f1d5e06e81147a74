using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.MultiPaxos_SMR;

/// <summary>
/// Practical SMR-style MultiPaxos with write/read commands on a single key (MultiPaxos.tla, PlusCal),
/// model MultiPaxos_MC_small: replicas {s1, s2, s3}, writes {w1}, reads {r1}, MaxBallot 2.
/// The network is the monotonic set of sent messages; clients observe Req/Ack events, and once every
/// command is acknowledged the history must be linearizable. Termination is checked as absence of
/// deadlock: the replicas' loops end (pc = "Done") only when all requests are observed.
/// </summary>
[StateMachine]
public partial class MultiPaxos_MC_small
{
    // ------------------------------------------------------------ model inputs

    public enum Replica { S1, S2, S3 }

    public enum Command { W1, R1 }

    const int MaxBallot = 2;

    static readonly Replica[] Replicas = Enum.GetValues<Replica>();
    static readonly Command[] Writes = [Command.W1];
    static readonly Command[] Reads = [Command.R1];
    static readonly Command[] Commands = [.. Writes, .. Reads];
    const int NumCommands = 2; // Cardinality(Writes \cup Reads)
    static readonly int MajorityNum = Replicas.Length / 2 + 1;

    // ----------------------------------------------------------------- types

    /// <summary>An immutable list with value equality, so records holding one compare by content.</summary>
    public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
    {
        readonly T[] items;

        public ValueList(IEnumerable<T> items) => this.items = items.ToArray();

        public T this[int index] => items[index];

        public int Count => items.Length;

        public ValueList<T> SetItem(int index, T value)
        {
            var copy = (T[])items.Clone();
            copy[index] = value;
            return new ValueList<T>(copy);
        }

        public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other.items);

        public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var item in items)
                hash.Add(item);
            return hash.ToHashCode();
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public enum Status { Empty, Preparing, Accepting, Committed }

    /// <summary>A replica's vote in one slot; Bal 0 / Cmd null means it has not voted there.</summary>
    public readonly record struct Vote(int Bal, Command? Cmd);

    /// <summary>One log instance (slot). Cmd null is "nil".</summary>
    public readonly record struct Instance(Status Status, Command? Cmd, Vote Voted);

    /// <summary>
    /// A replica's state. Leader null is "none", KValue null is "nil"; Insts[i] is slot i + 1.
    /// </summary>
    public sealed record NodeState(
        Replica? Leader,
        Command? KValue,
        int CommitUpTo,
        int BalPrepared,
        int BalMaxKnown,
        ValueList<Instance> Insts);

    public enum Pc { Rloop, Done }

    // Service-internal messages. Slots are 1-based as in the spec.
    public abstract record Message;
    public sealed record Prepare(Replica Src, int Bal) : Message;
    public sealed record PrepareReply(Replica Src, int Bal, ValueList<Vote> Votes) : Message;
    public sealed record Accept(Replica Src, int Bal, int Slot, Command Cmd) : Message;
    public sealed record AcceptReply(Replica Src, int Bal, int Slot) : Message;
    public sealed record CommitNotice(int Upto) : Message;

    // Client observable events.
    public abstract record ClientEvent;
    public sealed record ReqEvent(Command Cmd) : ClientEvent;
    public sealed record AckEvent(Command Cmd, Command? Val) : ClientEvent; // Val: the old value, for a write

    static readonly Instance NullInst = new(Status.Empty, null, new Vote(0, null));

    static readonly NodeState NullNode =
        new(null, null, 0, 0, 0, new ValueList<Instance>(Enumerable.Repeat(NullInst, NumCommands)));

    // ----------------------------------------------------------------- state

    /// <summary>Messages in the network.</summary>
    readonly HashSet<Message> msgs = [];

    /// <summary>Replica node state.</summary>
    readonly Dictionary<Replica, NodeState> node = Replicas.ToDictionary(r => r, _ => NullNode);

    /// <summary>Pending requests: all writes, then all reads (InitPending).</summary>
    readonly List<Command> pending = [.. Writes, .. Reads];

    /// <summary>Client observed events.</summary>
    readonly List<ClientEvent> observed = [];

    /// <summary>PlusCal program counter of each replica process.</summary>
    readonly Dictionary<Replica, Pc> pc = Replicas.ToDictionary(r => r, _ => Pc.Rloop);

    // ----------------------------------------------------------- definitions

    static bool IsWrite(Command c) => Writes.Contains(c);

    IEnumerable<Command> ReqsMade => observed.OfType<ReqEvent>().Select(e => e.Cmd).Distinct();

    IEnumerable<Command> AcksRecv => observed.OfType<AckEvent>().Select(e => e.Cmd).Distinct();

    bool Terminated =>
        pending.Count == 0
        && ReqsMade.Count() == NumCommands
        && AcksRecv.Count() == NumCommands;

    List<Command> UnseenPending(ValueList<Instance> insts) =>
        pending.Where(c => !insts.Any(inst => inst.Cmd == c)).ToList();

    static ValueList<Vote> VotesByNode(NodeState n) => new(n.Insts.Select(inst => inst.Voted));

    /// <summary>Instances being accepted go back to preparing when a new ballot starts.</summary>
    static ValueList<Instance> ResetAccepting(ValueList<Instance> insts) =>
        new(insts.Select(inst => inst.Status == Status.Accepting ? inst with { Status = Status.Preparing } : inst));

    /// <summary>The command voted with the highest ballot in slot s (0-based) among the replies, or nil.</summary>
    static Command? PeakVotedCmd(IReadOnlyCollection<PrepareReply> prs, int s) =>
        prs.All(pr => pr.Votes[s].Bal == 0)
            ? null
            : prs.Select(pr => pr.Votes[s]).MaxBy(v => v.Bal).Cmd;

    void Observe(ClientEvent e)
    {
        if (!observed.Contains(e))
            observed.Add(e);
    }

    /// <summary>Every branch of the replica loop runs only while it loops and the run has not terminated.</summary>
    void RequireLooping(Replica self) => Require(pc[self] == Pc.Rloop && !Terminated);

    // --------------------------------------------------------------- actions

    /// <summary>Someone steps up as leader and sends Prepare message to followers.</summary>
    [Action]
    void BecomeLeader(Replica self, [Range(1, MaxBallot)] int b)
    {
        RequireLooping(self);
        var n = node[self];
        Require(n.Leader != self);
        // W.L.O.G. ballot numbers from different proposers are unique.
        Require(b > n.BalMaxKnown && !msgs.OfType<Prepare>().Any(m => m.Bal == b));
        n = n with { Leader = self, BalPrepared = 0, BalMaxKnown = b, Insts = ResetAccepting(n.Insts) };
        node[self] = n;
        // Broadcast Prepare and reply to myself instantly.
        msgs.Add(new Prepare(self, b));
        msgs.Add(new PrepareReply(self, b, VotesByNode(n)));
    }

    /// <summary>Replica replies to a Prepare message with a larger ballot than ever seen.</summary>
    [Action]
    void HandlePrepare(Replica self, Replica src, [Range(1, MaxBallot)] int bal)
    {
        RequireLooping(self);
        var n = node[self];
        Require(msgs.Contains(new Prepare(src, bal)) && bal > n.BalMaxKnown);
        n = n with { Leader = src, BalMaxKnown = bal, Insts = ResetAccepting(n.Insts) };
        node[self] = n;
        msgs.Add(new PrepareReply(self, bal, VotesByNode(n)));
    }

    /// <summary>
    /// Leader gathers PrepareReply messages until a majority, then marks the ballot as prepared and
    /// re-proposes the highest voted command of each slot.
    /// </summary>
    [Action]
    void HandlePrepareReplies(Replica self)
    {
        RequireLooping(self);
        var n = node[self];
        Require(n.Leader == self && n.BalPrepared == 0);
        var prs = msgs.OfType<PrepareReply>().Where(m => m.Bal == n.BalMaxKnown).ToList();
        Require(prs.Count >= MajorityNum);

        var insts = new ValueList<Instance>(n.Insts.Select((inst, s) =>
        {
            var peak = PeakVotedCmd(prs, s);
            var status = inst.Status == Status.Preparing || (inst.Status == Status.Empty && peak is not null)
                ? Status.Accepting
                : inst.Status;
            return inst with { Status = status, Cmd = peak };
        }));
        n = n with { BalPrepared = n.BalMaxKnown, Insts = insts };
        node[self] = n;

        for (int s = 0; s < NumCommands; s++)
        {
            if (insts[s].Status == Status.Accepting)
                msgs.Add(new Accept(self, n.BalPrepared, s + 1,
                    insts[s].Cmd ?? throw new InvalidOperationException("accepting an empty command")));
        }
    }

    /// <summary>A prepared leader takes a new request to fill the next empty slot.</summary>
    [Action]
    void TakeNewRequest(Replica self)
    {
        RequireLooping(self);
        var n = node[self];
        Require(n.Leader == self
            && n.BalPrepared == n.BalMaxKnown
            && n.Insts.Any(inst => inst.Status == Status.Empty));
        var unseen = UnseenPending(n.Insts);
        Require(unseen.Count > 0);

        int s = Enumerable.Range(0, NumCommands).First(i => n.Insts[i].Status == Status.Empty);
        var c = unseen[0];
        node[self] = n with
        {
            Insts = n.Insts.SetItem(s, new Instance(Status.Accepting, c, new Vote(n.BalPrepared, c))),
        };
        // Broadcast Accept and reply to myself instantly.
        msgs.Add(new Accept(self, n.BalPrepared, s + 1, c));
        msgs.Add(new AcceptReply(self, n.BalPrepared, s + 1));
        Observe(new ReqEvent(c));
    }

    /// <summary>Replica replies to an unreplied Accept message with a valid ballot.</summary>
    [Action]
    void HandleAccept(
        Replica self,
        Replica src,
        [Range(1, MaxBallot)] int bal,
        [Range(1, NumCommands)] int slot,
        Command cmd)
    {
        RequireLooping(self);
        var n = node[self];
        Require(msgs.Contains(new Accept(src, bal, slot, cmd)));
        Require(bal >= n.BalMaxKnown && bal > n.Insts[slot - 1].Voted.Bal);
        node[self] = n with
        {
            Leader = src,
            BalMaxKnown = bal,
            Insts = n.Insts.SetItem(slot - 1, new Instance(Status.Accepting, cmd, new Vote(bal, cmd))),
        };
        msgs.Add(new AcceptReply(self, bal, slot));
    }

    /// <summary>
    /// Leader gathers AcceptReply messages for the next slot after commitUpTo until a majority, then
    /// commits it, applies the command and acknowledges the client.
    /// </summary>
    [Action]
    void HandleAcceptReplies(Replica self)
    {
        RequireLooping(self);
        var n = node[self];
        Require(n.Leader == self
            && n.BalPrepared == n.BalMaxKnown
            && n.CommitUpTo < NumCommands
            && n.Insts[n.CommitUpTo].Status == Status.Accepting);
        int s = n.CommitUpTo + 1;
        var inst = n.Insts[s - 1];
        var c = inst.Cmd ?? throw new InvalidOperationException("committing an empty command");
        var v = n.KValue;
        int ars = msgs.OfType<AcceptReply>().Count(m => m.Slot == s && m.Bal == n.BalPrepared);
        Require(ars >= MajorityNum);

        node[self] = n with
        {
            Insts = n.Insts.SetItem(s - 1, inst with { Status = Status.Committed }),
            CommitUpTo = s,
            KValue = IsWrite(c) ? c : n.KValue,
        };
        Observe(new AckEvent(c, v));
        pending.RemoveAll(p => p == c);
        msgs.Add(new CommitNotice(s));
    }

    /// <summary>A follower learns that the next slot after its commitUpTo is committed.</summary>
    [Action]
    void HandleCommitNotice(Replica self)
    {
        RequireLooping(self);
        var n = node[self];
        Require(n.Leader != self
            && n.CommitUpTo < NumCommands
            && n.Insts[n.CommitUpTo].Status == Status.Accepting);
        int s = n.CommitUpTo + 1;
        var inst = n.Insts[s - 1];
        Require(msgs.Contains(new CommitNotice(s)));
        var c = inst.Cmd ?? throw new InvalidOperationException("committing an empty command");
        node[self] = n with
        {
            Insts = n.Insts.SetItem(s - 1, inst with { Status = Status.Committed }),
            CommitUpTo = s,
            KValue = IsWrite(c) ? c : n.KValue,
        };
    }

    /// <summary>The replica's loop ends once every request has been observed and acknowledged.</summary>
    [Action]
    void Finish(Replica self)
    {
        Require(pc[self] == Pc.Rloop && Terminated);
        pc[self] = Pc.Done;
    }

    /// <summary>Terminating: all processes are done (the spec then stutters forever).</summary>
    [Terminal]
    bool AllDone() => pc.Values.All(p => p == Pc.Done);

    // ------------------------------------------------------------ invariants

    static bool IsBallotOrZero(int b) => b is >= 0 and <= MaxBallot;

    static bool IsBallot(int b) => b is >= 1 and <= MaxBallot;

    static bool IsSlot(int s) => s >= 1 && s <= NumCommands;

    static bool IsVote(Vote v) => IsBallotOrZero(v.Bal) && (v.Cmd is null || Commands.Contains(v.Cmd.Value));

    static bool IsMessage(Message m) => m switch
    {
        Prepare p => IsBallot(p.Bal),
        PrepareReply pr => IsBallot(pr.Bal) && pr.Votes.Count == NumCommands && pr.Votes.All(IsVote),
        Accept a => IsBallot(a.Bal) && IsSlot(a.Slot) && Commands.Contains(a.Cmd),
        AcceptReply ar => IsBallot(ar.Bal) && IsSlot(ar.Slot),
        CommitNotice cn => IsSlot(cn.Upto),
        _ => false,
    };

    static bool IsNodeState(NodeState n) =>
        (n.KValue is null || Writes.Contains(n.KValue.Value))
        && (n.CommitUpTo == 0 || IsSlot(n.CommitUpTo))
        && IsBallotOrZero(n.BalPrepared)
        && IsBallotOrZero(n.BalMaxKnown)
        && n.Insts.Count == NumCommands
        && n.Insts.All(inst => (inst.Cmd is null || Commands.Contains(inst.Cmd.Value)) && IsVote(inst.Voted));

    static bool IsClientEvent(ClientEvent e) => e switch
    {
        ReqEvent r => Commands.Contains(r.Cmd),
        AckEvent a => Commands.Contains(a.Cmd) && (a.Val is null || Writes.Contains(a.Val.Value)),
        _ => false,
    };

    [Invariant]
    bool TypeOK() =>
        msgs.All(IsMessage)
        && Replicas.All(r => IsNodeState(node[r]))
        && pending.Count <= NumCommands
        && pending.Distinct().Count() == pending.Count
        && pending.All(c => Commands.Contains(c))
        && observed.Count <= 2 * NumCommands
        && observed.Distinct().Count() == observed.Count
        && ReqsMade.Count() >= AcksRecv.Count()
        && observed.All(IsClientEvent);

    // Linearizability constraint (1-based positions in observed and in an order, as in the spec).

    int ReqPosOfCmd(Command c) => observed.FindIndex(e => e is ReqEvent r && r.Cmd == c) + 1;

    int AckPosOfCmd(Command c) => observed.FindIndex(e => e is AckEvent a && a.Cmd == c) + 1;

    Command? ResultOfCmd(Command c) => ((AckEvent)observed[AckPosOfCmd(c) - 1]).Val;

    /// <summary>The last write before position j (1-based) in the order, or nil.</summary>
    static Command? LastWriteBefore(List<Command> order, int j)
    {
        for (int k = j - 1; k >= 1; k--)
        {
            if (IsWrite(order[k - 1]))
                return order[k - 1];
        }
        return null;
    }

    bool IsLinearOrder(List<Command> order) =>
        Enumerable.Range(1, order.Count).All(j => ResultOfCmd(order[j - 1]) == LastWriteBefore(order, j));

    bool ObeysRealTime(List<Command> order) =>
        Commands.All(c1 => Commands.All(c2 =>
            AckPosOfCmd(c1) >= ReqPosOfCmd(c2) || order.IndexOf(c1) < order.IndexOf(c2)));

    static IEnumerable<List<Command>> Permutations(IReadOnlyList<Command> items) =>
        items.Count == 0
            ? [[]]
            : items.SelectMany(first =>
                Permutations(items.Where(x => x != first).ToList()).Select(rest => rest.Prepend(first).ToList()));

    /// <summary>Once terminated, some order of all commands explains every result and respects real time.</summary>
    [Invariant]
    bool Linearizability() =>
        !Terminated
        || Permutations(Commands).Any(order => IsLinearOrder(order) && ObeysRealTime(order));
}
