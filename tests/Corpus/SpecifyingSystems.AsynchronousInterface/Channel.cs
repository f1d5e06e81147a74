using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpecifyingSystems.AsynchronousInterface;

/// <summary>The channel of Specifying Systems (Channel.tla, Channel.cfg): the interface as one record variable.</summary>
[StateMachine]
public partial class Channel
{
    public enum Data { D1, D2, D3 }

    public readonly record struct Chan(Data Val, int Rdy, int Ack);

    Chan chan;

    /// <summary>Init == TypeInvariant /\ chan.ack = chan.rdy.</summary>
    public Channel(Data val, [Range(0, 1)] int rdy, [Range(0, 1)] int ack)
    {
        Require(ack == rdy);
        chan = new Chan(val, rdy, ack);
    }

    [Action]
    void Send(Data d)
    {
        Require(chan.Rdy == chan.Ack);
        chan = chan with { Val = d, Rdy = 1 - chan.Rdy };
    }

    [Action]
    void Rcv()
    {
        Require(chan.Rdy != chan.Ack);
        chan = chan with { Ack = 1 - chan.Ack };
    }

    [Invariant]
    bool TypeInvariant() => Enum.IsDefined(chan.Val) && chan.Rdy is 0 or 1 && chan.Ack is 0 or 1;
}
