using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Barriers;

public enum Label { A0, A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12 }

/// <summary>
/// Reusable two-chamber barrier built from a lock, two counting semaphores and a
/// rendez-vous counter (PlusCal algorithm Barriers), N processes looping forever.
/// </summary>
[StateMachine]
public partial class Barriers
{
    const int N = 6;

    readonly Label[] pc = Enumerable.Repeat(Label.A0, N).ToArray();   // pc[p - 1] for process p
    int lockVar = 1;    // lock used for the critical sections
    int gate1;          // semaphore of the first chamber
    int gate2;          // semaphore of the second chamber
    int rdv;            // processes entering / leaving the barrier

    Label Pc(int p) => pc[p - 1];

    void Goto(int self, Label from, Label to)
    {
        Require(pc[self - 1] == from);
        pc[self - 1] = to;
    }

    [Action] void A0([Range(1, N)] int self) => Goto(self, Label.A0, Label.A1);

    [Action]
    void A1([Range(1, N)] int self)
    {
        Goto(self, Label.A1, Label.A2);
        Require(lockVar == 1);
        lockVar = 0;
    }

    [Action]
    void A2([Range(1, N)] int self)
    {
        Goto(self, Label.A2, Label.A3);
        rdv++;
    }

    [Action] void A3([Range(1, N)] int self) => Goto(self, Label.A3, rdv == N ? Label.A4 : Label.A5);

    [Action]
    void A4([Range(1, N)] int self)
    {
        Goto(self, Label.A4, Label.A5);
        gate1 += N;
    }

    [Action]
    void A5([Range(1, N)] int self)
    {
        Goto(self, Label.A5, Label.A6);
        lockVar = 1;
    }

    [Action]
    void A6([Range(1, N)] int self)
    {
        Goto(self, Label.A6, Label.A7);
        Require(gate1 > 0);
        gate1--;
    }

    [Action]
    void A7([Range(1, N)] int self)
    {
        Goto(self, Label.A7, Label.A8);
        Require(lockVar == 1);
        lockVar = 0;
    }

    [Action]
    void A8([Range(1, N)] int self)
    {
        Goto(self, Label.A8, Label.A9);
        rdv--;
    }

    [Action] void A9([Range(1, N)] int self) => Goto(self, Label.A9, rdv == 0 ? Label.A10 : Label.A11);

    [Action]
    void A10([Range(1, N)] int self)
    {
        Goto(self, Label.A10, Label.A11);
        gate2 += N;
    }

    [Action]
    void A11([Range(1, N)] int self)
    {
        Goto(self, Label.A11, Label.A12);
        lockVar = 1;
    }

    [Action]
    void A12([Range(1, N)] int self)
    {
        Goto(self, Label.A12, Label.A0);
        Require(gate2 > 0);
        gate2--;
    }

    // ---------------------------------------------------------------- properties

    static IEnumerable<int> Procs => Enumerable.Range(1, N);

    bool AnyAt(params Label[] labels) => pc.Any(labels.Contains);
    int CountAt(params Label[] labels) => pc.Count(labels.Contains);

    static readonly Label[] LockCs = [Label.A2, Label.A3, Label.A4, Label.A5, Label.A8, Label.A9, Label.A10, Label.A11];
    static readonly Label[] RdvSection = [Label.A3, Label.A4, Label.A5, Label.A6, Label.A7, Label.A8];
    static readonly Label[] Barrier1 = [Label.A0, Label.A1, Label.A2, Label.A3, Label.A4, Label.A5, Label.A6];
    static readonly Label[] Barrier2 = [Label.A7, Label.A8, Label.A9, Label.A10, Label.A11, Label.A12];
    static readonly Label[] Entering1 = [Label.A0, Label.A1, Label.A2, Label.A3, Label.A4];
    static readonly Label[] Entering2 = [Label.A7, Label.A8, Label.A9, Label.A10];

    [Invariant]
    bool TypeOK => lockVar is 0 or 1 && gate1 >= 0 && gate2 >= 0 && pc.All(Enum.IsDefined);

    [Invariant]
    bool LockInv => CountAt(LockCs) <= 1 && (!AnyAt(LockCs) || lockVar == 0);

    [Invariant]
    bool Inv =>
        gate1 is >= 0 and <= N
        && gate2 is >= 0 and <= N
        && rdv == CountAt(RdvSection)
        && (gate1 == 0 || AnyAt(Label.A5, Label.A6))
        && (gate2 == 0 || AnyAt(Label.A11, Label.A12))
        && (gate1 == 0 || gate2 == 0)
        && !(AnyAt(Entering1) && AnyAt(Entering2))
        && gate1 <= CountAt(Barrier1)
        && (!AnyAt(Entering1) || gate1 == 0)
        && Procs.All(p => Pc(p) != Label.A4
                          || (rdv == N && Procs.All(q => q == p || Pc(q) == Label.A6)))
        && gate2 <= CountAt(Barrier2)
        && (!AnyAt(Entering2) || gate2 == 0)
        && Procs.All(p => Pc(p) != Label.A10
                          || (rdv == 0 && Procs.All(q => q == p || Pc(q) == Label.A12)));

    [Invariant]
    bool FlushInv =>
        (gate1 == 0 || gate1 == CountAt(Barrier1))
        && (gate2 == 0 || gate2 == CountAt(Barrier2));

    // ------------------------------------------------- refinement of Barrier (BSpec)

    /// <summary>Control states of the abstract Barrier spec.</summary>
    public enum Abstract { B0, B1 }

    /// <summary>pc_translation: the abstract Barrier's control state of process p.</summary>
    Abstract Translate(int p) => Pc(p) switch
    {
        Label.A1 or Label.A2 or Label.A3 or Label.A4 or Label.A5
            or Label.A6 or Label.A7 or Label.A8 or Label.A9 or Label.A10 => Abstract.B1,
        Label.A0 => Abstract.B0,
        _ => gate2 > 0 ? Abstract.B0 : Abstract.B1,
    };

    Abstract[] AbstractPc => Procs.Select(Translate).ToArray();

    /// <summary>
    /// BSpec == B!Spec: every step is a stuttering step of the abstract barrier, a B!b0(p)
    /// step (one process enters) or a B!b1 step (all leave). B!Init holds initially since
    /// every process starts at a0.
    /// </summary>
    [StepInvariant]
    bool BSpec(Barriers before)
    {
        var from = before.AbstractPc;
        var to = AbstractPc;
        if (from.SequenceEqual(to))
            return true;
        bool enters = Enumerable.Range(0, N).Any(p =>
            from[p] == Abstract.B0 && to[p] == Abstract.B1
            && Enumerable.Range(0, N).All(q => q == p || from[q] == to[q]));
        bool leaves = from.All(s => s == Abstract.B1) && to.All(s => s == Abstract.B0);
        return enters || leaves;
    }
}
