using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.ByzPaxos;

/// <summary>
/// The consensus specification: a single step changes <c>chosen</c> from {} to {v}.
/// LiveSpec adds weak fairness of Next, so some value is eventually chosen.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class Consensus
{
    public enum Value { V1, V2, V3 }

    readonly HashSet<Value> chosen = [];

    [Action]
    void Choose(Value v)
    {
        Require(chosen.Count == 0);
        chosen.Add(v);
    }

    [Invariant]
    bool TypeOK => chosen.All(Enum.IsDefined);

    [Invariant]
    bool Inv => TypeOK && chosen.Count <= 1;

    [Eventually]
    bool Success => chosen.Count != 0;
}
