using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace MergeQueue.Analyzers.Orleans.Tests.Models;

/// <summary>
/// Three dials, each turned up one notch at a time from 0 to <see cref="Top"/>: every triple of settings is reachable,
/// so by hand (Top + 1)^3 = 216,000 distinct states, 3 · Top · (Top + 1)^2 = 637,200 transitions (each dial below the
/// top turns, for every setting of the other two) and depth 3 · Top = 177. Big enough to take seconds on a cluster.
/// </summary>
[StateMachine]
public partial class Odometer
{
    public const int Top = 59;
    readonly int[] dial = new int[3];

    [Action] void Turn([Range(0, 2)] int d)
    {
        Require(dial[d] < Top);
        dial[d]++;
    }

    [Terminal] bool AllAtTop() => dial[0] == Top && dial[1] == Top && dial[2] == Top;
}
