using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SpecifyingSystems.HourClock;

/// <summary>
/// HourClock2.cfg: the specification HC of HourClock.tla, checked against the property
/// HC2 == HCini /\ [][HCnxt2]_hr, where HCnxt2 == hr' = (hr % 12) + 1.
/// </summary>
[StateMachine]
public partial class HourClock2
{
    int hr;

    public HourClock2([Range(1, 12)] int hr) => this.hr = hr;

    [Action]
    void HCnxt() => hr = hr != 12 ? hr + 1 : 1;

    /// <summary>The HCini conjunct of HC2.</summary>
    [Invariant]
    bool HCini() => hr is >= 1 and <= 12;

    /// <summary>The [][HCnxt2]_hr conjunct of HC2: every step is an HCnxt2 step.</summary>
    [StepInvariant]
    bool HCnxt2(HourClock2 before) => hr == before.hr % 12 + 1;
}
