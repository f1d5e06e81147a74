using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpecifyingSystems.Liveness;

public enum Proc { P1, P2 }

public enum Adr { A1, A2, A3 }

public enum Val { V1, V2 }

public enum Ctl { Rdy, Busy, Done }

/// <summary>What can travel on the memory interface or sit in a buffer: a request, a value, or NoVal.</summary>
public abstract record Datum;

public sealed record ReadRequest(Adr Adr) : Datum;

public sealed record WriteRequest(Adr Adr, Val Val) : Datum;

public sealed record Value(Val Val) : Datum;

public sealed record NoVal : Datum
{
    public static readonly NoVal Instance = new();
}

/// <summary>The interface variable memInt: the last &lt;&lt;processor, datum&gt;&gt; sent or replied.</summary>
public sealed record MemInt(Proc Proc, Datum Datum);

/// <summary>
/// The internal memory with liveness of Specifying Systems (LiveInternalMemory.tla) with the model
/// MCLiveInternalMemory.cfg: Proc = {p1, p2}, Adr = {a1, a2, a3}, Val = {v1, v2},
/// Send and Reply set memInt to &lt;&lt;p, d&gt;&gt;, and memInt starts as &lt;&lt;p1, NoVal&gt;&gt;.
/// </summary>
[StateMachine]
public partial class MCLiveInternalMemory
{
    static readonly Proc[] Procs = Enum.GetValues<Proc>();

    // MCInitMemInt == {<<CHOOSE p \in Proc : TRUE, NoVal>>}
    MemInt memInt = new(Procs[0], NoVal.Instance);
    readonly Dictionary<Adr, Val> mem = [];
    readonly Dictionary<Proc, Ctl> ctl = Procs.ToDictionary(p => p, _ => Ctl.Rdy);
    readonly Dictionary<Proc, Datum> buf = Procs.ToDictionary(p => p, _ => (Datum)NoVal.Instance);

    /// <summary>IInit: mem \in [Adr -> Val].</summary>
    public MCLiveInternalMemory(Val a1, Val a2, Val a3)
    {
        mem[Adr.A1] = a1;
        mem[Adr.A2] = a2;
        mem[Adr.A3] = a3;
    }

    /// <summary>Req(p) with a read request.</summary>
    [Action(Fairness = Fairness.None)]
    void RequestRead(Proc p, Adr adr) => Request(p, new ReadRequest(adr));

    /// <summary>Req(p) with a write request.</summary>
    [Action(Fairness = Fairness.None)]
    void RequestWrite(Proc p, Adr adr, Val val) => Request(p, new WriteRequest(adr, val));

    void Request(Proc p, Datum req)
    {
        Require(ctl[p] == Ctl.Rdy);
        memInt = new MemInt(p, req);   // Send(p, req, memInt, memInt')
        buf[p] = req;
        ctl[p] = Ctl.Busy;
    }

    [Action(FairnessGroup = "DoOrRsp")]
    void Do([Process] Proc p)
    {
        Require(ctl[p] == Ctl.Busy);
        switch (buf[p])
        {
            case WriteRequest w:
                mem[w.Adr] = w.Val;
                buf[p] = NoVal.Instance;
                break;
            case ReadRequest r:
                buf[p] = new Value(mem[r.Adr]);
                break;
        }
        ctl[p] = Ctl.Done;
    }

    [Action(FairnessGroup = "DoOrRsp")]
    void Rsp([Process] Proc p)
    {
        Require(ctl[p] == Ctl.Done);
        memInt = new MemInt(p, buf[p]);   // Reply(p, buf[p], memInt, memInt')
        ctl[p] = Ctl.Rdy;
    }

    bool IsRdy(Proc p) => ctl[p] == Ctl.Rdy;

    /// <summary>LivenessProperty: whenever p has issued a request, a response eventually occurs.</summary>
    [LeadsTo(nameof(IsRdy))]
    bool LivenessProperty(Proc p) => ctl[p] == Ctl.Busy;

    // Liveness == \A p : WF_vars(Do(p)) /\ WF_vars(Rsp(p)). Do(p) is enabled exactly when ctl[p] = "busy"
    // and always leaves "busy"; Rsp(p) is enabled exactly when ctl[p] = "done" and always leaves "done".
    // So WF_vars(Do(p)) is busy ~> not busy, and WF_vars(Rsp(p)) is done ~> not done.

    bool NotBusy(Proc p) => ctl[p] != Ctl.Busy;

    bool NotDone(Proc p) => ctl[p] != Ctl.Done;

    [LeadsTo(nameof(NotBusy))]
    bool LivenessDo(Proc p) => ctl[p] == Ctl.Busy;

    [LeadsTo(nameof(NotDone))]
    bool LivenessRsp(Proc p) => ctl[p] == Ctl.Done;
}
