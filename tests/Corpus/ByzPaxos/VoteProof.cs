using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.ByzPaxos;

/// <summary>
/// Lamport's high-level voting algorithm underlying (Byzantine) Paxos: acceptors vote in
/// numbered ballots, at most one value per ballot, and only for values safe at that ballot.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class VoteProof
{
    public enum Value { V1, V2 }
    public enum Acceptor { A1, A2, A3 }

    public readonly record struct Vote(int Ballot, Value Value);

    const int MaxBallot = 2;   // Ballot == 0..2 in the model

    static readonly Value[] Values = Enum.GetValues<Value>();
    static readonly Acceptor[] Acceptors = Enum.GetValues<Acceptor>();
    static readonly int[] Ballots = [.. Enumerable.Range(0, MaxBallot + 1)];
    static readonly Acceptor[][] Quorums =
    [
        [Acceptor.A1, Acceptor.A2],
        [Acceptor.A1, Acceptor.A3],
        [Acceptor.A2, Acceptor.A3],
        [Acceptor.A1, Acceptor.A2, Acceptor.A3],
    ];

    readonly Dictionary<Acceptor, HashSet<Vote>> votes = Acceptors.ToDictionary(a => a, _ => new HashSet<Vote>());
    readonly Dictionary<Acceptor, int> maxBal = Acceptors.ToDictionary(a => a, _ => -1);

    bool VotedFor(Acceptor a, int b, Value v) => votes[a].Contains(new Vote(b, v));

    bool DidNotVoteIn(Acceptor a, int b) => Values.All(v => !VotedFor(a, b, v));

    /// <summary>No value other than v has been or can ever be chosen in a ballot below b.</summary>
    bool SafeAt(int b, Value v) =>
        b == 0
        || Quorums.Any(q =>
            q.All(a => maxBal[a] >= b)
            && Enumerable.Range(-1, b + 1).Any(c =>                     // c \in -1..(b-1)
                (c == -1 || (SafeAt(c, v) && q.All(a => Values.All(w => !VotedFor(a, c, w) || w == v))))
                && Enumerable.Range(c + 1, b - 1 - c).All(d => q.All(a => DidNotVoteIn(a, d)))));

    [Action]
    void IncreaseMaxBal(Acceptor self, [Range(0, MaxBallot)] int b)
    {
        Require(b > maxBal[self]);
        maxBal[self] = b;
    }

    [Action]
    void VoteFor(Acceptor self, [Range(0, MaxBallot)] int b, Value v)
    {
        Require(maxBal[self] <= b
                && DidNotVoteIn(self, b)
                && Acceptors.Where(p => p != self).All(p => Values.All(w => !VotedFor(p, b, w) || w == v))
                && SafeAt(b, v));
        votes[self].Add(new Vote(b, v));
        maxBal[self] = b;
    }

    // ---------------------------------------------------------------- invariants

    [Invariant]
    bool TypeOK =>
        Acceptors.All(a => votes[a].All(vote => vote.Ballot is >= 0 and <= MaxBallot)
                           && maxBal[a] is >= -1 and <= MaxBallot);

    [Invariant]
    bool VInv1 => Acceptors.All(a => Ballots.All(b =>
        Values.All(v => Values.All(w => !(VotedFor(a, b, v) && VotedFor(a, b, w)) || v == w))));

    [Invariant]
    bool VInv2 => Acceptors.All(a => votes[a].All(vote => SafeAt(vote.Ballot, vote.Value)));

    [Invariant]
    bool VInv3 => Acceptors.All(a1 => Acceptors.All(a2 => Ballots.All(b =>
        Values.All(v1 => Values.All(v2 => !(VotedFor(a1, b, v1) && VotedFor(a2, b, v2)) || v1 == v2)))));

    [Invariant]
    bool VInv4 => Acceptors.All(a => Ballots.All(b => maxBal[a] >= b || DidNotVoteIn(a, b)));

    // ------------------------------------------------- refinement of Consensus

    bool ChosenIn(int b, Value v) => Quorums.Any(q => q.All(a => VotedFor(a, b, v)));

    HashSet<Value> Chosen => Values.Where(v => Ballots.Any(b => ChosenIn(b, v))).ToHashSet();

    /// <summary>
    /// Refines == C!Spec with chosen mapped to <see cref="Chosen"/>: every step leaves
    /// chosen unchanged or changes it from {} to a single value. (C!Init, chosen = {},
    /// holds in the initial state, where nobody has voted.)
    /// </summary>
    [StepInvariant]
    bool Refines(VoteProof before)
    {
        var from = before.Chosen;
        var to = Chosen;
        return from.SetEquals(to) || (from.Count == 0 && to.Count == 1);
    }
}
