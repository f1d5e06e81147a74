using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.MisraReachability;

public enum Node { N1, N2, N3, N4 }

public enum Proc { P1, P2 }

public enum Label { A, B, C, Done }

/// <summary>
/// Lamport's parallel version of Misra's reachability algorithm (ParReach.tla, model
/// MCParReach.cfg): Nodes = {n1..n4}, Root = n1, Procs = {p1, p2}, and Succ the function
/// TLC's CHOOSE picks for ConnectedToSomeButNotAll (every node has successors {n1, n2}).
/// Refines (R!Spec, the refinement of Reachable.tla under vrootBar/pcBar) is checked as a
/// step invariant (the safety part) plus eventual termination (the fairness part).
/// </summary>
[StateMachine]
public partial class MCParReach
{
    const Node Root = Node.N1;

    static readonly Node[] Nodes = Enum.GetValues<Node>();
    static readonly Proc[] Procs = Enum.GetValues<Proc>();

    /// <summary>ConnectedToSomeButNotAll, as chosen by TLC: every node has two successors.</summary>
    static readonly Dictionary<Node, Node[]> Succ =
        Nodes.ToDictionary(n => n, _ => new[] { Node.N1, Node.N2 });

    readonly HashSet<Node> marked = [];
    readonly HashSet<Node> vroot = [Root];
    readonly Dictionary<Proc, Label> pc = Procs.ToDictionary(p => p, _ => Label.A);
    readonly Dictionary<Proc, Node> u = Procs.ToDictionary(p => p, _ => Root);
    readonly Dictionary<Proc, HashSet<Node>> toVroot = Procs.ToDictionary(p => p, _ => new HashSet<Node>());

    public MCParReach()
    {
        // R!Init: the initial state maps to Misra's initial state.
        Assert(marked.Count == 0 && VrootBar.SetEquals([Root]) && !AllDone, "R!Init");
    }

    // a: while (vroot /= {}) { with (v \in vroot) { u := v } ...
    [Action(FairnessGroup = "p")]
    void Pick([Process] Proc self, Node v)
    {
        Require(pc[self] == Label.A && vroot.Contains(v));
        u[self] = v;
        pc[self] = Label.B;
    }

    // a: ... the while loop exits when vroot = {}
    [Action(FairnessGroup = "p")]
    void Finish([Process] Proc self)
    {
        Require(pc[self] == Label.A && vroot.Count == 0);
        pc[self] = Label.Done;
    }

    // b: mark u and remember its successors, or drop an already marked u from vroot
    [Action(FairnessGroup = "p")]
    void Mark([Process] Proc self)
    {
        Require(pc[self] == Label.B);
        var node = u[self];
        if (!marked.Contains(node))
        {
            marked.Add(node);
            toVroot[self] = [.. Succ[node]];
            pc[self] = Label.C;
        }
        else
        {
            vroot.Remove(node);
            pc[self] = Label.A;
        }
    }

    // c: while (toVroot /= {}) { with (w \in toVroot) { move w to vroot } }
    [Action(FairnessGroup = "p")]
    void Push([Process] Proc self, Node w)
    {
        Require(pc[self] == Label.C && toVroot[self].Contains(w));
        vroot.Add(w);
        toVroot[self].Remove(w);
    }

    // c: ... the while loop exits when toVroot = {}
    [Action(FairnessGroup = "p")]
    void EndPush([Process] Proc self)
    {
        Require(pc[self] == Label.C && toVroot[self].Count == 0);
        pc[self] = Label.A;
    }

    bool AllDone => Procs.All(p => pc[p] == Label.Done);

    [Terminal]
    bool Terminated => AllDone;

    [Invariant]
    bool Inv =>
        marked.All(Nodes.Contains)
        && vroot.All(Nodes.Contains)
        && Procs.All(q =>
            (pc[q] == Label.C || toVroot[q].Count == 0)
            && (pc[q] != Label.B || vroot.Contains(u[q]) || marked.Contains(u[q])));

    // ---- Refinement mapping to Misra's algorithm (Reachable.tla) ----

    HashSet<Node> VrootBar => [.. vroot, .. Procs.SelectMany(p => toVroot[p])];

    /// <summary>[][R!Next]_R!vars: every step is a step of Misra's algorithm or leaves its state alone.</summary>
    [StepInvariant]
    bool RefinesMisraNext(MCParReach before)
    {
        var (marked0, vroot0, done0) = (before.marked, before.VrootBar, before.AllDone);
        var (marked1, vroot1, done1) = (marked, VrootBar, AllDone);

        if (marked0.SetEquals(marked1) && vroot0.SetEquals(vroot1) && done0 == done1)
            return true; // stuttering step of Misra's algorithm

        if (done0)
            return false; // Misra's Terminating step changes nothing

        if (vroot0.Count == 0)
            return done1 && marked1.SetEquals(marked0) && vroot1.SetEquals(vroot0);

        return !done1 && vroot0.Any(v => !marked0.Contains(v)
            ? marked1.SetEquals([.. marked0, v]) && vroot1.SetEquals([.. vroot0, .. Succ[v]])
            : marked1.SetEquals(marked0) && vroot1.SetEquals(vroot0.Where(x => x != v)));
    }

    /// <summary>WF_R!vars(R!Next): Misra's algorithm cannot take infinitely many steps, so this is termination.</summary>
    [Eventually]
    bool RefinesMisraFairness => AllDone;
}
