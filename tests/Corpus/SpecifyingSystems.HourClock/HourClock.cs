using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpecifyingSystems.HourClock;

/// <summary>The hour clock of Specifying Systems (HourClock.tla, HourClock.cfg).</summary>
[StateMachine]
public partial class HourClock
{
    int hr;

    /// <summary>HCini: the clock starts at any hour.</summary>
    public HourClock([Range(1, 12)] int hr) => this.hr = hr;

    [Action]
    void HCnxt() => hr = hr != 12 ? hr + 1 : 1;

    [Invariant]
    bool HCini() => hr is >= 1 and <= 12;
}
