using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpecifyingSystems.AsynchronousInterface;

/// <summary>The asynchronous interface of Specifying Systems (AsynchInterface.tla, AsynchInterface.cfg).</summary>
[StateMachine]
public partial class AsynchInterface
{
    public enum Data { D1, D2, D3 }

    Data val;
    int rdy;
    int ack;

    public AsynchInterface(Data val, [Range(0, 1)] int rdy)
    {
        this.val = val;
        this.rdy = rdy;
        ack = rdy;
    }

    [Action]
    void Send(Data d)
    {
        Require(rdy == ack);
        val = d;
        rdy = 1 - rdy;
    }

    [Action]
    void Rcv()
    {
        Require(rdy != ack);
        ack = 1 - ack;
    }

    [Invariant]
    bool TypeInvariant() => Enum.IsDefined(val) && rdy is 0 or 1 && ack is 0 or 1;
}
