using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Paxos;

/// <summary>
/// Lamport's abstract Voting algorithm (Voting.tla), model MCVoting: three acceptors, majority quorums,
/// two values, ballots 0..1. Checked against the refinement of Consensus (at most one value is chosen).
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class MCVoting
{
    public enum Acceptor { A1, A2, A3 }

    public enum Value { V1, V2 }

    const int MaxBallot = 1; // MCBallot == 0..1

    static readonly Acceptor[] Acceptors = Enum.GetValues<Acceptor>();
    static readonly Value[] Values = Enum.GetValues<Value>();
    static readonly Acceptor[][] Quorums =
    [
        [Acceptor.A1, Acceptor.A2],
        [Acceptor.A1, Acceptor.A3],
        [Acceptor.A2, Acceptor.A3],
    ];
    static readonly int[] Ballots = Enumerable.Range(0, MaxBallot + 1).ToArray();

    /// <summary>votes[a]: the votes &lt;&lt;b, v&gt;&gt; cast by acceptor a.</summary>
    readonly Dictionary<Acceptor, HashSet<(int Bal, Value Val)>> votes =
        Acceptors.ToDictionary(a => a, _ => new HashSet<(int Bal, Value Val)>());

    /// <summary>maxBal[a]: a casts further votes only in ballots numbered >= maxBal[a].</summary>
    readonly Dictionary<Acceptor, int> maxBal = Acceptors.ToDictionary(a => a, _ => -1);

    // ---------------------------------------------------------------- actions

    [Action]
    void IncreaseMaxBal(Acceptor a, [Range(0, MaxBallot)] int b)
    {
        Require(b > maxBal[a]);
        maxBal[a] = b;
    }

    [Action]
    void VoteFor(Acceptor a, [Range(0, MaxBallot)] int b, Value v)
    {
        Require(maxBal[a] <= b);
        Require(votes[a].All(vt => vt.Bal != b));
        Require(Acceptors.Where(c => c != a).All(c => votes[c].All(vt => vt.Bal != b || vt.Val == v)));
        Require(Quorums.Any(q => ShowsSafeAt(q, b, v)));
        votes[a].Add((b, v));
        maxBal[a] = b;
    }

    // ------------------------------------------------------------ definitions

    bool VotedFor(Acceptor a, int b, Value v) => votes[a].Contains((b, v));

    bool ChosenAt(int b, Value v) => Quorums.Any(q => q.All(a => VotedFor(a, b, v)));

    HashSet<Value> Chosen() => Values.Where(v => Ballots.Any(b => ChosenAt(b, v))).ToHashSet();

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

    bool TypeOK() =>
        Acceptors.All(a =>
            votes[a].All(vt => IsBallot(vt.Bal) && Values.Contains(vt.Val))
            && (maxBal[a] == -1 || IsBallot(maxBal[a])));

    bool VotesSafe() =>
        Acceptors.All(a => Ballots.All(b => Values.All(v => !VotedFor(a, b, v) || SafeAt(b, v))));

    bool OneValuePerBallot() =>
        Ballots.All(b => Acceptors.SelectMany(a => Values.Where(v => VotedFor(a, b, v))).Distinct().Count() <= 1);

    [Invariant]
    bool Inv() => TypeOK() && VotesSafe() && OneValuePerBallot();

    // --------------------------------------------- property ConsensusSpecBar

    /// <summary>
    /// [][C!Next]_chosen: chosen never changes except from {} to a single value.
    /// </summary>
    [StepInvariant]
    bool ConsensusSpecBar(MCVoting before)
    {
        var chosenBefore = before.Chosen();
        var chosenAfter = Chosen();
        return chosenAfter.SetEquals(chosenBefore)
            || (chosenBefore.Count == 0 && chosenAfter.Count == 1);
    }
}
