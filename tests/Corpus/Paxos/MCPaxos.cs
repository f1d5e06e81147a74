using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Paxos;

/// <summary>
/// Lamport's Paxos consensus algorithm without explicit leaders or learners (Paxos.tla), model MCPaxos:
/// one acceptor, one value, ballots 0..1. The set of sent messages only grows; receiving a message is an
/// action enabled while the message is in <see cref="msgs"/>. Checked against the refinement of Voting.
/// </summary>
[StateMachine]
public partial class MCPaxos
{
    public enum Acceptor { A1 }

    public enum Value { V1 }

    public abstract record Message;
    public sealed record Phase1a(int Bal) : Message;
    public sealed record Phase1b(Acceptor Acc, int Bal, int MBal, Value? MVal) : Message;
    public sealed record Phase2a(int Bal, Value Val) : Message;
    public sealed record Phase2b(Acceptor Acc, int Bal, Value Val) : Message;

    const int MaxBallot = 1; // MCBallot == 0..MCMaxBallot

    static readonly Acceptor[] Acceptors = Enum.GetValues<Acceptor>();
    static readonly Value[] Values = Enum.GetValues<Value>();
    static readonly Acceptor[][] Quorums = [[Acceptor.A1]];
    static readonly int[] Ballots = Enumerable.Range(0, MaxBallot + 1).ToArray();

    // <<maxVBal[a], maxVal[a]>> is the vote with the largest ballot cast by a, or <<-1, None>> (null).
    readonly Dictionary<Acceptor, int> maxBal = Acceptors.ToDictionary(a => a, _ => -1);
    readonly Dictionary<Acceptor, int> maxVBal = Acceptors.ToDictionary(a => a, _ => -1);
    readonly Dictionary<Acceptor, Value?> maxVal = Acceptors.ToDictionary(a => a, _ => (Value?)null);
    readonly HashSet<Message> msgs = [];

    // ---------------------------------------------------------------- actions

    /// <summary>The ballot b leader starts ballot b (sending it again is a stuttering step).</summary>
    [Action]
    void SendPhase1a([Range(0, MaxBallot)] int b) => msgs.Add(new Phase1a(b));

    /// <summary>Acceptor a answers a 1a message of a higher ballot with its latest vote.</summary>
    [Action]
    void SendPhase1b(Acceptor a, [Range(0, MaxBallot)] int b)
    {
        Require(msgs.Contains(new Phase1a(b)) && b > maxBal[a]);
        maxBal[a] = b;
        msgs.Add(new Phase1b(a, b, maxVBal[a], maxVal[a]));
    }

    /// <summary>The ballot b leader asks the acceptors to vote for a value that is safe at b.</summary>
    [Action]
    void SendPhase2a([Range(0, MaxBallot)] int b, Value v)
    {
        Require(!msgs.OfType<Phase2a>().Any(m => m.Bal == b));
        Require(Quorums.Any(q =>
        {
            var q1b = msgs.OfType<Phase1b>().Where(m => q.Contains(m.Acc) && m.Bal == b).ToList();
            var q1bv = q1b.Where(m => m.MBal >= 0).ToList();
            return q.All(a => q1b.Any(m => m.Acc == a))
                && (q1bv.Count == 0 || q1bv.Any(m => m.MVal == v && q1bv.All(mm => m.MBal >= mm.MBal)));
        }));
        msgs.Add(new Phase2a(b, v));
    }

    /// <summary>Acceptor a votes as a 2a message asks, unless it promised a higher ballot.</summary>
    [Action]
    void SendPhase2b(Acceptor a, [Range(0, MaxBallot)] int b, Value v)
    {
        Require(msgs.Contains(new Phase2a(b, v)) && b >= maxBal[a]);
        maxBal[a] = b;
        maxVBal[a] = b;
        maxVal[a] = v;
        msgs.Add(new Phase2b(a, b, v));
    }

    // ------------------------------------------- refinement mapping to Voting

    /// <summary>votes[a]: the <<bal, val>> pairs of the 2b messages acceptor a sent.</summary>
    HashSet<(int Bal, Value Val)> Votes(Acceptor a) =>
        msgs.OfType<Phase2b>().Where(m => m.Acc == a).Select(m => (m.Bal, m.Val)).ToHashSet();

    bool VotedFor(Acceptor a, int b, Value v) => msgs.Contains(new Phase2b(a, b, v));

    bool DidNotVoteAt(Acceptor a, int b) => Values.All(v => !VotedFor(a, b, v));

    bool CannotVoteAt(Acceptor a, int b) => maxBal[a] > b && DidNotVoteAt(a, b);

    bool NoneOtherChoosableAt(int b, Value v) =>
        Quorums.Any(q => q.All(a => VotedFor(a, b, v) || CannotVoteAt(a, b)));

    bool SafeAt(int b, Value v) => Enumerable.Range(0, b).All(c => NoneOtherChoosableAt(c, v));

    bool ShowsSafeAt(Acceptor[] q, int b, Value v) =>
        q.All(a => maxBal[a] >= b)
        && Enumerable.Range(-1, b + 1).Any(c =>
            (c == -1 || q.Any(a => VotedFor(a, c, v)))
            && Enumerable.Range(c + 1, b - c - 1).All(d => q.All(a => DidNotVoteAt(a, d))));

    static bool IsBallot(int b) => b is >= 0 and <= MaxBallot;

    // ------------------------------------------------------------- invariants

    /// <summary>Inv!1: TypeOK.</summary>
    [Invariant]
    bool Inv1() =>
        Acceptors.All(a =>
            (maxBal[a] == -1 || IsBallot(maxBal[a]))
            && (maxVBal[a] == -1 || IsBallot(maxVBal[a]))
            && (maxVal[a] is null || Values.Contains(maxVal[a]!.Value)))
        && msgs.All(m => m switch
        {
            Phase1a x => IsBallot(x.Bal),
            Phase1b x => IsBallot(x.Bal) && (x.MBal == -1 || IsBallot(x.MBal)),
            Phase2a x => IsBallot(x.Bal),
            Phase2b x => IsBallot(x.Bal),
            _ => false,
        });

    /// <summary>Inv!2: an acceptor's latest vote is one of its votes.</summary>
    [Invariant]
    bool Inv2() =>
        Acceptors.All(a => maxVBal[a] == -1
            ? maxVal[a] is null
            : maxVal[a] is Value v && VotedFor(a, maxVBal[a], v));

    /// <summary>Inv!3: what 1b and 2a messages imply.</summary>
    [Invariant]
    bool Inv3() =>
        msgs.All(m => m switch
        {
            Phase1b x => maxBal[x.Acc] >= x.Bal
                && (x.MBal < 0 || (x.MVal is Value mv && VotedFor(x.Acc, x.MBal, mv))),
            Phase2a x => Quorums.Any(q => ShowsSafeAt(q, x.Bal, x.Val))
                && msgs.OfType<Phase2a>().All(mm => mm.Bal != x.Bal || mm.Val == x.Val),
            _ => true,
        });

    /// <summary>Inv!4: V!Inv, the Voting invariant under the refinement mapping.</summary>
    [Invariant]
    bool Inv4() =>
        // V!TypeOK
        Acceptors.All(a => Votes(a).All(vt => IsBallot(vt.Bal)) && (maxBal[a] == -1 || IsBallot(maxBal[a])))
        // VotesSafe
        && Acceptors.All(a => Ballots.All(b => Values.All(v => !VotedFor(a, b, v) || SafeAt(b, v))))
        // OneValuePerBallot
        && Ballots.All(b =>
            Acceptors.SelectMany(a => Values.Where(v => VotedFor(a, b, v))).Distinct().Count() <= 1);

    // ------------------------------------------------ property VotingSpecBar

    /// <summary>
    /// [][V!Next]_&lt;&lt;votes, maxBal&gt;&gt;: every step is a Voting step (IncreaseMaxBal or VoteFor) under the
    /// refinement mapping, or leaves votes and maxBal unchanged.
    /// </summary>
    [StepInvariant]
    bool VotingSpecBar(MCPaxos before)
    {
        bool votesUnchanged = Acceptors.All(a => Votes(a).SetEquals(before.Votes(a)));
        bool maxBalUnchanged = Acceptors.All(a => maxBal[a] == before.maxBal[a]);
        if (votesUnchanged && maxBalUnchanged)
            return true;

        bool MaxBalIsBeforeWith(Acceptor a, int b) =>
            Acceptors.All(x => maxBal[x] == (x == a ? b : before.maxBal[x]));

        bool IncreaseMaxBal(Acceptor a, int b) =>
            b > before.maxBal[a] && MaxBalIsBeforeWith(a, b) && votesUnchanged;

        bool VoteFor(Acceptor a, int b, Value v) =>
            before.maxBal[a] <= b
            && before.Votes(a).All(vt => vt.Bal != b)
            && Acceptors.Where(c => c != a).All(c => before.Votes(c).All(vt => vt.Bal != b || vt.Val == v))
            && Quorums.Any(q => before.ShowsSafeAt(q, b, v))
            && Acceptors.All(x => Votes(x).SetEquals(
                x == a ? before.Votes(x).Append((b, v)) : before.Votes(x)))
            && MaxBalIsBeforeWith(a, b);

        return Acceptors.Any(a => Ballots.Any(b =>
            IncreaseMaxBal(a, b) || Values.Any(v => VoteFor(a, b, v))));
    }
}
