using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Barriers;

public enum BarrierPc { B0, B1 }

/// <summary>
/// Abstract barrier: each process enters (b0 -> b1); once all processes are in b1,
/// they all leave together (back to b0).
/// </summary>
[StateMachine]
public partial class Barrier
{
    const int N = 6;

    // processes are 1..N; pc[p - 1] is the control state of process p
    readonly BarrierPc[] pc = Enumerable.Repeat(BarrierPc.B0, N).ToArray();

    [Action]
    void B0([Range(1, N)] int self)
    {
        Require(pc[self - 1] == BarrierPc.B0);
        pc[self - 1] = BarrierPc.B1;
    }

    [Action]
    void B1()
    {
        Require(pc.All(p => p == BarrierPc.B1));
        Array.Fill(pc, BarrierPc.B0);
    }

    [Invariant]
    bool TypeOK => pc.All(Enum.IsDefined);

    /// <summary>A process cannot leave the barrier while others still have to enter it.</summary>
    [StepInvariant]
    bool BarrierProperty(Barrier before) =>
        !before.pc.Contains(BarrierPc.B0)
        || Enumerable.Range(0, N).All(q => before.pc[q] != BarrierPc.B1 || pc[q] == BarrierPc.B1);
}
