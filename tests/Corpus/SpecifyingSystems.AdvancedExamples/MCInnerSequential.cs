using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpecifyingSystems.AdvancedExamples;

public enum Proc { P1, P2 }

public enum Reg { R1 }

public enum Adr { A1 }

public enum Val { V1, V2 }

public enum Op { Rd, Wr, Free }

/// <summary>A register value: a request (op Rd or Wr) or a free register (op Free).</summary>
public sealed record RegValue(Adr Adr, Val Val, Op Op);

/// <summary>An entry of a processor's operation queue; <c>Reg == null</c> is the model value Done.</summary>
public sealed record QueueEntry(RegValue Req, Reg? Reg)
{
    public bool IsDone => Reg is null;
}

/// <summary>
/// The sequentially consistent memory of Specifying Systems (InnerSequential.tla) with the model
/// MCInnerSequential.cfg: Reg = {r1}, Adr = {a1}, Val = {v1, v2}, Proc = {p1, p2}, MaxQLen = 2.
/// </summary>
[StateMachine]
public partial class MCInnerSequential
{
    const int MaxQLen = 2;

    static readonly Proc[] Procs = Enum.GetValues<Proc>();
    static readonly Reg[] Regs = Enum.GetValues<Reg>();
    static readonly Adr[] Adrs = Enum.GetValues<Adr>();

    readonly Dictionary<(Proc Proc, Reg Reg), RegValue> regFile = [];
    readonly Dictionary<Proc, List<QueueEntry>> opQ = Procs.ToDictionary(p => p, _ => new List<QueueEntry>());
    readonly Dictionary<Adr, Val> mem = [];

    /// <summary>
    /// Init: every register is free (with any adr and val), every queue is empty, and memory holds any values.
    /// </summary>
    public MCInnerSequential(Val p1r1, Val p2r1, Val memA1)
    {
        regFile[(Proc.P1, Reg.R1)] = new RegValue(Adr.A1, p1r1, Op.Free);
        regFile[(Proc.P2, Reg.R1)] = new RegValue(Adr.A1, p2r1, Op.Free);
        mem[Adr.A1] = memA1;
    }

    [Action(Fairness = Fairness.None)]
    void IssueRequest(Proc proc, Reg reg, [Values(Op.Rd, Op.Wr)] Op op, Adr adr, Val val)
    {
        Require(regFile[(proc, reg)].Op == Op.Free);
        var req = new RegValue(adr, val, op);
        regFile[(proc, reg)] = req;
        opQ[proc].Add(new QueueEntry(req, reg));
    }

    [Action(FairnessGroup = "Respond")]
    void RespondToRd([Process] Proc proc, Reg reg, Val val)
    {
        Require(regFile[(proc, reg)].Op == Op.Rd);
        regFile[(proc, reg)] = regFile[(proc, reg)] with { Val = val, Op = Op.Free };
        var queue = opQ[proc];
        int idx = queue.FindIndex(e => e.Reg == reg);
        queue[idx] = queue[idx] with { Req = queue[idx].Req with { Val = val }, Reg = null };
    }

    [Action(FairnessGroup = "Respond")]
    void RespondToWr([Process] Proc proc, Reg reg)
    {
        Require(regFile[(proc, reg)].Op == Op.Wr);
        regFile[(proc, reg)] = regFile[(proc, reg)] with { Op = Op.Free };
        var queue = opQ[proc];
        int idx = queue.FindIndex(e => e.Reg == reg);
        queue[idx] = queue[idx] with { Reg = null };
    }

    /// <summary>Internal(proc) == RemoveOp(proc) /\ (a read at the head returns the memory's value).</summary>
    [Action]
    void Internal([Process] Proc proc)
    {
        var queue = opQ[proc];
        Require(queue.Count > 0 && queue[0].IsDone);
        var head = queue[0].Req;
        Require(head.Op != Op.Rd || mem[head.Adr] == head.Val);
        if (head.Op != Op.Rd)
            mem[head.Adr] = head.Val;
        queue.RemoveAt(0);
    }

    [Constraint]
    bool Constraint() => Procs.All(p => opQ[p].Count <= MaxQLen);

    [Invariant]
    bool DataInvariant() =>
        Procs.All(p => Regs.All(r => regFile.ContainsKey((p, r))))
        && regFile.Count == Procs.Length * Regs.Length
        && opQ.Values.All(q => q.All(e => e.Req.Op is Op.Rd or Op.Wr))
        && Adrs.All(mem.ContainsKey) && mem.Count == Adrs.Length
        && Procs.All(p => Regs.All(r =>
            opQ[p].Count(e => e.Reg == r) == (regFile[(p, r)].Op == Op.Free ? 0 : 1)));

    bool Busy(Proc p, Reg r) => regFile[(p, r)].Op != Op.Free;

    bool Free(Proc p, Reg r) => regFile[(p, r)].Op == Op.Free;

    /// <summary>AlwaysResponds: every request eventually gets a response.</summary>
    [LeadsTo(nameof(Free))]
    bool AlwaysResponds(Proc p, Reg r) => Busy(p, r);
}
