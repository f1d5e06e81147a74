using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.BcastByz;

/// <summary>
/// V0: no INIT received, V1: INIT received, SE: sent ECHO, AC: accepted.
/// </summary>
public enum Loc { V0, V1, SE, AC }

/// <summary>The four guarded rules of Srikanth and Toueg's Fig. 7 that a process step may take.</summary>
public enum Rule { UponV1, UponNonFaulty, UponAcceptNotSentBefore, UponAcceptSentBefore }

/// <summary>
/// One round of Srikanth-Toueg reliable broadcast with Byzantine processes (bcastByz).
/// The only message is ECHO, so a message is identified by its sender: <c>sent</c> holds
/// the correct processes that have sent ECHO and <c>rcvd[p]</c> the senders whose ECHO p
/// received. Byzantine processes can make any process receive their ECHO at any time.
/// </summary>
[StateMachine(CheckStuck = false)]   // Next has an explicit stuttering disjunct
public partial class BcastByz
{
    const int N = 4;
    const int T = 1;
    const int F = 1;
    const int AllProcs = (1 << N) - 1;   // bit p-1 stands for process p

    static IEnumerable<int> Proc => Enumerable.Range(1, N);
    static HashSet<int> Members(int bits) => Proc.Where(p => (bits & (1 << (p - 1))) != 0).ToHashSet();

    readonly HashSet<int> corr;
    readonly HashSet<int> faulty;
    readonly Loc[] pc = new Loc[N];                                                 // pc[p - 1]
    readonly HashSet<int>[] rcvd = Enumerable.Range(0, N).Select(_ => new HashSet<int>()).ToArray();
    readonly HashSet<int> sent = [];

    /// <param name="initiated">processes that received INIT (start in V1); the others start in V0</param>
    /// <param name="correct">the correct processes: any N - F of them</param>
    public BcastByz([Range(0, AllProcs)] int initiated, [Range(0, AllProcs)] int correct)
    {
        Require(BitOperations.PopCount((uint)correct) == N - F);
        foreach (var p in Proc)
            pc[p - 1] = Members(initiated).Contains(p) ? Loc.V1 : Loc.V0;
        corr = Members(correct);
        faulty = Proc.Except(corr).ToHashSet();
    }

    Loc Pc(int p) => pc[p - 1];

    /// <summary>
    /// ReceiveFromCorrectSender(self) /\ Upon...(self): the weakly fair part of a step,
    /// delivering only ECHOs that correct processes sent.
    /// </summary>
    [Action]
    void Step([Range(1, N)] int self, [Range(0, AllProcs)] int delivered, Rule rule)
    {
        var messages = Members(delivered);
        Require(messages.IsSubsetOf(sent));
        ReceiveAndApply(self, messages, rule);
    }

    /// <summary>
    /// The rest of ReceiveFromAnySender(self) /\ Upon...(self): the delivered ECHOs include
    /// one from a Byzantine process that self had not received yet. No fairness.
    /// </summary>
    [Action(Fairness = Fairness.None)]
    void StepWithByzantineEcho([Range(1, N)] int self, [Range(0, AllProcs)] int delivered, Rule rule)
    {
        var messages = Members(delivered);
        Require(messages.IsSubsetOf(sent.Union(faulty)));
        Require(messages.Any(p => faulty.Contains(p) && !rcvd[self - 1].Contains(p)));
        ReceiveAndApply(self, messages, rule);
    }

    void ReceiveAndApply(int self, HashSet<int> messages, Rule rule)
    {
        Require(corr.Contains(self));
        var received = rcvd[self - 1];
        received.UnionWith(messages);
        int count = received.Count;
        var loc = Pc(self);

        switch (rule)
        {
            case Rule.UponV1:
                Require(loc == Loc.V1);
                pc[self - 1] = Loc.SE;
                sent.Add(self);
                break;
            case Rule.UponNonFaulty:
                Require(loc is Loc.V0 or Loc.V1 && count >= N - 2 * T && count < N - T);
                pc[self - 1] = Loc.SE;
                sent.Add(self);
                break;
            case Rule.UponAcceptNotSentBefore:
                Require(loc is Loc.V0 or Loc.V1 && count >= N - T);
                pc[self - 1] = Loc.AC;
                sent.Add(self);
                break;
            case Rule.UponAcceptSentBefore:
                Require(loc == Loc.SE && count >= N - T);
                pc[self - 1] = Loc.AC;
                break;
        }
    }

    // ---------------------------------------------------------------- invariants

    [Invariant]
    bool TypeOK =>
        corr.IsSubsetOf(Proc)
        && faulty.IsSubsetOf(Proc)
        && sent.IsSubsetOf(Proc)
        && Proc.All(p => rcvd[p - 1].IsSubsetOf(sent.Union(faulty)));

    [Invariant]
    bool FCConstraints =>
        Proc.ToHashSet().SetEquals(corr.Union(faulty))
        && faulty.SetEquals(Proc.Except(corr))
        && corr.Count >= N - T
        && faulty.Count <= T;

    // ---------------------------------------------------------------- temporal properties

    bool AllCorrectAt(Loc loc) => corr.All(p => Pc(p) == loc);

    bool AllCorrectAccepted => AllCorrectAt(Loc.AC);

    /// <summary>
    /// CorrLtl: if every correct process received INIT, eventually every correct process accepts.
    /// Every step moves a correct process out of V1 for good, so this only holds initially.
    /// </summary>
    [LeadsTo(nameof(AllCorrectAccepted))]
    bool AllCorrectInitiated => AllCorrectAt(Loc.V1);

    /// <summary>RelayLtl: if a correct process accepts, eventually every correct process accepts.</summary>
    [LeadsTo(nameof(AllCorrectAccepted))]
    bool SomeCorrectAccepted => corr.Any(p => Pc(p) == Loc.AC);

    /// <summary>
    /// UnforgLtl: if no correct process received INIT, no correct process ever accepts.
    /// A state where every correct process is still in V0 is an initial one, so this checks
    /// that no step out of such a state makes a correct process accept.
    /// </summary>
    [StepInvariant]
    bool UnforgLtl(BcastByz before) => !before.AllCorrectAt(Loc.V0) || corr.All(p => Pc(p) != Loc.AC);
}
